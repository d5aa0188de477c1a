import http from 'k6/http';
import { check, sleep } from 'k6';

const BASE_URL = __ENV.BASE_URL || 'https://quickpizza.grafana.com';

// Ramp up to 5, then 10 virtual users, and back down; fail the test when requests fail or get slow.
export const options = {
  stages: [
    { duration: '10s', target: 5 },
    { duration: '20s', target: 10 },
    { duration: '1s', target: 0 },
  ],
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<500', 'p(99)<1000'],
  },{{ if .ProjectID }}
  cloud: {
    projectID: {{ .ProjectID }},
    name: "{{ .ScriptName }}",
  },{{ end }}
};

// Runs once before the load: stop early when the service is not there.
export function setup() {
  const res = http.get(BASE_URL);
  if (res.status !== 200) {
    throw new Error(`Got unexpected status code ${res.status} when trying to setup. Exiting.`);
  }
}

export default function () {
  const restrictions = {
    maxCaloriesPerSlice: 500,
    mustBeVegetarian: false,
    excludedIngredients: ['pepperoni'],
    excludedTools: ['knife'],
    maxNumberOfToppings: 6,
    minNumberOfToppings: 2,
  };
  const res = http.post(`${BASE_URL}/api/pizza`, JSON.stringify(restrictions), {
    headers: { 'Content-Type': 'application/json', Authorization: 'token abcdef0123456789' },
  });
  check(res, { 'status is 200': (r) => r.status === 200 });
  if (res.status === 200) {
    const pizza = res.json().pizza;
    console.log(`${pizza.name} (${pizza.ingredients.length} ingredients)`);
  }
  sleep(1);
}
