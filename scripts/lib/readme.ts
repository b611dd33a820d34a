// The README's table of operations, rendered from the specs, so it can never
// list an operation the specs do not have (or miss one they do). `npm run
// generate` writes it between the markers; a unit test holds the README to it.
import { format, resolveConfig } from 'prettier';
import { resolve } from 'node:path';
import { repoRoot } from './apis.ts';
import type { OpenApiDocument } from './bundle.ts';
import { operationsOf, successStatusOf } from './operations.ts';

export const OPERATIONS_START = '<!-- operations:start (npm run generate writes this table from the specs) -->';
export const OPERATIONS_END = '<!-- operations:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The table as Prettier lays it out, so that formatting the README changes nothing. */
export async function operationsTable(specs: { name: string; document: OpenApiDocument }[]): Promise<string> {
  const readme = resolve(repoRoot, 'README.md');
  return (await format(rawTable(specs), { ...(await resolveConfig(readme)), filepath: readme })).trim();
}

function rawTable(specs: { name: string; document: OpenApiDocument }[]): string {
  const rows = specs.flatMap(({ name, document }) =>
    operationsOf(document).map(({ method, path, operation }) => {
      const title = (document['info'] as { title: string }).title;
      return `| ${cell(title)} | \`${String(operation['operationId'])}\`: ${cell(String(operation['summary']))} | \`${method.toUpperCase()} ${path}\` | ${successStatusOf(operation)} | [${name}](generated/openapi/${name}.yaml) |`;
    }),
  );
  return ['| Service | Operation | Method and path | Success | Spec |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its operations table replaced; throws when the markers are missing. */
export function withOperationsTable(readme: string, table: string): string {
  const start = readme.indexOf(OPERATIONS_START);
  const end = readme.indexOf(OPERATIONS_END);
  if (start === -1 || end < start)
    throw new Error(`README.md has no ${OPERATIONS_START} ... ${OPERATIONS_END} section; put the markers where the table goes.`);
  return `${readme.slice(0, start + OPERATIONS_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
