import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dataPath } from '../lib/paths';
import { forEachLine } from '../lib/run';
import type { RunningService } from './embedded-postgres';
import { StartError } from './step';

export const CHILD_REDIS_PORT = 6380;

/** Runs Debian's redis-server as a child of `npm start`, without persistence. */
export async function startRedisChild(): Promise<RunningService> {
  const directory = dataPath('redis');
  await mkdir(directory, { recursive: true });
  const args = ['--port', String(CHILD_REDIS_PORT), '--bind', '127.0.0.1'];
  args.push('--dir', directory, '--save', '', '--appendonly', 'no');
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string) => reject(new StartError(`redis-server ${why}\n${log.join('\n')}`));
    forEachLine(child, (line) => {
      log.push(line);
      if (line.includes('Ready to accept connections')) resolve();
    });
    child.on('error', (error) => fail(`could not start: ${error.message}`));
    child.on('exit', (code) => fail(`exited with ${code}`));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${CHILD_REDIS_PORT}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
