export function setup() {
  console.log('setup running');
  while (true) { /* spin */ }
}
export default function () {}
export function teardown() { console.log('teardown ran'); }
