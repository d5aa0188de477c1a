// Init code runs once per VU, and for VU 0 only as k6 makes it (VuFootprintTest): the options VU, and a fresh VU 0
// only when setup, teardown or handleSummary will run.
console.log(`init ${__VU}`);

export const options = { vus: 2, iterations: 2 };

export default function () {}
