// The Markdown summary of a comparison: the verdict line, each API's changes
// by operation with their rule IDs, breaking ones first, cells escaped.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../scripts/lib/breaking.ts';
import { renderMarkdown } from '../../../scripts/lib/breaking-report.ts';

const change = (verdict: Change['verdict'], rule: string, message: string): Change => ({
  verdict,
  rule,
  operation: 'POST /v1/things',
  path: `$.paths['/v1/things'].post.x`,
  message,
});

describe('the breaking-change summary', () => {
  const markdown = renderMarkdown('main', [
    { api: 'dws', spec: 'specs/dws/openapi.yaml', added: false, changes: [] },
    { api: 'new', spec: 'specs/new/openapi.yaml', added: true, changes: [] },
    {
      api: 'evs',
      spec: 'specs/evs/openapi.yaml',
      added: false,
      changes: [
        change('compatible', 'documentation-changed', 'description changed'),
        change('breaking', 'request-property-pattern-added', 'pattern ^(a|b)$ added'),
      ],
    },
  ]);

  it('counts the breaking and the compatible changes against the base', () => {
    expect(markdown).toContain('**1 breaking change(s)** against `main` (and 1 compatible).');
  });

  it('says which APIs did not change and which are new', () => {
    expect(markdown).toContain('### dws\n\nNo change.');
    expect(markdown).toContain('### new\n\nNew API (`specs/new/openapi.yaml`): nothing to break.');
  });

  it('lists the changes of each operation with their rule IDs, breaking first, with | escaped', () => {
    expect(markdown).toContain(
      [
        '### evs: 1 breaking',
        '',
        '#### `POST /v1/things`',
        '',
        '| | Rule | Change | Path |',
        '| --- | --- | --- | --- |',
        "| ❌ breaking | `request-property-pattern-added` | pattern ^(a\\|b)$ added | `$.paths['/v1/things'].post.x` |",
        "| ✅ compatible | `documentation-changed` | description changed | `$.paths['/v1/things'].post.x` |",
      ].join('\n'),
    );
  });

  it('points to the rules’ documentation when there are changes, and only then', () => {
    expect(markdown).toContain('`docs/breaking-rules.md`');
    expect(renderMarkdown('main', [{ api: 'dws', spec: 'specs/dws/openapi.yaml', added: false, changes: [] }])).not.toContain(
      'breaking-rules.md',
    );
  });
});
