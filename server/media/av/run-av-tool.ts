import { spawn } from 'node:child_process';
import { MediaRejection } from '../media-rejection';

export interface RunOptions {
  timeoutMs: number;
  /** Receives stdout as it arrives (decoded PCM, packet lists) instead of buffering it. */
  onStdout?: (chunk: Buffer) => void;
}

export interface RunResult {
  stdout: string;
  /** The last 16 KiB: where ffmpeg's filters (volumedetect) report. */
  stderr: string;
}

/** A tool that exited non-zero: `stderr` is the trimmed tail, for logs and rejection messages. */
export class AvToolError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderr: string,
    command: string,
  ) {
    super(`${command} exited with ${exitCode}: ${stderr}`);
    this.name = 'AvToolError';
  }
}

// Enough for the last error lines; a tool stuck printing warnings must not grow our memory.
const STDERR_KEEP_BYTES = 16 * 1024;

/**
 * Spawns ffmpeg/ffprobe without a shell (no argument is ever interpreted) and SIGKILLs it on timeout,
 * reported as a 'timeout' MediaRejection (the pipeline decides whether a busy machine deserves a retry).
 */
export function runAvTool(command: 'ffmpeg' | 'ffprobe', args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // stdin is closed, so ffmpeg never waits for a keypress.
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = Buffer.alloc(0);
    let timedOut = false;
    let callbackError: unknown;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (!options.onStdout) return void out.push(chunk);
      try {
        options.onStdout(chunk);
      } catch (error) {
        callbackError = error;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err = Buffer.concat([err, chunk]);
      if (err.length > STDERR_KEEP_BYTES) err = err.subarray(err.length - STDERR_KEEP_BYTES);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = err.toString('utf8');
      if (callbackError) return reject(callbackError);
      if (timedOut)
        return reject(new MediaRejection('timeout', `${command} took longer than ${Math.round(options.timeoutMs / 1000)} s`));
      if (code !== 0) return reject(new AvToolError(code, tail(stderr), command));
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-6).join('\n').trim();
}
