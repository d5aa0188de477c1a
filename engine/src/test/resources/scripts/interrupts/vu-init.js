// Each VU's init code takes a while, so initializing many is slow.
console.log('initializing VU ' + __VU);
let sum = 0;
for (let i = 0; i < 200000; i++) { sum += i; }
export default function () {}
export function teardown() { console.log('teardown ran'); }
