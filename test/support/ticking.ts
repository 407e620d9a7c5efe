// A synthetic trace longer than the merge's pieces: entries a second apart, each naming its word and
// its number, so that the order of merged lines can be told from their text.

/** `count` entries a second apart from `startSeconds`, each `la-lgr Trace: <word> <n>`. */
export function ticking(startSeconds: number, count: number, word: string): string {
  const lines: string[] = [];
  const pad = (n: number) => String(n).padStart(2, "0");
  for (let n = 0; n < count; n++) {
    const t = (startSeconds + n) % 86_400;
    lines.push(`${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)} la-lgr Trace: ${word} ${n}`);
  }
  return `${lines.join("\n")}\n`;
}
