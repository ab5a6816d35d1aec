/** Called after each finished unit of work. */
export type ProgressSink = (done: number, total: number) => void;

/** A stream that may be a terminal (process.stderr is one). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(s: string): unknown;
}

/**
 * A one-line progress bar redrawn in place (`\r`) on a terminal, e.g. `sweep lockup-short [######----] 61/100`;
 * undefined when the stream is not a TTY, so piped and CI output stays quiet.
 */
export function ttyProgress(label: string, stream: ProgressStream, width = 30): ProgressSink | undefined {
  if (!stream.isTTY) return undefined;
  return (done, total) => {
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    if (done >= total) stream.write('\n');
  };
}
