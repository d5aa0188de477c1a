// `global` exists in k6's default "extended" compatibility mode only.
export default function (): void {
  console.log('global is ' + (typeof global === 'undefined' ? 'undefined' : 'globalThis'));
}
