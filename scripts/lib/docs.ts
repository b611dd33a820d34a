// Renders the browsable docs: one Redocly page per API (redocly build-docs with
// our template), an index page, the bundled specs for download, and one shared
// local copy of the Redoc script, so the pages need nothing from the internet.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { loadApis, repoRoot, type Api } from './apis.ts';
import { bundleSpec, type OpenApiDocument } from './bundle.ts';
import { listDeviations } from './deviations.ts';
import { bundledSpecFiles } from './generate.ts';
import { operationsOf, successStatusOf } from './operations.ts';
import { renderIndex, type ApiSummary } from './docs-index.ts';
import { runChecked } from './processes.ts';

const redocly = resolve(repoRoot, 'node_modules/.bin/redocly');
const template = resolve(repoRoot, 'scripts/docs/page.hbs');
const redocBundle = resolve(dirname(createRequire(import.meta.url).resolve('redoc/package.json')), 'bundles/redoc.standalone.js');
/** The one file Redocly's pages would fetch from its CDN. */
const CDN_SCRIPT =
  /<script src="https:\/\/cdn\.redocly\.com\/redoc\/v[\d.]+\/bundles\/redoc\.standalone\.js" integrity="(sha384-[A-Za-z0-9+/=]+)" crossorigin="anonymous"><\/script>/g;
/** Redoc's sidebar shows a logo fetched from a CDN; the local copy points it at an empty image. */
const CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const EMPTY_IMAGE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
export const REDOC_SCRIPT = 'redoc.standalone.js';

/**
 * The CLI prerenders the page with its own React, newer than the one inside
 * Redoc's browser script, so hydrating the prerendered HTML fails (React errors
 * 418 and 423) and React falls back to rendering on the client anyway. The
 * page asks for that client render directly; the prerendered HTML shows until
 * it is done.
 */
const HYDRATE = /Redoc\.hydrate\(__redoc_state, container\);/g;
const CLIENT_RENDER = 'Redoc.init(__redoc_state.spec.data, __redoc_state.options, container);';

function replaceOnce(
  text: string,
  pattern: RegExp,
  replacement: (match: string, ...groups: string[]) => string,
  file: string,
  what: string,
) {
  let count = 0;
  const replaced = text.replace(pattern, (match: string, ...groups: string[]) => {
    count += 1;
    return replacement(match, ...groups);
  });
  if (count !== 1) {
    throw new Error(
      `${file}: expected ${what} once, found it ${count} times. Has Redocly CLI changed its page? Update scripts/lib/docs.ts.`,
    );
  }
  return replaced;
}

/** Points a rendered page at the shared local Redoc script; returns the integrity the page expected. */
function useLocalScript(page: string, file: string): { html: string; integrity: string } {
  let integrity = '';
  const local = replaceOnce(
    page,
    CDN_SCRIPT,
    (_tag, expected) => ((integrity = expected!), `<script src="${REDOC_SCRIPT}"></script>`),
    file,
    'the Redoc CDN script tag',
  );
  const html = replaceOnce(local, HYDRATE, () => CLIENT_RENDER, file, 'the Redoc hydrate call');
  return { html, integrity };
}

/** The local Redoc script: the very file the CDN serves (checked by its integrity), with the logo made local. */
function localRedocScript(integrity: string): string {
  const original = readFileSync(redocBundle);
  const actual = `sha384-${createHash('sha384').update(original).digest('base64')}`;
  if (actual !== integrity) {
    throw new Error(
      `${redocBundle} is not the Redoc script Redocly CLI renders for (${actual}, pages expect ${integrity}). Install the redoc version @redocly/cli uses.`,
    );
  }
  const script = original.toString('utf8');
  if (script.split(CDN_LOGO).length !== 2)
    throw new Error(`${redocBundle}: expected the CDN logo URL once; update CDN_LOGO in scripts/lib/docs.ts.`);
  return script.replace(CDN_LOGO, EMPTY_IMAGE);
}

function summaryOf(api: Api, document: OpenApiDocument): ApiSummary {
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
      apiVersion: path.split('/')[1]!,
      successStatus: successStatusOf(operation),
    })),
    deviations: listDeviations(document),
  };
}

/** Renders the docs into `outDir` (wiped first). */
export async function buildDocs(outDir: string, apis: Api[] = loadApis()): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(resolve(outDir, 'openapi'), { recursive: true });
  const integrities = new Set<string>();
  const summaries = await Promise.all(
    apis.map(async (api) => {
      const page = resolve(outDir, `${api.name}.html`);
      const document = await bundleSpec(api.root);
      const title = (document['info'] as { title: string }).title;
      await runChecked(
        redocly,
        ['build-docs', api.name, '--output', page, '--template', template, '--disableGoogleFont', '--title', title],
        {
          env: { REDOCLY_TELEMETRY: 'off' },
        },
      );
      const { html, integrity } = useLocalScript(readFileSync(page, 'utf8'), page);
      writeFileSync(page, html);
      integrities.add(integrity);
      for (const file of bundledSpecFiles(api, document)) writeFileSync(resolve(outDir, file.path), file.contents);
      return summaryOf(api, document);
    }),
  );
  if (integrities.size !== 1) throw new Error(`The pages expect different Redoc scripts: ${[...integrities].join(', ')}`);
  writeFileSync(resolve(outDir, REDOC_SCRIPT), localRedocScript([...integrities][0]!));
  writeFileSync(resolve(outDir, 'index.html'), renderIndex(summaries));
  return ['index.html', ...apis.map((api) => `${api.name}.html`)];
}
