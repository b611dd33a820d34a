// The trim that keeps the mocks' generated bodies within their schema's
// maxProperties (scripts/lib/prism-generated-limits.cjs); the contract tests
// check the generated bodies themselves.
import { describe, expect, it } from 'vitest';
import { withinMaxProperties } from '../../scripts/lib/prism-generated-limits.cjs';

const oneItem = { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: { type: 'string' } };

describe('withinMaxProperties', () => {
  it('trims a map to its maxProperties', () => {
    expect(withinMaxProperties({ meta: { a: '1', b: '2' } }, { type: 'object', properties: { meta: oneItem } })).toEqual({
      meta: { a: '1' },
    });
  });

  it('drops unnamed members first and never a required one', () => {
    const schema = { type: 'object', maxProperties: 2, required: ['id'], properties: { id: {}, name: {} } };
    expect(withinMaxProperties({ extra: 1, name: 'n', id: 'i' }, schema)).toEqual({ name: 'n', id: 'i' });
    expect(withinMaxProperties({ name: 'n', id: 'i', more: 2 }, { ...schema, maxProperties: 1 })).toEqual({ id: 'i' });
  });

  it('follows local $refs, array items and allOf parts', () => {
    const root = {
      type: 'object',
      properties: { list: { type: 'array', items: { $ref: '#/__bundled__/Item' } }, both: { allOf: [{ $ref: '#/__bundled__/Item' }] } },
      __bundled__: { Item: oneItem },
    };
    expect(withinMaxProperties({ list: [{ a: '1', b: '2' }, { c: '3' }], both: { d: '4', e: '5' } }, root)).toEqual({
      list: [{ a: '1' }, { c: '3' }],
      both: { d: '4' },
    });
  });

  it('leaves values within their limits, and values without a schema, as they are', () => {
    expect(withinMaxProperties({ meta: { a: '1' } }, { type: 'object', properties: { meta: oneItem } })).toEqual({ meta: { a: '1' } });
    expect(withinMaxProperties({ a: 1, b: 2 }, undefined)).toEqual({ a: 1, b: 2 });
    expect(withinMaxProperties('text', oneItem)).toBe('text');
  });
});
