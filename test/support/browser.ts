// Debian's Chromium driven by playwright-core, for the docs tests. A missing
// browser is an error that says how to install it, never a silent skip.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH, missingToolMessage, tool } from '../../scripts/lib/tools.ts';

export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath} (CHROMIUM_PATH chooses another). ${missingToolMessage(tool('Chromium'))}`);
  }
  return chromium.launch({
    executablePath,
    // Without these, Chromium calls out to Google's services; as root it needs --no-sandbox.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface GuardedPage {
  page: Page;
  /** Every request to anything but the local server, blocked. */
  blocked: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** A page whose every non-local request is blocked and recorded, as is every console error. */
export async function guardedPage(browser: Browser, localOrigin: string): Promise<GuardedPage> {
  // Routing the whole context also catches requests of the page's workers.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(localOrigin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, blocked, errors };
}
