import http from 'k6/http';
import { check, sleep } from 'k6';
import type { Options } from 'k6/options';
import { type Counter } from 'k6/metrics';

interface User { id: number; name: string; tags?: string[] }
type Id = number | string;
enum Status { Ok = 200, NotFound = 404 }
const enum Mode { Fast, Slow }
declare const __ENV: Record<string, string>;

export const options: Options = { vus: 1, iterations: 1 } satisfies Options;

class Client<T extends User = User> {
  private count = 0;
  constructor(private readonly base: string, public user?: T) {}
  url(path: string): string { this.count++; return `${this.base}${path}`; }
}

function pick<T, K extends keyof T>(o: T, k: K): T[K] { return o[k]; }
const users = [{ id: 1, name: 'a' }] as User[];
let maybe!: number;
const n = users[0]!.id as unknown as Id;
abstract class Base { abstract run(): void; }

export default function (): void {
  const c = new Client<User>('https://example.com', users[0]);
  const mode: Mode = Mode.Fast;
  check(pick(users[0], 'name'), { 'has name': (v: string) => v.length > 0 });
  console.log(c.url('/x'), Status.NotFound, mode, n);
  sleep(0.01);
}
