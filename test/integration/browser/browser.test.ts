// The browser build in a real browser (Debian's Chromium): esbuild bundles the
// clients for the browser (app.ts, beside this file), with the fetch transport
// package.json's `#transport` import gives there and no Node.js code; the
// page, served from one local origin, calls API servers on others that allow
// CORS, with a token and with AK/SK signed by Web Crypto, and gets the typed
// data back. Every non-local request is blocked, and none may be attempted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../../scripts/lib/browser-bundle.ts';
import { acceptsAkSk, successStatusOf } from '../../../scripts/lib/operations.ts';
import { LOCALHOST } from '../../../scripts/lib/ports.ts';
import { firstExample, sampleCalls } from '../../../scripts/lib/sample-calls.ts';
import { serveFolder, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { guardedPage, launchChromium, type GuardedPage } from '../../support/browser.ts';
import { RecordingServer } from '../../support/http-server.ts';
import { loadSpecs, objectAt, operationsOf } from '../../support/specs.ts';
import { VerifyingServer } from '../../support/verifying-server.ts';
import type { Credentials, EvsResult, PageCall } from './app.ts';

const TOKEN = 'MIIZ-browser-token';
const AK = 'HPUAXZ1EXAMPLE7KEYID';
const SK = 'zJ8s9F2kQ0b1EXAMPLEsecretKEYvalue0123456';
const EVS_CREATED = { job_id: '70a599e0-31e7-49b7-b260-868f441e862b', snapshot_id: '2a4d0f86-67cd-408a-8b66-017454fb7793' };

/** Made by beforeAll, which a run that filters out every test of this file skips (and afterAll with it). */
let pageDir: string | undefined;
const tokenServer = new RecordingServer({ cors: true });
const signedServer = new VerifyingServer({ [AK]: SK }, { cors: true, body: EVS_CREATED });
let bundle = '';
let site: StaticServer;
let browser: Browser;
let guarded: GuardedPage;

beforeAll(async () => {
  bundle = new TextDecoder().decode(await bundleForBrowser({ entryPoints: [resolve(import.meta.dirname, 'app.ts')] }));
  pageDir = mkdtempSync(join(tmpdir(), 'snapshot-apis-browser-'));
  writeFileSync(join(pageDir, 'app.js'), bundle);
  writeFileSync(join(pageDir, 'index.html'), '<!doctype html><title>snapshot-apis</title><script type="module" src="app.js"></script>');
  await Promise.all([tokenServer.start(), signedServer.start()]);
  site = await serveFolder(pageDir, 0);
  browser = await launchChromium();
  // Every port of this machine is local; anything else is blocked and recorded.
  guarded = await guardedPage(browser, `http://${LOCALHOST}:`);
  await guarded.page.goto(site.url);
  await guarded.page.waitForFunction(() => 'snapshotApis' in globalThis);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await Promise.all([tokenServer.stop(), signedServer.stop()]);
  if (pageDir !== undefined) rmSync(pageDir, { recursive: true, force: true });
});

interface PageApi {
  createEvsSnapshot(baseUrl: string, credentials: Credentials): Promise<EvsResult>;
  callSample(call: PageCall, baseUrl: string, credentials: Credentials): Promise<{ status: number; data: unknown; error: unknown }>;
}

/** Calls one of app.ts's functions in the page; arguments and result cross as JSON. */
function inPage<Name extends keyof PageApi>(name: Name, ...args: Parameters<PageApi[Name]>): ReturnType<PageApi[Name]> {
  return guarded.page.evaluate(
    ([method, values]) =>
      (globalThis as unknown as { snapshotApis: Record<string, (...given: unknown[]) => Promise<unknown>> }).snapshotApis[method]!(
        ...values,
      ),
    [name, args] as const,
  ) as ReturnType<PageApi[Name]>;
}

describe('the browser build', () => {
  it('holds no Node.js transport: no undici, no zlib, no imports at all', () => {
    expect(bundle).not.toMatch(/getGlobalDispatcher|undici\.globalDispatcher|node:zlib|brotliDecompress/);
    expect(bundle).not.toMatch(/^\s*import\s|\bimport\s*\(/m);
  });

  it('creates an EVS snapshot with a token, and gets the typed data', async () => {
    tokenServer.reply({ status: 202, body: EVS_CREATED });
    const result = await inPage('createEvsSnapshot', tokenServer.url, { token: TOKEN });
    expect(result).toEqual({ status: 202, jobId: EVS_CREATED.job_id, snapshotId: EVS_CREATED.snapshot_id });
    const [sent] = tokenServer.requests;
    expect(sent!.headers['x-auth-token']).toBe(TOKEN);
    expect(JSON.parse(sent!.body)).toEqual({ snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411', name: 'from-the-browser' } });
  });

  it('creates an EVS snapshot signed with AK/SK by Web Crypto, accepted by the vendor’s signer', async () => {
    const result = await inPage('createEvsSnapshot', signedServer.url, { ak: AK, sk: SK });
    expect(result).toEqual({ status: 200, jobId: EVS_CREATED.job_id, snapshotId: EVS_CREATED.snapshot_id });
    expect(String(signedServer.received.at(-1)!.authorization)).toMatch(/^SDK-HMAC-SHA256 Access=HPUAXZ1EXAMPLE7KEYID, /);
  });

  it('is refused by the signature check when the secret key is wrong', async () => {
    const result = await inPage('createEvsSnapshot', signedServer.url, { ak: AK, sk: 'not-the-secret-key' });
    expect(result.status).toBe(401);
    expect(result.jobId).toBeUndefined();
    expect(result.error).toMatchObject({ error_code: 'APIGW.0301' });
  });
});

const specs = await loadSpecs();
const everyCall = specs.flatMap(({ name, document }) => {
  const responses = operationsOf(document).map(({ operation }) => operation);
  return sampleCalls(document, name).map((sample, index) => {
    const operation = responses[index]!;
    const success = objectAt(operation, 'responses', successStatusOf(operation));
    const example = 'content' in success ? firstExample(objectAt(success, 'content', 'application/json')) : undefined;
    const call: PageCall = {
      api: name as PageCall['api'],
      method: sample.method,
      path: sample.path,
      pathParams: sample.pathParams,
      query: sample.query,
      ...(sample.body === undefined ? {} : { body: sample.body }),
    };
    return { name, operationId: sample.operationId, call, status: sample.successStatus, example, signing: acceptsAkSk(document) };
  });
});

describe('every operation in the browser', () => {
  it.each(everyCall)('$name $operationId works with a token', async ({ call, status, example }) => {
    tokenServer.reply({ status, body: example });
    const result = await inPage('callSample', call, tokenServer.url, { token: TOKEN });
    expect(result).toEqual({ status, data: example });
    expect(tokenServer.requests[0]!.headers['x-auth-token']).toBe(TOKEN);
  });

  it.each(everyCall.filter(({ signing }) => signing))('$name $operationId works with AK/SK', async ({ call }) => {
    const result = await inPage('callSample', call, signedServer.url, { ak: AK, sk: SK });
    expect(result).toEqual({ status: 200, data: EVS_CREATED });
  });
});

describe('the page', () => {
  it('tried no request off this machine and logged no error', () => {
    expect(guarded.blocked).toEqual([]);
    // Chromium logs the 401 of the wrong-key test as a failed resource load; nothing else may appear.
    expect(guarded.errors.filter((error) => !error.includes('status of 401 (Unauthorized)'))).toEqual([]);
  });
});
