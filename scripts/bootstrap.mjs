// `npm start` entry. Plain JavaScript because on a fresh clone node_modules (and so tsx) does not
// exist yet: install first, then run scripts/start.ts in this same process through tsx's loader.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const say = (message) => console.log(`[loupe] ${message}`);

// npm rewrites node_modules/.package-lock.json on every install, so it is older than
// package-lock.json exactly when the lockfile changed since the last install.
function whyInstall() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(path.join(root, 'node_modules', '.bin', 'tsx')) || !existsSync(installed)) {
    return 'node_modules missing';
  }
  const lock = statSync(path.join(root, 'package-lock.json')).mtimeMs;
  return statSync(installed).mtimeMs < lock ? 'node_modules older than package-lock.json' : null;
}

const started = performance.now();
const reason = whyInstall();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
if (reason) {
  say(`▸ dependencies (${reason}: npm ci) …`);
  const result = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say(`✗ dependencies: npm ci failed ${elapsed()}`);
    process.exit(result.status ?? 1);
  }
  say(`✓ dependencies (installed) ${elapsed()}`);
} else {
  say(`✓ dependencies (node_modules up to date) ${elapsed()}`);
}

const { register } = await import('tsx/esm/api');
register();
await import('./start.ts');
