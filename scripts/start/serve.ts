import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../lib/paths';
import { forEachLine } from '../lib/run';
import { say } from './step';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  onLine?: (line: string) => void;
}

export interface Servers {
  /** Resolves, with the exit code to use, once one child exited and the rest were stopped. */
  exited: Promise<number>;
  stop: () => Promise<void>;
}

const GRACE_MS = 10_000;

/** Runs the processes side by side, each line of their output prefixed with [name]. */
export function startServers(specs: ChildSpec[], env: NodeJS.ProcessEnv): Servers {
  const children = specs.map((spec) => launch(spec, env));
  const allExited = Promise.all(children.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve()))));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      for (const child of children) if (isRunning(child)) child.kill('SIGTERM');
      const timer = setTimeout(() => {
        for (const child of children) if (isRunning(child)) child.kill('SIGKILL');
      }, GRACE_MS);
      await allExited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  const exited = new Promise<number>((resolve) => {
    children.forEach((child, i) => {
      child.once('exit', (code, signal) => {
        if (stopping) return;
        say(`✗ ${specs[i]?.name} exited (${signal ?? `code ${code}`}); stopping the rest`);
        void stop().then(() => resolve(code || 1));
      });
    });
  });
  return { exited, stop };
}

function launch(spec: ChildSpec, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(spec.command, spec.args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  forEachLine(child, (line) => {
    console.log(`[${spec.name}] ${line}`);
    spec.onLine?.(line);
  });
  child.on('error', (error) => console.log(`[${spec.name}] could not start: ${error.message}`));
  return child;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
