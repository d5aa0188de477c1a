// Imported by ./index.js as './random.js': fetched from the same folder of the same server.
export const alphabet = 'abcdefghijklmnopqrstuvwxyz';

export function pick(charset) {
  return charset.charAt(Math.floor(Math.random() * charset.length));
}
