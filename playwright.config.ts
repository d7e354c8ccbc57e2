import { defineConfig } from '@playwright/test';

// e2e runs the production build (next start) with a workers process, against a database
// (loupe_e2e), queue prefix (loupe-e2e) and data directory (./data/e2e) of its own that
// scripts/e2e-server.ts recreates and seeds on every run; it builds first when .next is older
// than any source file. E2E_PORT=3200 runs a second suite alongside (loupe_e2e_3200 ...).
// See scripts/README.md.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // Two cores: one browser at a time, and the tests share one seeded database.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    headless: true,
    // Debian's Chromium: Playwright cannot download its own browser here.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without the background-networking flags Chromium keeps dialling out on a closed network.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node_modules/.bin/tsx scripts/e2e-server.ts',
    url: `${baseURL}/signin`,
    env: { E2E_PORT: String(PORT) },
    // Covers a cold `next build` (1-3 min on two busy cores) when npm test's build stage did
    // not run first, plus migrating a new template (~15 s) and seeding.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
