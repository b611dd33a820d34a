// The rendered docs in a real browser (Debian's Chromium), with every request
// that is not to the local docs server blocked: each API page shows what its
// spec says, each recorded deviation as a callout with links to its evidence
// and each operation's code samples; the guides show their steps and the
// errors of each call; the index links everything. No page tries to leave the
// machine, logs an error or shows raw JSON, and every link resolves locally or
// goes to the evidence. One build, one browser; each page is opened once.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSamples } from '../../../scripts/docs/code-samples.ts';
import { guidePage, renderGuide } from '../../../scripts/docs/guides.ts';
import { repoRoot } from '../../../scripts/lib/apis.ts';
import { bundleSpec } from '../../../scripts/lib/bundle.ts';
import { evidenceUrl, listDeviations, type Deviation } from '../../../scripts/lib/deviations.ts';
import { buildDocs } from '../../../scripts/lib/docs.ts';
import { serveFolder, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { guardedContext, launchChromium, type GuardedPage } from '../../support/browser.ts';
import { isObject, loadSpecs, operationsOf, requestBodySchema, type Json, type JsonObject, type LoadedSpec } from '../../support/specs.ts';

/** Made by beforeAll, which a run that filters out every test of this file skips (and afterAll with it). */
let docsDir: string | undefined;
// Screenshots are for people to look at, and assert nothing: taking them costs a few seconds of CPU
// in every run, so only `DOCS_SCREENSHOTS=1` takes them.
const screenshots = process.env['DOCS_SCREENSHOTS'] === '1' ? resolve(repoRoot, 'test-results/screenshots') : undefined;
let server: StaticServer;
let browser: Browser;
/** Every page opens in one browser context. */
let newPage: () => Promise<GuardedPage>;

beforeAll(async () => {
  if (screenshots !== undefined) mkdirSync(screenshots, { recursive: true });
  docsDir = mkdtempSync(join(tmpdir(), 'snapshot-apis-docs-'));
  await buildDocs(docsDir);
  server = await serveFolder(docsDir, 0);
  browser = await launchChromium();
  newPage = await guardedContext(browser, server.url.replace(/\/$/, ''));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (docsDir !== undefined) rmSync(docsDir, { recursive: true, force: true });
});

const specs: LoadedSpec[] = await loadSpecs();
/** Each spec's recorded deviations, from the bundle (not dereferenced, so shared ones count once), read once. */
const deviationsOf = new Map(
  await Promise.all(specs.map(async ({ name, root }) => [name, listDeviations(await bundleSpec(root))] as const)),
);
const samplesOf = new Map(specs.map(({ name, document }) => [name, codeSamples(name, document)]));
const guides = specs.flatMap(({ name, document }) => renderGuide(name, document) ?? []);
const published = guides.filter((guide) => guide.pending === undefined);
/** Where the docs may link outside themselves: the evidence of the deviations, and GitHub (the project's issues). */
const evidence = new Set([...deviationsOf.values()].flat().flatMap((deviation) => deviation.evidence.map(evidenceUrl)));
/** Redoc's sidebar credits Redoc with a link of its own; it is the one other outside link. */
const REDOC_CREDIT = 'https://redocly.com/redoc/';

interface Visit extends GuardedPage {
  status: number | undefined;
  text: string;
}

/** Writes `test-results/screenshots/<name>.png` when screenshots are asked for. */
async function screenshot(target: Page | Locator, name: string, fullPage = false): Promise<void> {
  if (screenshots === undefined) return;
  const path = resolve(screenshots, `${name}.png`);
  await ('goto' in target ? target.screenshot({ path, fullPage }) : target.screenshot({ path }));
}

/** Each page is opened once, its screenshot taken then; the tests of a page share it. */
const visits = new Map<string, Promise<Visit>>();
function visit(name: string): Promise<Visit> {
  let visited = visits.get(name);
  if (visited === undefined) {
    visited = (async () => {
      const guarded = await newPage();
      const response = await guarded.page.goto(`${server.url}${name}`, { waitUntil: 'networkidle' });
      // An API page is tens of thousands of pixels long: its top, and its callouts and samples (below), are what to look at.
      const fullPage = !specs.some((spec) => name === `${spec.name}.html`);
      await screenshot(guarded.page, name.replace(/\.html$/, '').replace('/', '-'), fullPage);
      const text = (await guarded.page.locator('body').innerText()).replace(/\s+/g, ' ');
      return { ...guarded, status: response?.status(), text };
    })();
    visits.set(name, visited);
  }
  return visited;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

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

/**
 * Raw JSON on a page: an extension shown with its value (as Redoc shows the
 * extensions it is asked to), a deviation entry as a JSON object, an escaped
 * newline, or any object with a quoted key outside what is meant to be JSON
 * or code (the samples, `pre` and `code`, and Redoc's example values).
 */
async function rawJsonOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('span').forEach((label) => {
      if (label.textContent?.trim() !== 'Example:') return;
      label.parentElement?.querySelectorAll('span').forEach((value) => value !== label && value.remove());
    });
    copy.querySelectorAll('pre, code, .redoc-json, script, style').forEach((element) => element.remove());
    return { all: document.body.innerText, prose: copy.textContent ?? '' };
  });
  const found = [
    ...[/\bx-[\w-]+:\s*[[{"]/, /[{,]\s*"(document|service|evidence|directness)"\s*:/].map((pattern) => [pattern, texts.all] as const),
    ...[/\\n/, /[{[]\s*"[^"]*"\s*:/].map((pattern) => [pattern, texts.prose] as const),
  ];
  return found.flatMap(([pattern, text]) => {
    const match = pattern.exec(text);
    return match === null ? [] : [text.slice(Math.max(0, match.index - 60), match.index + 60)];
  });
}

/** Answers of the local server, fetched once per URL. */
const localAnswers = new Map<string, Promise<number>>();
const localStatus = (url: string) => {
  let status = localAnswers.get(url);
  if (status === undefined) {
    status = fetch(url).then((response) => response.status);
    localAnswers.set(url, status);
  }
  return status;
};

/**
 * Every link of a page resolves: a local one answers 200 and, when it points
 * into an API page at an operation or a deviation, that page has it; any
 * other goes to the evidence, to GitHub, or is Redoc's credit.
 */
async function expectLinksResolve(page: Page): Promise<number> {
  const hrefs = [...new Set(await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href)))];
  for (const href of hrefs) {
    const url = new URL(href);
    if (href.startsWith(server.url)) {
      expect(await localStatus(`${url.origin}${url.pathname}`), href).toBe(200);
      const [kind, id] = decodeURIComponent(url.hash.slice(1)).split('/');
      const api = specs.find(({ name }) => url.pathname.endsWith(`/${name}.html`));
      if (api !== undefined && kind === 'operation')
        expect(
          operationsOf(api.document).map(({ operation }) => operation['operationId']),
          href,
        ).toContain(id);
      if (api !== undefined && kind === 'deviation')
        expect(
          deviationsOf.get(api.name)!.map((deviation) => deviation.anchor),
          href,
        ).toContain(`deviation/${id}`);
    } else {
      expect(evidence.has(href) || url.origin === 'https://github.com' || href === REDOC_CREDIT, `outside link ${href}`).toBe(true);
    }
  }
  return hrefs.length;
}

/** Where a response's examples show, once its tab is picked: whether the tab is visible, and its samples' text (the tab list and the open panel). */
interface ResponseReading {
  visible: boolean;
  options: string[];
  text: string;
}

/** What an API page shows of one operation, read in the page itself. */
interface OperationReading {
  /** The section's text, before any tab in it is picked. */
  text: string;
  /** By status: its response samples once its tab is picked; absent when the section has no such tab. */
  responses: Record<string, ResponseReading>;
  /** By label: the code of the sample once its tab is picked; absent when the section has no such tab. */
  samples: Record<string, string>;
}

/**
 * Reads every operation section of an API page in one pass inside the page:
 * its text, then each response's and each code sample's tab clicked in turn
 * (a DOM click event, as `dispatchEvent` sends) and what it shows. One pass
 * instead of a Playwright call per tab: each call costs tens of milliseconds
 * of CPU on a page this large, the clicks and reads themselves under one.
 */
function readOperations(
  page: Page,
  wanted: { operationId: string; codes: string[]; labels: string[] }[],
): Promise<Record<string, OperationReading>> {
  return page.evaluate(async (operations) => {
    const readings: Record<string, OperationReading> = {};
    const settle = () => new Promise((done) => setTimeout(done));
    for (const { operationId, codes, labels } of operations) {
      const section = document.getElementById(`operation/${operationId}`);
      if (section === null) continue;
      const tabNamed = (name: string) =>
        Array.from(section.querySelectorAll<HTMLElement>('[role="tab"]')).find(
          (tab) => tab.textContent?.replace(/\s+/g, ' ').trim() === name,
        );
      const reading: OperationReading = { text: section.innerText, responses: {}, samples: {} };
      for (const code of codes) {
        const tab = tabNamed(code);
        if (tab === undefined) continue;
        const box = tab.getBoundingClientRect();
        const visible = box.width > 0 && box.height > 0 && getComputedStyle(tab).visibility !== 'hidden';
        tab.click();
        await settle();
        const samples = tab.parentElement!.parentElement!;
        const options = Array.from(samples.querySelectorAll('option')).map((option) => option.textContent ?? '');
        reading.responses[code] = { visible, options, text: samples.innerText };
      }
      for (const label of labels) {
        const tab = tabNamed(label);
        if (tab === undefined) continue;
        tab.click();
        await settle();
        const code = document.getElementById(tab.getAttribute('aria-controls') ?? '')?.querySelector('pre');
        if (code) reading.samples[label] = code.innerText;
      }
      readings[operationId] = reading;
    }
    return readings;
  }, wanted);
}

/** A deviation's callout as the page shows it (the first, where a shared schema shows it more than once). */
interface CalloutReading {
  visible: boolean;
  text: string;
  links: string[];
}

/** Every deviation callout of a page, by anchor, read in one pass inside the page. */
function readCallouts(page: Page): Promise<Record<string, CalloutReading>> {
  return page.evaluate(() => {
    const readings: Record<string, CalloutReading> = {};
    for (const callout of Array.from(document.querySelectorAll<HTMLElement>('[data-deviation]'))) {
      const anchor = callout.dataset['deviation']!;
      if (anchor in readings) continue;
      const box = callout.getBoundingClientRect();
      readings[anchor] = {
        visible: box.width > 0 && box.height > 0 && getComputedStyle(callout).visibility !== 'hidden',
        text: callout.innerText,
        links: Array.from(callout.querySelectorAll('a')).map((link) => link.href),
      };
    }
    return readings;
  });
}

describe.each(specs)('the $name page', ({ name, document }) => {
  const operations = operationsOf(document).map((operation) => ({ ...operation, operationId: String(operation.operation['operationId']) }));
  const deviations = deviationsOf.get(name)!;
  const section = async (operationId: string) => (await visit(`${name}.html`)).page.locator(`[id="operation/${operationId}"]`);
  let readings: Promise<Record<string, OperationReading>> | undefined;
  const reading = async (operationId: string) => {
    readings ??= visit(`${name}.html`).then(({ page }) =>
      readOperations(
        page,
        operations.map(({ operationId: id, operation }) => ({
          operationId: id,
          codes: Object.keys(operation['responses'] as JsonObject),
          labels: samplesOf
            .get(name)!
            .get(id)!
            .map((sample) => sample.label),
        })),
      ),
    );
    const found = (await readings)[operationId];
    expect(found, `the section of ${operationId}`).toBeDefined();
    return found!;
  };

  it('renders offline, without errors, with its title, and shows no raw JSON', async () => {
    const { page, status, blocked, errors } = await visit(`${name}.html`);
    expect(status).toBe(200);
    expect(await page.title()).toBe((document['info'] as JsonObject)['title']);
    expect(await rawJsonOn(page), 'raw JSON outside the samples').toEqual([]);
    expect(blocked, 'requests that tried to leave the machine').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });

  it.each(operations)(
    'shows $operationId with its request fields, statuses, descriptions and examples',
    async ({ method, path, operation, operationId }) => {
      const { text } = await visit(`${name}.html`);
      const { text: shownText, responses: shownResponses } = await reading(operationId);
      const sectionText = squash(shownText);
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

      // Redoc shows the examples of one response at a time: each status is picked in "Response samples".
      const mediaOf = (holder: unknown): Json =>
        isObject(holder) && isObject(holder['content']) ? (holder['content']['application/json'] ?? null) : null;
      const bodies: [string | undefined, Json][] = [
        [undefined, mediaOf(operation['requestBody'])],
        ...Object.entries(responses).map(([code, response]): [string, Json] => [code, mediaOf(response)]),
      ];
      for (const [code, media] of bodies) {
        const examples = isObject(media) && isObject(media['examples']) ? Object.values(media['examples']).filter(isObject) : [];
        if (examples.length === 0) continue;
        // A response's examples are looked for in its samples (the tab list and the open panel), not the whole section.
        let shown = [sectionText];
        if (code !== undefined) {
          const samples = shownResponses[code];
          expect(samples?.visible, `the ${code} tab`).toBe(true);
          shown = [...samples!.options, squash(samples!.text)];
        }
        for (const example of examples) {
          const expected = examples.length > 1 ? String(example['summary']) : firstLeaf(example['value'] ?? null);
          expect(
            shown.some((visible) => visible.includes(expected)),
            `example "${String(example['summary'])}" of ${code ?? 'the request'}`,
          ).toBe(true);
        }
      }
    },
  );

  it.each(operations)('shows the code samples of $operationId, each as generated', async ({ operationId }) => {
    const samples = samplesOf.get(name)!.get(operationId)!;
    expect(samples.map((sample) => sample.label)).toEqual(expect.arrayContaining(['TypeScript', 'curl']));
    const shown = (await reading(operationId)).samples;
    for (const sample of samples) expect(squash(shown[sample.label] ?? ''), `${sample.label} sample`).toBe(squash(sample.source));
  });

  it('switches code samples when a user clicks their tabs', async () => {
    const { page } = await visit(`${name}.html`);
    const { operationId } = operations[0]!;
    const operationSection = await section(operationId);
    // The last sample first: the first is the one shown before any click.
    for (const sample of samplesOf.get(name)!.get(operationId)!.toReversed()) {
      const tab = operationSection.getByRole('tab', { name: sample.label, exact: true });
      await tab.click();
      const panel = page.locator(`[id="${await tab.getAttribute('aria-controls')}"]`);
      expect(squash(await panel.locator('pre').innerText()), `${sample.label} sample`).toBe(squash(sample.source));
    }
    if (screenshots !== undefined) {
      const tab = operationSection.getByRole('tab', { name: 'TypeScript', exact: true });
      await tab.click();
      // The tab list and the panel: the request samples.
      await screenshot(tab.locator('xpath=../..'), `${name}-${operationId}-samples`);
    }
  });

  let callouts: Promise<Record<string, CalloutReading>> | undefined;
  it.each(deviations)('shows the deviation at $where as a callout with its evidence', async (deviation: Deviation) => {
    callouts ??= visit(`${name}.html`).then(({ page }) => readCallouts(page));
    const callout = (await callouts)[deviation.anchor];
    expect(callout?.visible, `callout ${deviation.anchor}`).toBe(true);
    const text = squash(callout!.text);
    expect(text).toContain(squash(deviation.document.replace(/`/g, '')));
    expect(text).toContain(squash(deviation.service.replace(/`/g, '')));
    if (deviation.releases !== undefined) expect(text).toContain(squash(deviation.releases.replace(/`/g, '')));
    if (deviation.directness !== undefined) expect(text).toContain(`(${deviation.directness}`);
    if (deviation.caveat !== undefined) expect(text).toContain(squash(deviation.caveat.replace(/`/g, '')).slice(0, 60));
    expect(callout!.links).toEqual(deviation.evidence.map(evidenceUrl));
    if (screenshots !== undefined && deviation === deviations[0]) {
      await screenshot((await visit(`${name}.html`)).page.locator(`[data-deviation="${deviation.anchor}"]`).first(), `${name}-callout`);
    }
  });

  it('links only to itself, the other pages and the evidence', async () => {
    const { page } = await visit(`${name}.html`);
    expect(await expectLinksResolve(page)).toBeGreaterThan(0);
  });
});

describe.each(published)('the $api guide', ({ api, title, html, program: source }) => {
  const page = guidePage(api);
  const codeBlocks = [...html.matchAll(/<pre><code class="language-ts">/g)].length;
  const tables = [...html.matchAll(/data-operation="(\w+)"/g)].map((match) => match[1]!);

  it('renders offline and without errors, with every step of its code and an error table for each call', async () => {
    const { page: browserPage, status, text, blocked, errors } = await visit(page);
    expect(status).toBe(200);
    expect(await browserPage.title()).toBe(title);
    expect(await browserPage.locator('pre code').count()).toBe(codeBlocks);
    expect(codeBlocks).toBeGreaterThanOrEqual(5);
    const program = squash(source);
    for (const block of await browserPage.locator('pre code').allInnerTexts()) expect(program).toContain(squash(block));
    for (const call of ['waitForSnapshot', 'waitForSnapshotDeletion', '.POST(', '.GET(', '.DELETE(']) expect(program).toContain(call);
    const spec = specs.find(({ name }) => name === api)!;
    for (const operationId of tables) {
      const found = operationsOf(spec.document).find(({ operation }) => operation['operationId'] === operationId)!;
      const statuses = Object.keys(found.operation['responses'] as JsonObject).filter((code) => /^[45]/.test(code));
      const rows = await browserPage.locator(`table[data-operation="${operationId}"] tbody tr td:first-child`).allInnerTexts();
      expect(rows, `errors of ${operationId}`).toEqual(statuses);
    }
    expect(text).not.toContain('<!--');
    expect(await rawJsonOn(browserPage), 'raw JSON outside the code').toEqual([]);
    expect(blocked, 'requests that tried to leave the machine').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });

  it('links only to the docs', async () => {
    const { page: browserPage } = await visit(page);
    expect(await expectLinksResolve(browserPage)).toBeGreaterThan(0);
  });
});

describe('the index page', () => {
  it('links every operation to its API page, lists every deviation and offers every spec for download, offline and without errors', async () => {
    const { page, status, blocked, errors } = await visit('index.html');
    expect(status).toBe(200);

    const rows = await page.locator('#apis tbody tr').allInnerTexts();
    const links = await page.locator('#apis a[href]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    const operations = specs.flatMap(({ name, document }) => operationsOf(document).map((operation) => ({ name, ...operation })));
    expect(rows).toHaveLength(operations.length);
    for (const { name, method, path, operation } of operations) {
      const operationId = String(operation['operationId']);
      const row = rows.find((candidate) => candidate.includes(operationId));
      expect(row, `row for ${name} ${operationId}`).toBeDefined();
      expect(row).toContain(`${method.toUpperCase()} ${path}`);
      expect(row).toContain(Object.keys(operation['responses'] as object).find((code) => code.startsWith('2'))!);
      expect(links.filter((href) => href === `${name}.html#operation/${operationId}`)).toHaveLength(1);
    }

    // Each service's cell spans its operations' rows: its title, spec version and page.
    for (const { name, document } of specs) {
      const info = document['info'] as JsonObject;
      const service = page.locator('#apis th[scope="rowgroup"]', { hasText: String(info['title']) });
      await expect(service.innerText()).resolves.toContain(`spec ${String(info['version'])}`);
      expect(await service.locator(`a[href="${name}.html"]`).count()).toBe(1);
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
    expect(await rawJsonOn(page), 'raw JSON').toEqual([]);
    expect(blocked, 'requests that tried to leave the machine').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });

  it('names a guide for every API, linking each one that is published', async () => {
    const { page } = await visit('index.html');
    const items = await page.locator('#guides li').allInnerTexts();
    for (const { name, document } of specs) {
      const guide = guides.find((candidate) => candidate.api === name);
      expect(guide, `docs/guides/${name}.md`).toBeDefined();
      expect(items.some((item) => item.includes(guide!.title) && item.includes(String((document['info'] as JsonObject)['title'])))).toBe(
        true,
      );
      expect(await page.locator(`#guides a[href="${guidePage(name)}"]`).count()).toBe(guide!.pending === undefined ? 1 : 0);
    }
  });

  it('links each deviation to its callout, and the API page scrolls to it', async () => {
    const { page } = await visit('index.html');
    const links = await page
      .locator('#deviations tbody tr td:nth-child(2) a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(specs.flatMap(({ name }) => deviationsOf.get(name)!.map((deviation) => `${name}.html#${deviation.anchor}`)));

    // Follow one, to a field deep in a request body: the callout is in view once Redoc has rendered.
    const target = deviationsOf.get('cinder')!.find((deviation) => deviation.where.includes(' › '))!;
    const followed = await newPage();
    await followed.page.goto(`${server.url}index.html`, { waitUntil: 'networkidle' });
    await followed.page.locator(`#deviations a[href="cinder.html#${target.anchor}"]`).click();
    const callout = followed.page.locator(`[data-deviation="${target.anchor}"]`).first();
    await callout.waitFor();
    await expect.poll(() => callout.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(900);
    expect(await callout.evaluate((element) => element.getBoundingClientRect().bottom)).toBeGreaterThan(0);
    await screenshot(followed.page, 'index-deviation-followed');
    expect(followed.blocked).toEqual([]);
    expect(followed.errors).toEqual([]);
    await followed.page.close();
  });

  it('links only to the docs and the evidence', async () => {
    const { page } = await visit('index.html');
    expect(await expectLinksResolve(page)).toBeGreaterThan(0);
  });
});

describe('a missing browser', () => {
  it('fails with a message that says how to install it', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/apt-get install -y chromium/);
  });
});
