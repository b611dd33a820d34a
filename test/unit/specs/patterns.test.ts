// A pattern must mean the same to every tool that reads the specs. Spectral
// compiles patterns without the regular expression `u` flag; Redocly, ajv and
// Prism compile them with it. For every pattern in the four specs this test asks
// each real engine which strings of a corpus match, and requires one answer.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Document, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import { Json as JsonParser } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import prismHttp from '@stoplight/prism-http';
import { createLogger } from '@stoplight/prism-core';
import { describe, expect, it } from 'vitest';
import { seedFacts } from '../../support/seed-facts.ts';
import { isObject, loadSpecs, validate, type Json } from '../../support/specs.ts';

function patternsIn(value: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => patternsIn(item, found));
  else if (isObject(value)) {
    if (typeof value['pattern'] === 'string') found.add(value['pattern']);
    Object.values(value).forEach((child) => patternsIn(child, found));
  }
  return found;
}

function stringsIn(value: Json | undefined, found: Set<string>): void {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, found));
  else if (isObject(value)) Object.entries(value).forEach(([key, child]) => (found.add(key), stringsIn(child, found)));
}

const patterns = [...patternsIn((await loadSpecs()).map((spec) => spec.document) as Json)].sort();

/** Boundary values of every API, plus strings chosen to split the two regular expression modes. */
const corpus = new Set<string>([
  '',
  ' ',
  'a',
  'Z',
  '0',
  '_',
  '-',
  '.',
  '*',
  ',',
  '\t',
  '\n',
  '\u0000',
  '\u007f',
  '\u00a0',
  '\u00ad',
  'é',
  '说',
  '\u200b',
  '\u2028',
  '\u2029',
  '\ue000',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udc00',
  '😀',
  'a😀',
  '😀😀😀😀',
  '𝒜bcd',
  'abc😀',
  '0',
  '00',
  'req-3c4d8b8e-6f0a-4a43-9f2e-9b1d2c7e5a10',
  '2013-02-25T03:56:53.081642',
  '2016-02-29T00:00:00.000000',
  '2015-02-29T00:00:00.000000',
  'created_at:desc',
  '100%',
]);
for (const facts of seedFacts) {
  stringsIn(facts.base, corpus);
  for (const boundary of facts.boundaries)
    stringsIn([...boundary.valid, ...boundary.invalid].filter((v) => v !== undefined) as Json, corpus);
}
const samples = [...corpus];

/** One operation per pattern; its request examples are the corpus. */
function probeDocument(): object {
  const paths: Record<string, object> = {};
  patterns.forEach((pattern, p) => {
    paths[`/p${p}`] = {
      post: {
        operationId: `probe${p}`,
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', required: ['v'], properties: { v: { type: 'string', pattern } } },
              examples: Object.fromEntries(samples.map((sample, s) => [`s${s}`, { value: { v: sample } }])),
            },
          },
        },
        responses: { '204': { description: 'ok' } },
      },
    };
  });
  return { openapi: '3.1.0', info: { title: 'pattern probe', version: '1' }, paths };
}

type Verdicts = string[];
const verdict = (p: number, s: number) => `p${p}/s${s}`;

async function spectralRejects(document: object): Promise<Verdicts> {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'off']], rules: { 'oas3-valid-media-example': 'error' } });
  const results = await spectral.run(new Document(JSON.stringify(document), JsonParser));
  return results
    .filter((result) => result.code === 'oas3-valid-media-example')
    .map((result) => verdict(Number(String(result.path[1]).slice(2)), Number(String(result.path[7]).slice(1))));
}

async function redoclyRejects(document: object): Promise<Verdicts> {
  const config = await createConfig({ rules: { 'no-invalid-media-type-examples': 'error' } });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: '/probe.json', config });
  return problems.map((problem) => {
    const pointer = problem.location[0]?.pointer ?? '';
    const match = /~1p(\d+)\/post\/requestBody\/content\/application~1json\/examples\/s(\d+)/.exec(pointer);
    if (match === null) throw new Error(`Unexpected Redocly problem at ${pointer}: ${problem.message}`);
    return verdict(Number(match[1]), Number(match[2]));
  });
}

/** Prism validates each pattern once, against every sample at once: `v` is the list of samples. */
async function prismRejects(): Promise<Verdicts> {
  const paths = Object.fromEntries(
    patterns.map((pattern, p) => [
      `/p${p}`,
      {
        post: {
          operationId: `probe${p}`,
          requestBody: {
            content: {
              'application/json': {
                schema: { type: 'object', required: ['v'], properties: { v: { type: 'array', items: { type: 'string', pattern } } } },
              },
            },
          },
          responses: { '204': { description: 'ok' } },
        },
      },
    ]),
  );
  const operations = await prismHttp.getHttpOperationsFromSpec({ openapi: '3.1.0', info: { title: 'pattern probe', version: '1' }, paths });
  const prism = prismHttp.createInstance(
    {
      mock: { dynamic: false },
      checkSecurity: false,
      validateRequest: true,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    { logger: createLogger('pattern-probe', { enabled: false }) },
  );
  const rejected: Verdicts = [];
  for (const p of patterns.keys()) {
    const result = await prism.request(
      { method: 'post', url: { path: `/p${p}` }, headers: { 'content-type': 'application/json' }, body: { v: samples } },
      operations,
    )();
    // An invalid request comes back as Prism's 422 problem (the probe declares no 4xx), its violations listed.
    const failed =
      result._tag === 'Left'
        ? (result.left as { additional?: { validation?: { location?: (string | number)[] }[] } }).additional?.validation
        : [];
    if (failed === undefined) throw result._tag === 'Left' ? result.left : new Error('no validations');
    // Each violation's location ends with the index of the sample that broke the pattern.
    for (const { location = [] } of failed) rejected.push(verdict(p, Number(location[location.length - 1])));
  }
  return [...new Set(rejected)];
}

function ajvRejects(): Verdicts {
  return patterns.flatMap((pattern, p) =>
    samples.flatMap((sample, s) => (validate({ type: 'string', pattern }, sample).length > 0 ? [verdict(p, s)] : [])),
  );
}

describe('patterns', () => {
  const document = probeDocument();
  const expected = ajvRejects().sort();

  it('are found in the specs', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(10);
  });

  it.each(patterns.map((pattern, p) => ({ pattern, p })))('$pattern splits the corpus: some strings match, some do not', ({ p }) => {
    const rejected = expected.filter((entry) => entry.startsWith(`p${p}/`)).length;
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(samples.length);
  });

  it('mean the same to Spectral (no u flag) as to ajv', async () => {
    expect((await spectralRejects(document)).sort()).toEqual(expected);
  });

  it('mean the same to Redocly as to ajv', async () => {
    expect((await redoclyRejects(document)).sort()).toEqual(expected);
  });

  it('mean the same to Prism as to ajv', async () => {
    expect((await prismRejects()).sort()).toEqual(expected);
  });
});
