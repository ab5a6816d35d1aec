/** A one-line progress bar on a TTY stream (nothing at all when the stream is not a terminal). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update: (step: string, done: number) => void; end: () => void } {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  const width = 24;
  return {
    update(step, done) {
      const n = Math.round(Math.max(0, Math.min(1, done)) * width);
      stream.write(`\r[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${step}`.padEnd(72).slice(0, 72));
    },
    end() {
      stream.write('\r' + ' '.repeat(72) + '\r');
    },
  };
}
