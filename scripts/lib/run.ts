import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from './paths';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** 'inherit' streams to our terminal; 'capture' keeps output quiet unless the command fails. */
  output?: 'inherit' | 'capture';
  /** Called with every output line (stdout and stderr) when capturing. */
  onLine?: (line: string) => void;
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`${command} exited with ${exitCode ?? 'a signal'}${output ? `\n${output.trimEnd()}` : ''}`);
  }
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  const capture = options.output === 'capture';
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: options.env ?? process.env,
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  const lines: string[] = [];
  if (capture) {
    forEachLine(child, (line) => {
      lines.push(line);
      options.onLine?.(line);
    });
  }
  const label = [command.replace(`${repoRoot}/`, ''), ...args].join(' ');
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new CommandError(label, null, error.message)));
    child.on('close', (code) => {
      const output = lines.join('\n');
      if (code === 0) resolve(output);
      else reject(new CommandError(label, code, output));
    });
  });
}

export function forEachLine(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', onLine);
  }
}
