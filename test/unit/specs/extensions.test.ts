// The project's own extensions mean what specs/EXTENSIONS.md says: every
// Cinder deviation names the releases it holds for (v2 was served by eighteen
// releases, and they differ), and every x-status-outcomes names values of its enum.
import { describe, expect, it } from 'vitest';
import { listDeviations } from '../../../scripts/lib/deviations.ts';
import { bundleSpec } from '../../../scripts/lib/bundle.ts';
import { statusOutcomes } from '../../../scripts/lib/generate.ts';
import { isObject, loadSpec, loadSpecs } from '../../support/specs.ts';

/** From the bundle, not dereferenced, so that an entry on a shared component counts once. */
const cinderDeviations = listDeviations(await bundleSpec((await loadSpec('cinder')).root));

describe('x-doc-deviation', () => {
  it.each(cinderDeviations)('cinder $where names the releases of its behaviour', ({ releases }) => {
    expect(typeof releases === 'string' && releases.trim() !== '').toBe(true);
  });
});

const specs = await loadSpecs();
const outcomes = specs.flatMap(({ name: api, document }) =>
  Object.entries(statusOutcomes(document)).map(([schema, { done, failed }]) => {
    const schemas = (document['components'] as Record<string, Record<string, unknown>>)['schemas']!;
    const values = isObject(schemas[schema]) ? (schemas[schema]['enum'] as string[]) : [];
    return { api, schema, done, failed, values };
  }),
);

describe('x-status-outcomes', () => {
  it.each(specs.map(({ name }) => name))('is given for the snapshot (or job) status of %s', (api) => {
    expect(outcomes.filter((outcome) => outcome.api === api)).not.toEqual([]);
  });

  it.each(outcomes)('$api $schema: done and failed are values of the enum, and none is both', ({ done, failed, values }) => {
    expect(done.length).toBeGreaterThan(0);
    expect(values).toEqual(expect.arrayContaining([...done, ...failed]));
    expect(done.filter((value) => failed.includes(value))).toEqual([]);
  });
});
