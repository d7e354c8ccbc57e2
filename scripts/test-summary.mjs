// Prints npm test's closing summary from the stage timings and the runners' JSON reports that
// scripts/test.sh collected in the directory given as argument.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const read = (name) => {
  const file = path.join(dir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};

// vitest's json reporter (jest format) and Playwright's json reporter count differently.
function vitestCounts(report) {
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}
function playwrightCounts(report) {
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

const counts = {
  unit: read('unit.json') && vitestCounts(read('unit.json')),
  integration: read('integration.json') && vitestCounts(read('integration.json')),
  e2e: read('e2e.json') && playwrightCounts(read('e2e.json')),
};

const stagesFile = path.join(dir, 'stages.tsv');
const stages = existsSync(stagesFile)
  ? readFileSync(stagesFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
  : [];

console.log('\n[test] summary');
let total = 0;
for (const [name, seconds, rc] of stages) {
  total += Number(seconds);
  const c = counts[name];
  const tally = c ? `  ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}` : '';
  const status = rc === '0' ? 'ok' : `FAILED (exit ${rc})`;
  console.log(`  ${name.padEnd(14)} ${`${seconds}s`.padStart(8)}  ${status}${tally}`);
}
console.log(`  ${'total'.padEnd(14)} ${`${total.toFixed(1)}s`.padStart(8)}`);

const sum = (key) => Object.values(counts).reduce((n, c) => n + (c ? c[key] : 0), 0);
const skipped = sum('skipped');
console.log(`tests: ${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
