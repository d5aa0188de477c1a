export interface Shape {
  kind: 'square' | 'circle';
  size: number;
}

export function area(shape: Shape): number {
  return shape.kind === 'square' ? shape.size * shape.size : Math.PI * shape.size * shape.size;
}
