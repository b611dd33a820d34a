// The rendered docs in a real browser (Debian's Chromium), with every request
// that is not to the local docs server blocked: each page shows what its spec
// says, the index links everything and lists every recorded deviation, and
// nothing on any page tries to leave the machine or logs an error.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/apis.ts';
import { bundleSpec } from '../../../scripts/lib/bundle.ts';
import { listDeviations } from '../../../scripts/lib/deviations.ts';
import { buildDocs } from '../../../scripts/lib/docs.ts';
import { serveFolder, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { guardedPage, launchChromium } from '../../support/browser.ts';
import { isObject, loadSpecs, operationsOf, requestBodySchema, type Json, type JsonObject, type LoadedSpec } from '../../support/specs.ts';

const docsDir = mkdtempSync(join(tmpdir(), 'snapshot-apis-docs-'));
const screenshots = resolve(repoRoot, 'test-results/screenshots');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  await buildDocs(docsDir);
  server = await serveFolder(docsDir, 0);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(docsDir, { recursive: true, force: true });
});

/** Every property name a request body can carry. */
function fieldNames(schema: Json, names = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => fieldNames(item, names));
  else if (isObject(schema)) {
    if (isObject(schema['properties'])) Object.keys(schema['properties']).forEach((name) => names.add(name));
    Object.entries(schema).forEach(([key, child]) => key !== 'x-doc-deviation' && key !== 'examples' && fieldNames(child, names));
  }
  return names;
}

