// Helpers for `sniff(head)`: the first lines of a file's head, BOM and blank lines removed.

export function firstLines(head: string, n: number): string[] {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const out: string[] = [];
  let pos = 0;
  while (out.length < n && pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '').trim();
    if (line !== '') out.push(line);
    pos = nl + 1;
  }
  return out;
}
