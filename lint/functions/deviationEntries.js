// An x-doc-deviation entry records where a spec departs from the vendor's
// document. It is only worth something if it says what the document says, what
// the service does, and which source proves it (see specs/EXTENSIONS.md).
import { createRulesetFunction } from '@stoplight/spectral-core';

/** `owner/repo:path`, optionally `@commit`, or the https URL of an official page. */
const EVIDENCE = /^(?:[\w.-]+\/[\w.-]+:[^\s@]+(?:@[0-9a-f]{7,40})?|https:\/\/\S+)$/;
const TEXT_FIELDS = /** @type {const} */ (['document', 'service']);

export default createRulesetFunction({ input: null, options: null }, function deviationEntries(entries, _options, context) {
  if (!Array.isArray(entries) || entries.length === 0) {
    return [{ message: 'x-doc-deviation must be a non-empty list of entries.', path: [...context.path] }];
  }
  const results = [];
  for (const [index, entry] of entries.entries()) {
    const at = [...context.path, index];
    if (typeof entry !== 'object' || entry === null) {
      results.push({ message: 'A deviation entry must be an object with document, service and evidence.', path: at });
      continue;
    }
    for (const field of TEXT_FIELDS) {
      const value = entry[field];
      if (typeof value !== 'string' || value.trim() === '') {
        results.push({
          message: `A deviation entry needs "${field}": a sentence on what the ${field === 'document' ? 'document says' : 'service does'}.`,
          path: [...at, field],
        });
      }
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
          message: `Evidence "${String(source)}" is neither owner/repo:path nor an https:// URL.`,
          path: [...at, 'evidence', position],
        });
      }
    }
  }
  return results;
});
