import http from 'k6/http';
import { check, sleep } from 'k6';

// 10 virtual users call the page in a loop for 30 seconds.
export const options = {
  vus: 10,
  duration: '30s',{{ if .ProjectID }}
  cloud: {
    projectID: {{ .ProjectID }},
    name: "{{ .ScriptName }}",
  },{{ end }}
};

export default function () {
  const res = http.get('https://quickpizza.grafana.com');
  check(res, { 'status is 200': (r) => r.status === 200 });
  sleep(1);
}
