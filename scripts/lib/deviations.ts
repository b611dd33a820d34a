// Every x-doc-deviation entry of a bundled spec, with where it sits and a
// stable anchor, for the docs (the index links each entry to its callout on
// the API page) and anyone else who wants the list of departures from the
// vendors' documents.
import type { OpenApiDocument } from './bundle.ts';

export interface Deviation {
  /** JSON pointer of the element that carries the entry. */
  pointer: string;
  /** The element in words, e.g. `schema SnapshotToCreate › volume_id`. */
  where: string;
  /** Unique in its spec and stable while the element keeps its name, e.g. `deviation/schema-SnapshotToCreate-volume_id`. */
  anchor: string;
  document: string;
  service: string;
  evidence: string[];
  /** `direct`: the evidence is about this very operation and field; `indirect`: see `caveat`. */
  directness: 'direct' | 'indirect';
  /** What indirect evidence is really about. */
  caveat?: string;
  /** The releases the behaviour holds for. */
  releases?: string;
}

/** The decoded tokens of a JSON pointer (`/paths/~1v2~1{id}/get` → `paths`, `/v2/{id}`, `get`). */
export const pointerTokens = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));

/** Describes a JSON pointer of an OpenAPI document for a reader. */
export function describePointer(pointer: string, document: OpenApiDocument): string {
  const tokens = pointerTokens(pointer);
  const [root, kind, name, ...rest] = tokens;
  const properties = rest.filter((_, index) => rest[index - 1] === 'properties');
  const field = properties.length > 0 ? ` › ${properties.join('.')}` : '';
  if (root === 'components' && kind !== undefined && name !== undefined) {
    const singular = { schemas: 'schema', responses: 'response', parameters: 'parameter', headers: 'header' }[kind] ?? kind;
    return `${singular} ${name}${field}`;
  }
  if (root === 'paths' && kind !== undefined && name === 'parameters')
    return `path ${kind} › parameters${rest.length > 0 ? ` › ${rest.join(' › ')}` : ''}`;
  if (root === 'paths' && kind !== undefined && name !== undefined) {
    const operation = (document['paths'] as Record<string, Record<string, { operationId?: string }>>)[kind]?.[name];
    return `operation ${operation?.operationId ?? `${name.toUpperCase()} ${kind}`}${rest.length > 0 ? ` › ${rest.join(' › ')}` : ''}`;
  }
  return pointer;
}

/**
 * Where a piece of evidence can be read: an https URL as it is, and
 * `owner/repo:path@tag` (see specs/EXTENSIONS.md) as the file on GitHub at that
 * tag or commit, or at HEAD when none is given.
 */
export function evidenceUrl(source: string): string {
  if (/^https:\/\/\S+$/.test(source)) return source;
  const repoPath = /^([\w.-]+\/[\w.-]+):([^\s@]+)(?:@([\w.-]+))?$/.exec(source);
  if (repoPath === null)
    throw new Error(
      `Evidence "${source}" is neither owner/repo:path[@tag] nor an https URL (specs/EXTENSIONS.md); npm run lint says where.`,
    );
  const [, repo, path, ref] = repoPath;
  return `https://github.com/${repo!}/blob/${ref ?? 'HEAD'}/${path!}`;
}

export function listDeviations(document: OpenApiDocument): Deviation[] {
  const found: Deviation[] = [];
  const anchors = new Set<string>();
  const anchorOf = (where: string) => {
    const base = `deviation/${where.replace(/[^\w.]+/g, '-').replace(/^-|-$/g, '')}`;
    let anchor = base;
    for (let count = 2; anchors.has(anchor); count += 1) anchor = `${base}-${count}`;
    anchors.add(anchor);
    return anchor;
  };
  const visit = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-doc-deviation' && Array.isArray(value)) {
        const where = describePointer(pointer, document);
        for (const entry of value as Omit<Deviation, 'pointer' | 'where' | 'anchor'>[]) {
          found.push({ pointer, where, anchor: anchorOf(where), ...entry });
        }
      } else {
        visit(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
      }
    }
  };
  visit(document, '#');
  return found;
}
