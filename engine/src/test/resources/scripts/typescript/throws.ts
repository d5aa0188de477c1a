interface Reason {
  text: string;
}

const reason: Reason = { text: 'boom' };

export default function (): void {
  throw new Error(reason.text);
}
