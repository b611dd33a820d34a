// docs/breaking-rules.md against the differ's rule table, the one list of
// rules: an entry for every rule and none for a rule the differ lacks, each with
// the rule's verdict, every other ID the rule is reported as, and an old/new
// example. (test/integration/breaking/oasdiff.test.ts checks which IDs are oasdiff's.)
import { describe, expect, it } from 'vitest';
import { emittableRuleIds, isSchemaRule, locatedId, otherPlacesOf, RULES, type RuleId } from '../../../scripts/lib/breaking.ts';
import { readRuleDocs } from '../../support/rule-docs.ts';

const docs = readRuleDocs();
const rules = Object.keys(RULES) as RuleId[];

describe('docs/breaking-rules.md', () => {
  it('has one entry per rule of the differ, and no other', () => {
    const documented = docs.map((doc) => doc.id);
    expect(
      documented.filter((id, index) => documented.indexOf(id) !== index),
      'entries twice',
    ).toEqual([]);
    expect(
      rules.filter((rule) => !documented.includes(rule)),
      'rules without an entry',
    ).toEqual([]);
    expect(
      documented.filter((id) => !(id in RULES)),
      'entries without a rule',
    ).toEqual([]);
  });

  it('names every rule ID the differ can report', () => {
    expect(docs.flatMap((doc) => [doc.id, ...doc.also]).sort()).toEqual(emittableRuleIds().sort());
  });

  it.each(rules)('gives %s its verdict, its other IDs and an old/new example', (rule) => {
    const doc = docs.find((entry) => entry.id === rule);
    expect(doc, 'entry').toBeDefined();
    expect(doc!.verdict).toBe(RULES[rule]);
    expect(doc!.also).toEqual(isSchemaRule(rule) ? otherPlacesOf(rule).map((where) => locatedId(rule, where)) : []);
    expect(doc!.example).toEqual({ old: expect.anything(), new: expect.anything() });
  });
});
