// TypeScript, as k6 runs it: types are stripped before the script runs (no type checking), enums and
// parameter properties become JavaScript, and errors point at the .ts lines.
//   ./k6j run examples/typescript.ts
import { check, group, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';

interface Order {
  id: number;
  items: string[];
  coupon?: string;
}

enum Priority {
  Low = 1,
  High = 5,
}

export const options: Options = {
  vus: 2,
  duration: '3s',
  thresholds: { checks: ['rate==1'], orders_placed: ['count>0'] },
} satisfies Options;

const ordersPlaced = new Counter('orders_placed');

class Basket<T extends Order = Order> {
  private readonly orders: T[] = [];

  constructor(private readonly owner: string) {}

  add(order: T): number {
    this.orders.push(order);
    return this.orders.length;
  }

  total(): number {
    return this.orders.reduce((sum, order) => sum + order.items.length, 0);
  }
}

function priorityOf(order: Order): Priority {
  return order.items.length > 2 ? Priority.High : Priority.Low;
}

export default function (): void {
  const basket = new Basket<Order>(`vu-${__VU}`);
  group('place an order', () => {
    const order = { id: __ITER, items: ['tea', 'cake', 'jam'] } as Order;
    basket.add(order);
    ordersPlaced.add(1);
    check(order, {
      'the basket counts items': () => basket.total() === 3,
      'a big order is high priority': (o: Order) => priorityOf(o) === Priority.High,
    });
  });
  sleep(0.5);
}
