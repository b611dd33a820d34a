// An x-doc-deviation entry records where a spec departs from the vendor's
// document. It is only worth something if it says what the document says, what
// the service does, which source proves it, and how directly that source speaks
// about this very operation and field (see specs/EXTENSIONS.md).
import { createRulesetFunction } from '@stoplight/spectral-core';

/** `owner/repo:path`, optionally `@<tag or commit>`, or the https URL of an official page. */
const EVIDENCE = /^(?:[\w.-]+\/[\w.-]+:[^\s@]+(?:@[\w.-]+)?|https:\/\/\S+)$/;
const TEXT_FIELDS = /** @type {const} */ (['document', 'service']);
const DIRECTNESS = ['direct', 'indirect'];
const KNOWN_FIELDS = new Set(['document', 'service', 'evidence', 'directness', 'caveat', 'releases']);

/** @param {unknown} value */
const isText = (value) => typeof value === 'string' && value.trim() !== '';

export default createRulesetFunction({ input: null, options: null }, function deviationEntries(entries, _options, context) {
  if (!Array.isArray(entries) || entries.length === 0) {
    return [{ message: 'x-doc-deviation must be a non-empty list of entries.', path: [...context.path] }];
  }
  const results = [];
  for (const [index, entry] of entries.entries()) {
    const at = [...context.path, index];
    if (typeof entry !== 'object' || entry === null) {
      results.push({ message: 'A deviation entry must be an object with document, service, evidence and directness.', path: at });
      continue;
    }
    for (const field of Object.keys(entry)) {
      if (!KNOWN_FIELDS.has(field)) {
        results.push({
          message: `Unknown deviation field "${field}"; the fields are ${[...KNOWN_FIELDS].join(', ')} (specs/EXTENSIONS.md).`,
          path: [...at, field],
        });
      }
    }
    for (const field of TEXT_FIELDS) {
      if (!isText(entry[field])) {
        results.push({
          message: `A deviation entry needs "${field}": a sentence on what the ${field === 'document' ? 'document says' : 'service does'}.`,
          path: [...at, field],
        });
      }
    }
    if (!DIRECTNESS.includes(entry.directness)) {
      results.push({
        message: 'A deviation entry needs "directness": direct (the evidence is about this very operation and field) or indirect.',
        path: [...at, 'directness'],
      });
    } else if (entry.directness === 'indirect' && !isText(entry.caveat)) {
      results.push({
        message: 'Indirect evidence needs a "caveat": what the evidence is really about, and how far it carries.',
        path: [...at, 'caveat'],
      });
    }
    if ('releases' in entry && !isText(entry.releases)) {
      results.push({
        message: '"releases" must name the releases the behaviour holds for, e.g. "Cinder 12.0.0 (Queens) to 18.0.0 (Wallaby)".',
        path: [...at, 'releases'],
      });
    }
    const evidence = entry.evidence;
    if (!Array.isArray(evidence) || evidence.length === 0) {
      results.push({
        message: 'A deviation entry needs "evidence": a list of owner/repo:path or https:// sources.',
        path: [...at, 'evidence'],
      });
      continue;
    }
    for (const [position, source] of evidence.entries()) {
      if (typeof source !== 'string' || !EVIDENCE.test(source)) {
        results.push({
          message: `Evidence "${String(source)}" is neither owner/repo:path[@tag] nor an https:// URL.`,
          path: [...at, 'evidence', position],
        });
      }
    }
  }
  return results;
});
