import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from '@playwright/test';
import { signIn } from '../e2e/support';
import { DEFAULT_TEST_PASSWORD } from '../prisma/factories/create-user';
import { buildIfStale } from '../scripts/lib/build-freshness';
import { bin } from '../scripts/lib/paths';
import { startServers } from '../scripts/start/serve';

// The browser benches' app: the production build (built when stale) under `next start` on its own
// port, and Debian Chromium headless, as a person's browser without a GPU would run the pages.

export interface BrowserApp {
  browser: Browser;
  baseURL: string;
  /** A fresh context (its own cookies and cache) at 1440 × 900, signed in as this user. */
  signedInPage: (email: string, password?: string) => Promise<Page>;
  close: () => Promise<void>;
}

export async function startBrowserApp(port: number): Promise<BrowserApp> {
  const baseURL = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  await buildIfStale(env);
  const servers = startServers(
    [{ name: 'web', command: bin('next'), args: ['start', '-p', String(port), '-H', '127.0.0.1'] }],
    env,
  );
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const close = async () => {
    await browser.close();
    await servers.stop();
  };
  try {
    await waitForServer(`${baseURL}/signin`);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    browser,
    baseURL,
    close,
    async signedInPage(email, password = DEFAULT_TEST_PASSWORD) {
      const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
      // tsx names functions with an `__name` helper; the ones evaluated in the page need it there too.
      await page.addInitScript('globalThis.__name = (fn) => fn');
      await signIn(page, email, password);
      return page;
    },
  };
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer`);
}
