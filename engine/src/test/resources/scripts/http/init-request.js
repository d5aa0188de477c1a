// Requests in the init context are refused, as in k6.
import http from 'k6/http';

http.get(`${__ENV.HTTP}/get`);

export default function () {}