/** The first string (or other scalar) inside an example value, as Redoc prints it. */
function firstLeaf(value: Json): string {
  if (Array.isArray(value)) return value.length > 0 ? firstLeaf(value[0]!) : '[]';
  if (isObject(value)) {
    const entries = Object.values(value);
    return entries.length > 0 ? firstLeaf(entries[0]!) : '{}';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function visit(name: string) {
  const guarded = await guardedPage(browser, server.url.replace(/\/$/, ''));
  const response = await guarded.page.goto(`${server.url}${name}`, { waitUntil: 'networkidle' });
  await guarded.page.screenshot({ path: resolve(screenshots, `${name.replace('.html', '')}.png`), fullPage: true });
  const text = (await guarded.page.locator('body').innerText()).replace(/\s+/g, ' ');
  const options = (await guarded.page.locator('option').allTextContents()).map((option) => option.trim());
  return { ...guarded, status: response?.status(), text, options };
}

const specs: LoadedSpec[] = await loadSpecs();
/** Each spec's recorded deviations, from the bundle (not dereferenced, so shared ones count once), read once. */
const deviationsOf = new Map(
  await Promise.all(specs.map(async ({ name, root }) => [name, listDeviations(await bundleSpec(root))] as const)),
);

describe.each(specs)('the $name page', ({ name, document }) => {
  it('shows each operation with its request fields, statuses, examples and deviations, offline and without errors', async () => {
    const { page, status, text, blocked, errors } = await visit(`${name}.html`);
    expect(status).toBe(200);

    for (const { method, path, operation } of operationsOf(document)) {
      // Redoc gives each operation a section with this id; its tabs and samples are looked up inside it.
      const section = page.locator(`[id="operation/${String(operation['operationId'])}"]`);
      const sectionText = (await section.innerText()).replace(/\s+/g, ' ');
      expect(sectionText).toContain(method.toUpperCase());
      expect(text).toContain(path);

      if (isObject(operation['requestBody'])) {
        for (const field of fieldNames(requestBodySchema(operation))) expect(sectionText, `request field ${field}`).toContain(field);
      }

      const responses = operation['responses'] as JsonObject;
      for (const [code, response] of Object.entries(responses)) {
        const description = String((response as JsonObject)['description'])
          .trim()
          .split('\n')[0]!
          .replace(/`/g, '');
        expect(sectionText, `response ${code}`).toContain(code);
        expect(sectionText, `response ${code} description`).toContain(description.slice(0, 40));
      }

      // Redoc shows the examples of one response at a time: pick each status in "Response samples".
      const mediaOf = (holder: unknown): Json =>
        isObject(holder) && isObject(holder['content']) ? (holder['content']['application/json'] ?? null) : null;
      const bodies: [string | undefined, Json][] = [
        [undefined, mediaOf(operation['requestBody'])],
        ...Object.entries(responses).map(([code, response]): [string, Json] => [code, mediaOf(response)]),
      ];
      for (const [code, media] of bodies) {
        const examples = isObject(media) && isObject(media['examples']) ? Object.values(media['examples']).filter(isObject) : [];
        if (examples.length === 0) continue;
        if (code !== undefined) await section.getByRole('tab', { name: code, exact: true }).click();
        const shown = [...(await section.locator('option').allTextContents()), (await section.innerText()).replace(/\s+/g, ' ')];
        for (const example of examples) {
          const expected = examples.length > 1 ? String(example['summary']) : firstLeaf(example['value'] ?? null);
          expect(
            shown.some((visible) => visible.includes(expected)),
            `example "${String(example['summary'])}" of ${code ?? 'the request'}`,
          ).toBe(true);
        }
      }
    }

    // Redoc shows extensions on operations, parameters and fields (as JSON); the index lists them all.
    const shownByRedoc = deviationsOf
      .get(name)!
      .filter((deviation) => deviation.where.includes(' › ') || /^(operation|parameter) /.test(deviation.where));
    expect(shownByRedoc.length).toBeGreaterThan(0);
    for (const deviation of shownByRedoc) {
      const firstLine = JSON.stringify(deviation.service.trim().split('\n')[0]!).slice(1, -1);
      expect(text, `deviation at ${deviation.where}`).toContain(firstLine.slice(0, 50));
    }

    expect(await page.title()).toBe((document['info'] as JsonObject)['title']);
    expect(blocked, 'requests that tried to leave the machine').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });
});

describe('the index page', () => {
  it('links every API page, lists every deviation and offers every spec for download, offline and without errors', async () => {
    const { page, status, blocked, errors } = await visit('index.html');
    expect(status).toBe(200);

    const rows = await page.locator('#apis tbody tr').allInnerTexts();
    const operations = specs.flatMap(({ name, document }) => operationsOf(document).map((operation) => ({ name, document, ...operation })));
    expect(rows).toHaveLength(operations.length);
    for (const { name, document, method, path, operation } of operations) {
      const row = rows.find((candidate) => candidate.includes(String(operation['operationId'])));
      expect(row, `row for ${name} ${String(operation['operationId'])}`).toBeDefined();
      expect(row).toContain(`${method.toUpperCase()} ${path}`);
      expect(row).toContain(String((document['info'] as JsonObject)['version']));
      expect(row).toContain(Object.keys(operation['responses'] as object).find((code) => code.startsWith('2'))!);
    }

    const deviations = [...deviationsOf.values()].flat();
    expect(await page.locator('#deviations tbody tr').count()).toBe(deviations.length);
    expect(deviations.length).toBeGreaterThan(20);

    for (const { name } of specs) {
      for (const extension of ['json', 'yaml']) {
        const href = `openapi/${name}.${extension}`;
        await expect(page.locator(`#downloads a[href="${href}"]`).count()).resolves.toBe(1);
        expect((await fetch(`${server.url}${href}`)).status, href).toBe(200);
      }
    }

    for (const { name, document } of specs) {
      await page.locator(`#apis a[href="${name}.html"]`).click();
      await page.waitForLoadState('networkidle');
      expect(await page.title()).toBe((document['info'] as JsonObject)['title']);
      await page.goBack();
    }

    expect(blocked, 'requests that tried to leave the machine').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });
});

describe('a missing browser', () => {
  it('fails with a message that says how to install it', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/apt-get install -y chromium/);
  });
});
