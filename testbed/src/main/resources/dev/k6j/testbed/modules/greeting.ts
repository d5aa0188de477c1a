// A TypeScript module served over https:// (k6 strips its types as it does for local .ts files).
export interface Greeting {
  to: string;
  text: string;
}

export function greet(to: string): Greeting {
  return { to, text: `hello, ${to}` } satisfies Greeting;
}
