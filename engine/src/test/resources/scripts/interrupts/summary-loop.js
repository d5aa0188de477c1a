export default function () {}
export function handleSummary() {
  console.log('handleSummary running');
  while (true) { /* spin */ }
}
