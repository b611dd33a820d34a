// The differ on the real specs: the mutations of test/support/breaking-corpus.ts
// (which the integration tests also give to oasdiff), Cinder's `force` with its
// two variants swapped, the DWS document's older revision, and every spec
// rewritten as one bundled file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../scripts/lib/breaking.ts';
import { bundleSpec } from '../../../scripts/lib/bundle.ts';
import { applyMutation, DWS_DESCRIPTION, MUTATIONS, requestField } from '../../support/breaking-corpus.ts';
import { loadSpec, loadSpecs, objectAt, type Json, type JsonObject } from '../../support/specs.ts';

const CINDER_FORCE =
  "$.paths['/v2/{tenant_id}/snapshots'].post.requestBody.content['application/json'].schema.properties.snapshot.properties.force";

describe('the mutations of the oasdiff corpus', () => {
  it.each(MUTATIONS.map((mutation) => ({ ...mutation, reported: mutation.rules.join(', ') || 'nothing' })))(
    'reports $reported for $name',
    async (mutation) => {
      const { before, after } = applyMutation((await loadSpec(mutation.api)).document, mutation);
      expect(diffSpecs(before, after).map((change) => change.rule)).toEqual(mutation.rules);
    },
  );
});

describe("Cinder's force, a oneOf of a boolean and a string enum", () => {
  const force = async () => {
    const { document } = await loadSpec('cinder');
    const before = structuredClone(document) as JsonObject;
    const after = structuredClone(document) as JsonObject;
    const variants = requestField(after, 'snapshot', 'force');
    variants['oneOf'] = [...(variants['oneOf'] as Json[])].reverse();
    return { before, after, strings: objectAt(variants, 'oneOf', 0) };
  };

  it('is unchanged when its two variants swap places', async () => {
    const { before, after } = await force();
    expect(diffSpecs(before, after)).toEqual([]);
  });

  it('loses exactly one value, at the variant’s new place, when the swapped string variant also drops "n"', async () => {
    const { before, after, strings } = await force();
    strings['enum'] = (strings['enum'] as Json[]).filter((value) => value !== 'n');
    expect(diffSpecs(before, after)).toEqual([
      {
        verdict: 'breaking',
        rule: 'request-property-enum-value-removed',
        operation: 'POST /v2/{tenant_id}/snapshots',
        path: `${CINDER_FORCE}.oneOf[0].enum`,
        message: 'value "n" removed',
      },
    ]);
  });
});

describe('real revisions', () => {
  it('judges the DWS document of the older revision (no limit on description) against the newer one breaking for requests', async () => {
    const newer = (await loadSpec('dws')).document;
    const older = structuredClone(newer) as JsonObject;
    const description = requestField(older, 'snapshot', 'description');
    delete description['maxLength'];
    delete description['pattern'];
    expect(diffSpecs(older, newer).map(({ verdict, rule, path }) => ({ verdict, rule, path }))).toEqual([
      { verdict: 'breaking', rule: 'request-property-max-length-set', path: `${DWS_DESCRIPTION}.maxLength` },
      { verdict: 'breaking', rule: 'request-property-pattern-added', path: `${DWS_DESCRIPTION}.pattern` },
    ]);
  });

  it('finds no change when a spec is rewritten as one bundled, dereferenced file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-rewrite-'));
    try {
      for (const { name, document } of await loadSpecs()) {
        const file = join(dir, `${name}.json`);
        writeFileSync(file, JSON.stringify(document));
        expect(diffSpecs(document, await bundleSpec(file, { dereference: true })), name).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
