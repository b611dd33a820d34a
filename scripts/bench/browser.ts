// The browser path measured in a browser: Debian's Chromium (playwright-core)
// loads a page that the bench server serves on the API's own origin, bundled
// by esbuild for the browser (scripts/bench/browser-page.ts), and makes each
// API's create call with bare fetch and through the client, with 1 and 8
// calls in flight, in alternating rounds, as scripts/bench/clients.ts does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../../test/support/browser.ts';
import { loadApis, repoRoot } from '../lib/apis.ts';
import { bundleForBrowser } from '../lib/browser-bundle.ts';
import { bundleSpec } from '../lib/bundle.ts';
import { sampleCalls, type SampleCall } from '../lib/sample-calls.ts';
import { IN_FLIGHT, measure, startServer, type Comparison, type Probe } from './clients.ts';

export async function benchBrowser(rounds = 30, requests = 50): Promise<Comparison[]> {
  const pageDir = mkdtempSync(join(tmpdir(), 'snapshot-apis-bench-'));
  writeFileSync(
    join(pageDir, 'app.js'),
    await bundleForBrowser({ entryPoints: [resolve(repoRoot, 'scripts/bench/browser-page.ts')] }, true),
  );
  writeFileSync(join(pageDir, 'index.html'), '<!doctype html><title>bench</title><script type="module" src="/app.js"></script>');
  const server = await startServer(pageDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => 'bench' in globalThis);
    const probe =
      (way: 'fetch' | 'client', api: string, sample: SampleCall): Probe =>
      async (count, inFlight) => ({
        rps: await page.evaluate(
          ([w, a, s, n, f]) =>
            (globalThis as unknown as { bench: { rate(...args: unknown[]): Promise<number> } }).bench.rate(w, a, s, n, f),
          [way, api, sample, count, inFlight] as const,
        ),
      });
    const results: Comparison[] = [];
    for (const { name: api, root } of loadApis()) {
      const sample = sampleCalls(await bundleSpec(root, { dereference: true }), api)[0]!;
      for (const inFlight of IN_FLIGHT) {
        results.push(
          ...(await measure(
            api,
            inFlight,
            probe('fetch', api, sample),
            [['Chromium: client / fetch', probe('client', api, sample)]],
            rounds,
            requests,
          )),
        );
      }
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(pageDir, { recursive: true, force: true });
  }
}
