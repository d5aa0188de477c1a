// CPU benchmark of plain JavaScript logic (benchmarks/js-runtime.sh, workload "loops"): object
// property reads, arithmetic and function calls in loops, no built-ins doing the work — the kind of
// code the optimizing runtime compiles best (the "loop" kernel of docs/runtime.md).
import { check } from 'k6';

function makeItems(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push({ id: i, qty: (i % 7) + 1, price: (i * 31) % 97, discount: i % 3 === 0 });
  }
  return items;
}

function lineTotal(item) {
  const gross = item.qty * item.price;
  return item.discount ? gross * 0.9 : gross;
}

export default function () {
  const items = makeItems(1000);
  let total = 0;
  for (let pass = 0; pass < 50; pass++) {
    for (let i = 0; i < items.length; i++) {
      total += lineTotal(items[i]) + (pass & 1);
    }
  }
  check(total, { 'the total is positive': (t) => t > 0 });
}
