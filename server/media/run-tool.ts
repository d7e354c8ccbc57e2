import { spawn } from 'node:child_process';
import { MediaRejection } from './media-rejection';

export interface RunToolOptions {
  /** Kill the tool after this long, so a hung decoder cannot hold a worker slot forever. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

// Runs a command-line tool (ffmpeg, ffprobe) without a shell, so no argument is ever interpreted,
// and resolves with its stdout; a non-zero exit rejects with the tail of stderr. A timeout is a
// 'timeout' rejection, as in server/media/av/run-av-tool.ts: the pipeline retries it while attempts
// remain and quarantines on the last one (server/pipeline/README.md).
export function runTool(command: string, args: string[], options: RunToolOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return reject(new MediaRejection('timeout', `${command} took longer than ${Math.round(timeoutMs / 1000)} s`));
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const stderr = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-5).join('\n');
      reject(new Error(`${command} exited with ${code}: ${stderr}`));
    });
  });
}
