// The guides: docs/guides/<api>.md, one per service, from creation to
// deletion, rendered to guides/<api>.html. A guide is Markdown with a YAML
// front matter:
//
//   title:   the page's title
//   errors:  what a caller should do about each error status of the calls the
//            guide makes, keyed by status ('401') or, for one call only, by
//            operationId and status ('deleteVolumeSnapshot 400')
//   pending: optional; why the guide cannot be published yet (the calls it
//            makes are not in the spec yet, say). A pending guide is neither
//            checked nor rendered, and its code is not run: the index names it
//            as coming. Remove the line once the guide can run.
//
// and `<!-- errors: <operationId> -->` where a table of that call's errors
// goes: each status, what it means (the spec's description of the response)
// and what to do (the front matter). Its TypeScript blocks, in order, are one
// program, which the tests type-check and run against the mock.
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { lexer, parse, parseInline } from 'marked';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../lib/apis.ts';
import type { OpenApiDocument } from '../lib/bundle.ts';
import { operationsOf } from '../lib/operations.ts';
import { escapeHtml } from './html.ts';

const guideFile = (api: string) => resolve(repoRoot, 'docs/guides', `${api}.md`);
/** Where the guide of an API is rendered, relative to the docs folder. */
export const guidePage = (api: string) => `guides/${api}.html`;

/** Whether a guide is there and published (not pending). */
export const isPublished = <G extends { pending?: string }>(guide: G | undefined): guide is G =>
  guide !== undefined && guide.pending === undefined;

export interface Guide {
  api: string;
  title: string;
  /** Why the guide cannot be published yet, if it cannot. */
  pending?: string;
  /** The guide's TypeScript blocks, in order: one program. */
  program: string;
  /** The page's content (inside the layout); empty for a pending guide. */
  html: string;
}

interface FrontMatter {
  title: string;
  errors: Record<string, string>;
  pending?: string;
}

const ERRORS_DIRECTIVE = /<!--\s*errors:\s*(\S+)\s*-->/g;

function readFrontMatter(text: string, file: string): { frontMatter: FrontMatter; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (match === null) throw new Error(`${file}: no front matter; start the file with --- title: ... errors: ... ---.`);
  let data: unknown;
  try {
    data = parseYaml(match[1]!, { prettyErrors: true });
  } catch (error) {
    // The front matter starts on the file's second line.
    const line = ((error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0) + 1;
    throw new Error(`${file}:${line}: the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]!}`);
  }
  const { title, errors, pending } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (typeof title !== 'string') throw new Error(`${file}: front matter: "title" is missing; give the guide a title.`);
  if (typeof errors !== 'object' || errors === null || Object.values(errors).some((advice) => typeof advice !== 'string'))
    throw new Error(`${file}: front matter: "errors" must map each status ('401') or 'operationId status' to what to do.`);
  if (pending !== undefined && typeof pending !== 'string') throw new Error(`${file}: front matter: "pending" must be a sentence.`);
  return {
    frontMatter: { title, errors: errors as Record<string, string>, ...(pending === undefined ? {} : { pending }) },
    body: text.slice(match[0].length),
  };
}

/** The guide's TypeScript blocks, in order, as one program. */
function guideProgram(markdown: string): string {
  const blocks = lexer(markdown).filter((token) => token.type === 'code' && (token.lang === 'ts' || token.lang === 'typescript'));
  return `${blocks.map((block) => block.text).join('\n\n')}\n`;
}

/** The error table of one operation: status, meaning (from the spec), what to do (from the guide). */
function errorTable(operationId: string, document: OpenApiDocument, advice: FrontMatter['errors'], used: Set<string>, file: string) {
  const found = operationsOf(document).find(({ operation }) => operation['operationId'] === operationId);
  if (found === undefined) {
    const known = operationsOf(document).map(({ operation }) => String(operation['operationId']));
    throw new Error(`${file}: <!-- errors: ${operationId} -->: the spec has no such operation; it has ${known.join(', ')}.`);
  }
  const responses = found.operation['responses'] as Record<string, { description?: string }>;
  const rows = Object.entries(responses)
    .filter(([status]) => /^[45]/.test(status))
    .map(([status, response]) => {
      const key = [`${operationId} ${status}`, status].find((candidate) => candidate in advice);
      if (key === undefined) {
        throw new Error(
          `${file}: ${operationId} can answer ${status} (${(response.description ?? '').trim().split('\n')[0]}), and the guide does not say what to do about it. ` +
            `Add "'${status}': <what to do>" (or "${operationId} ${status}: ...") under "errors:" in its front matter.`,
        );
      }
      used.add(key);
      const meaning = parseInline((response.description ?? '').trim().replace(/\s+/g, ' '));
      return `<tr><td><code>${status}</code></td><td>${meaning}</td><td>${parseInline(advice[key]!.trim().replace(/\s+/g, ' '))}</td></tr>`;
    });
  return [
    `<table class="errors" data-operation="${escapeHtml(operationId)}">`,
    '<thead><tr><th>Status</th><th>What it means</th><th>What to do</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** Reads and renders the guide of an API, or returns undefined when it has none. `document` is the dereferenced bundle. */
export function renderGuide(api: string, document: OpenApiDocument): Guide | undefined {
  const path = guideFile(api);
  if (!existsSync(path)) return undefined;
  const file = relative(repoRoot, path);
  const { frontMatter, body } = readFrontMatter(readFileSync(path, 'utf8'), file);
  const program = guideProgram(body);
  if (frontMatter.pending !== undefined) return { api, title: frontMatter.title, pending: frontMatter.pending, program, html: '' };
  const used = new Set<string>();
  const withTables = body.replace(ERRORS_DIRECTIVE, (_match, operationId: string) =>
    errorTable(operationId, document, frontMatter.errors, used, file),
  );
  const unused = Object.keys(frontMatter.errors).filter((key) => !used.has(key));
  if (unused.length > 0) {
    throw new Error(
      `${file}: front matter "errors" has advice for ${unused.join(', ')}, which no <!-- errors: ... --> table of the guide shows. Remove it, or add the table.`,
    );
  }
  return { api, title: frontMatter.title, program, html: parse(withTables) };
}
