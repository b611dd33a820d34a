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

/**
 * Opens pages that share one browser context, each blocking every non-local request and recording it, and
 * every console error, for itself. Sharing the context costs Chromium less than a context per page: 7 docs
 * pages took about 7 CPU-seconds to load in one context, and 12 in a context each.
 */
export async function guardedContext(browser: Browser, localOrigin: string): Promise<() => Promise<GuardedPage>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const blockedOf = new Map<Page, string[]>();
  // Routing the whole context also catches requests of the pages' workers. A request whose page is not
  // known counts against every page.
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(localOrigin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    let from: Page | undefined;
    try {
      from = request.frame().page();
    } catch {
      from = undefined;
    }
    for (const [page, blocked] of blockedOf) if (from === undefined || from === page) blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return async () => {
    const page = await context.newPage();
    const blocked: string[] = [];
    const errors: string[] = [];
    blockedOf.set(page, blocked);
    page.on('close', () => blockedOf.delete(page));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    return { page, blocked, errors };
  };
}

/** A page, in a context of its own, whose every non-local request is blocked and recorded, as is every console error. */
export async function guardedPage(browser: Browser, localOrigin: string): Promise<GuardedPage> {
  return (await guardedContext(browser, localOrigin))();
}
