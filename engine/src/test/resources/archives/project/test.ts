// The TypeScript fixture: types, an interface, an enum, and a .ts module.
import { check } from 'k6';
import { area, type Shape } from './lib/shapes.ts';

enum Size { Small = 2, Large = 3 }

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function (): void {
  const square: Shape = { kind: 'square', size: Size.Large };
  check(square, { 'area from a .ts module': (s: Shape) => area(s) === 9 });
}
