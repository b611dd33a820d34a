// The bundled spec as the API page shows it: each x-doc-deviation entry
// becomes a callout in its element's description (and the raw extension goes),
// each operation gets its code samples as `x-codeSamples`, and the licence is
// named without a link (the docs link nowhere but to themselves and to the
// evidence). The spec files offered for download stay as they are.
import type { OpenApiDocument } from '../lib/bundle.ts';
import { pointerTokens, type Deviation } from '../lib/deviations.ts';
import { operationsOf, type Node } from '../lib/operations.ts';
import { deviationCallout } from './callouts.ts';
import type { CodeSample } from './code-samples.ts';

function nodeAt(document: OpenApiDocument, pointer: string): Node {
  let node: unknown = document;
  for (const token of pointerTokens(pointer)) node = (node as Node | undefined)?.[token];
  if (typeof node !== 'object' || node === null) throw new Error(`No element at ${pointer} of the bundled spec.`);
  return node as Node;
}

const appended = (description: unknown, callouts: string) =>
  typeof description === 'string' && description.trim() !== '' ? `${description.trimEnd()}\n\n${callouts}` : callouts;

/** Puts the callouts in the description of `host`, where Redoc shows it. */
function addCallouts(host: Node, tokens: string[], callouts: string): void {
  if (tokens[tokens.length - 2] === 'responses') {
    // Redoc shows a response's description as its one-line title, unless
    // `x-summary` gives the title: then the description is shown below it.
    host['x-summary'] ??= host['description'] ?? '';
    host['description'] = appended(host['x-summary'] === host['description'] ? '' : host['description'], callouts);
    return;
  }
  host['description'] = appended(host['description'], callouts);
}

/**
 * Where else a schema's callouts must go, because Redoc does not show the
 * description of a schema used there: the body of a response or request (the
 * callouts go to the response or request body), the items of an array (they
 * go to the array), and a parameter or header with a description of its own
 * (which Redoc shows instead of the schema's).
 */
function hostsOfSchemaUses(view: OpenApiDocument, ref: string): { host: Node; tokens: string[] }[] {
  const hosts: { host: Node; tokens: string[] }[] = [];
  const visit = (node: unknown, tokens: string[], ancestors: Node[]) => {
    if (typeof node !== 'object' || node === null) return;
    if (!Array.isArray(node) && (node as Node)['$ref'] === ref) {
      const depth = tokens.length;
      if (tokens[depth - 1] === 'schema' && tokens[depth - 3] === 'content')
        hosts.push({ host: ancestors[depth - 3]!, tokens: tokens.slice(0, depth - 3) });
      else if (
        tokens[depth - 1] === 'items' ||
        (tokens[depth - 1] === 'schema' && typeof ancestors[depth - 1]?.['description'] === 'string')
      )
        hosts.push({ host: ancestors[depth - 1]!, tokens: tokens.slice(0, depth - 1) });
      return;
    }
    for (const [key, child] of Object.entries(node)) visit(child, [...tokens, key], [...ancestors, node as Node]);
  };
  visit(view, [], []);
  return hosts;
}

export function docsView(bundled: OpenApiDocument, deviations: Deviation[], samples: Map<string, CodeSample[]>): OpenApiDocument {
  const view = structuredClone(bundled);
  const byPointer = new Map<string, Deviation[]>();
  for (const deviation of deviations) byPointer.set(deviation.pointer, [...(byPointer.get(deviation.pointer) ?? []), deviation]);
  for (const [pointer, entries] of byPointer) {
    const host = nodeAt(view, pointer);
    delete host['x-doc-deviation'];
    const callouts = entries.map(deviationCallout).join('\n');
    addCallouts(host, pointerTokens(pointer), callouts);
    if (/^#\/components\/schemas\/[^/]+$/.test(pointer)) {
      for (const use of hostsOfSchemaUses(view, pointer)) addCallouts(use.host, use.tokens, callouts);
    }
  }
  for (const { path, method } of operationsOf(view)) {
    const operation = (view['paths'] as Record<string, Record<string, Node>>)[path]![method]!;
    const operationSamples = samples.get(String(operation['operationId']));
    if (operationSamples === undefined) throw new Error(`No code samples for ${method.toUpperCase()} ${path}.`);
    operation['x-codeSamples'] = operationSamples;
  }
  delete ((view['info'] as Node | undefined)?.['license'] as Node | undefined)?.['url'];
  return view;
}
