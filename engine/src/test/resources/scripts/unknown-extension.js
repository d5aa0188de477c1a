import redis from 'k6/x/redis';

export default function () {}
