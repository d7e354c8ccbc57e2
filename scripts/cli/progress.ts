import { SingleBar } from 'cli-progress';

const MB = 1024 * 1024;

/** A progress bar on stderr (files, MB, MB/s, ETA), drawn only on a terminal. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const bar = new SingleBar({
    stream,
    format:
      'importing [{bar}] {percentage}% | {files}/{totalFiles} files | {mb}/{totalMb} MB | {rate} MB/s | ETA {eta_formatted}',
    hideCursor: true,
    etaBuffer: 50,
  });
  const started = Date.now();
  let files = 0;
  let bytes = 0;
  let totals = { files: 0, bytes: 0 };
  const payload = () => ({
    files,
    totalFiles: totals.files,
    mb: (bytes / MB).toFixed(1),
    totalMb: (totals.bytes / MB).toFixed(1),
    rate: (bytes / MB / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1),
  });
  return {
    start(planned: { files: number; bytes: number }) {
      totals = planned;
      // Bytes drive the bar and its ETA; an empty folder still gets a (full) bar.
      bar.start(Math.max(1, planned.bytes), 0, payload());
    },
    fileDone(file: { bytes: number }) {
      files++;
      bytes += file.bytes;
      bar.update(bytes, payload());
    },
    stop() {
      bar.stop();
    },
  };
}
