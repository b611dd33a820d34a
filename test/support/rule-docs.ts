// Reads docs/breaking-rules.md into its entries, for the tests that hold it to
// the differ's rule table (unit) and to oasdiff's list of checks (integration).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../scripts/lib/apis.ts';
import type { Verdict } from '../../scripts/lib/breaking.ts';

export interface RuleDoc {
  id: string;
  verdict: Verdict | undefined;
  /** The entry says the ID is oasdiff's (or else that it was coined here). */
  fromOasdiff: boolean;
  /** The other IDs the rule is reported as. */
  also: string[];
  /** The old/new example, parsed from its YAML block. */
  example: unknown;
}

const RULE_DOCS_FILE = resolve(repoRoot, 'docs/breaking-rules.md');

export function readRuleDocs(): RuleDoc[] {
  return readFileSync(RULE_DOCS_FILE, 'utf8')
    .split(/^### /m)
    .slice(1)
    .map((entry) => {
      const id = /^`([^`]+)`\n/.exec(entry)?.[1] ?? entry.slice(0, entry.indexOf('\n'));
      const lead = /\n\n\*\*(Breaking|Compatible)\.\*\* (oasdiff's ID|Coined here)\.(?: Also reported as (.+?)\.)?\n/.exec(entry);
      const yaml = /\n```yaml\n([\s\S]*?)```/.exec(entry)?.[1];
      return {
        id,
        verdict: lead?.[1] === undefined ? undefined : (lead[1].toLowerCase() as Verdict),
        fromOasdiff: lead?.[2] === "oasdiff's ID",
        also: [...(lead?.[3] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
        example: yaml === undefined ? undefined : parse(yaml),
      };
    });
}
