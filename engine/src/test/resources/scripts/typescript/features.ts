// Every TypeScript construct k6's esbuild loader strips or turns into JavaScript.
import { check } from 'k6';
import type { Options } from 'k6/options';
import { type Counter } from 'k6/metrics';
import { Level, pair } from './lib.ts';
import { shout } from './helper.js';

interface Order {
  id: number;
  items?: string[];
}
type Id = number | string;
enum Status { Ok = 200, NotFound = 404 }
const enum Mode { Fast, Slow }
declare const unknownGlobal: string;

export const options: Options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
} satisfies Options;

class Basket<T extends Order = Order> {
  private count = 0;
  constructor(private readonly owner: string, public first?: T) {}
  add(): number {
    this.count++;
    return this.count;
  }
  get who(): string {
    return this.owner;
  }
}

function pick<T, K extends keyof T>(object: T, key: K): T[K] {
  return object[key];
}

abstract class Shape {
  abstract area(): number;
}
class Square extends Shape {
  constructor(private side: number) {
    super();
  }
  area(): number {
    return this.side * this.side;
  }
}

export default function (): void {
  const order = { id: 7 } as Order;
  const id: Id = order!.id as unknown as number;
  const basket = new Basket<Order>('ann', order);
  const mode: Mode = Mode.Slow;
  check(order, {
    'interfaces, as and !': (o: Order) => o.id === 7 && id === 7,
    'enums': () => Status.NotFound === 404 && Status[200] === 'Ok' && mode === 1,
    'generics': () => pick(order, 'id') === 7 && pair<string>('x').length === 2,
    'parameter properties': () => basket.add() === 1 && basket.who === 'ann' && basket.first === order,
    'abstract classes': () => new Square(3).area() === 9,
    'a .ts module from .ts': () => Level.High === 10,
    'a .js module from .ts': () => shout('ok') === 'OK',
  });
}
