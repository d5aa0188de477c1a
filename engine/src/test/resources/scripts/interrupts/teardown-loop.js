export default function () {}
export function teardown() {
  console.log('teardown running');
  while (true) { /* spin */ }
}
