// `next build` unless .next is newer than every source file; npm test's build stage.
import { buildIfStale } from './lib/build-freshness';
import { CommandError } from './lib/run';

try {
  console.log(`[build] ${await buildIfStale()}`);
} catch (error) {
  // next build already printed its errors; the stack of our wrapper would only add noise.
  if (!(error instanceof CommandError)) throw error;
  console.log(`[build] ✗ ${error.command} exited with ${error.exitCode}`);
  process.exitCode = 1;
}
