// Renders the browsable docs: one Redoc page per API (scripts/docs/page.hbs:
// the spec as the page shows it, embedded, and Redoc rendering it in the
// browser with the options of redocly.yaml's `openapi:` section), a guide per
// service (docs/guides/), an index, the bundled specs for download, one shared
// local copy of the Redoc script and one stylesheet. Nothing needs the internet.
import Handlebars from 'handlebars';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { codeSamples } from '../docs/code-samples.ts';
import { docsView } from '../docs/docs-view.ts';
import { guidePage, isPublished, renderGuide, type Guide } from '../docs/guides.ts';
import { scriptJson } from '../docs/html.ts';
import { renderLayout } from '../docs/layout.ts';
import { loadApis, repoRoot, type Api } from './apis.ts';
import { bundleSpec, type OpenApiDocument } from './bundle.ts';
import { listDeviations, type Deviation } from './deviations.ts';
import { renderIndex, type ApiSummary } from './docs-index.ts';
import { bundledSpecFiles } from './generate.ts';
import { operationsOf, successStatusOf } from './operations.ts';

const pageTemplate = Handlebars.compile(readFileSync(resolve(repoRoot, 'scripts/docs/page.hbs'), 'utf8'), { strict: true });
const redocBundle = resolve(dirname(createRequire(import.meta.url).resolve('redoc/package.json')), 'bundles/redoc.standalone.js');
/** Redoc's sidebar shows a logo fetched from a CDN; the local copy points it at an empty image. */
const CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const EMPTY_IMAGE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
const REDOC_SCRIPT = 'redoc.standalone.js';
const STYLESHEET = 'site.css';

/** Redoc's options: redocly.yaml's `openapi:` section, the one place they are written. */
function redocOptions(): Record<string, unknown> {
  const configPath = resolve(repoRoot, 'redocly.yaml');
  const config = parse(readFileSync(configPath, 'utf8')) as { openapi?: unknown } | null;
  const options = config?.openapi;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new Error(`${configPath}: no "openapi:" section with the options of the rendered docs (e.g. expandResponses: all).`);
  return options as Record<string, unknown>;
}

/**
 * The local Redoc script, with the logo made local. A Redoc release that
 * changes its bundle so that the logo is not there exactly once stops the
 * build: check the new bundle for other requests that leave the machine.
 */
function localRedocScript(): string {
  const script = readFileSync(redocBundle, 'utf8');
  const count = script.split(CDN_LOGO).length - 1;
  if (count !== 1)
    throw new Error(
      `${redocBundle}: expected the CDN logo URL once, found it ${count} times. Has the redoc package changed? Check what the new bundle fetches and update CDN_LOGO in scripts/lib/docs.ts.`,
    );
  return script.replace(CDN_LOGO, EMPTY_IMAGE);
}

function summaryOf(api: Api, document: OpenApiDocument, deviations: Deviation[], guide: Guide | undefined): ApiSummary {
  const info = document['info'] as { title: string; version: string };
  return {
    name: api.name,
    title: info.title,
    specVersion: info.version,
    operations: operationsOf(document).map(({ method, path, operation }) => ({
      operationId: String(operation['operationId']),
      summary: String(operation['summary']),
      method: method.toUpperCase(),
      path,
      successStatus: successStatusOf(operation),
    })),
    deviations,
    ...(guide === undefined
      ? {}
      : { guide: { page: guidePage(api.name), title: guide.title, ...(guide.pending === undefined ? {} : { pending: guide.pending }) } }),
  };
}

/** Renders one API's page, bundled specs and guide into `outDir`; returns what the index says of it. */
async function renderApi(api: Api, outDir: string, options: Record<string, unknown>): Promise<ApiSummary> {
  const [document, dereferenced] = await Promise.all([bundleSpec(api.root), bundleSpec(api.root, { dereference: true })]);
  const title = (document['info'] as { title: string }).title;
  const guide = renderGuide(api.name, dereferenced);
  const published = isPublished(guide) ? guide : undefined;
  const deviations = listDeviations(document);
  const view = docsView(document, deviations, codeSamples(api.name, dereferenced));
  const downloads = ['json', 'yaml'].map((extension) => ({ title: extension.toUpperCase(), url: `openapi/${api.name}.${extension}` }));
  const page = pageTemplate({
    title,
    root: '',
    guide: published === undefined ? false : guidePage(api.name),
    redocScript: REDOC_SCRIPT,
    specJson: scriptJson(view),
    optionsJson: scriptJson({ ...options, downloadUrls: downloads }),
  });
  writeFileSync(resolve(outDir, `${api.name}.html`), page);
  for (const file of bundledSpecFiles(api, document)) writeFileSync(resolve(outDir, file.path), file.contents);
  if (published !== undefined) {
    const html = renderLayout({
      title: published.title,
      root: '../',
      links: [{ href: `../${api.name}.html`, text: `API reference: ${title}` }],
      kind: 'guide',
      content: published.html,
    });
    writeFileSync(resolve(outDir, guidePage(api.name)), html);
  }
  return summaryOf(api, document, deviations, guide);
}

/** Renders the docs into `outDir` (wiped first); returns the pages, relative to it. */
export async function buildDocs(outDir: string, apis: Api[] = loadApis()): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(resolve(outDir, 'openapi'), { recursive: true });
  mkdirSync(resolve(outDir, 'guides'), { recursive: true });
  const options = redocOptions();
  const summaries = await Promise.all(apis.map((api) => renderApi(api, outDir, options)));
  writeFileSync(resolve(outDir, REDOC_SCRIPT), localRedocScript());
  copyFileSync(resolve(repoRoot, 'scripts/docs', STYLESHEET), resolve(outDir, STYLESHEET));
  writeFileSync(resolve(outDir, 'index.html'), renderIndex(summaries));
  return [
    'index.html',
    ...apis.map((api) => `${api.name}.html`),
    ...summaries.flatMap(({ guide }) => (isPublished(guide) ? [guide.page] : [])),
  ];
}
