export enum Level {
  Low = 1,
  High = 10,
}

export function pair<T>(value: T): T[] {
  return [value, value];
}
