// Init code that never ends: only a signal stops it.
console.log('init code running');
while (true) { /* spin */ }
export default function () {}
