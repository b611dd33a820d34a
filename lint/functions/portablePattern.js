// Spectral compiles schema patterns without the `u` flag, while Redocly, ajv and
// Prism compile them with it. A pattern is only safe if it means the same in
// both modes and is anchored, so that it constrains the whole value.
import { createRulesetFunction } from '@stoplight/spectral-core';

/** Syntax that is an error in one mode or changes meaning between the modes. */
const MODE_DEPENDENT = [
  [/\\[pP]\{/, 'a Unicode property escape (\\p{...})'],
  [/\\u\{/, 'a code point escape (\\u{...})'],
  [/\\[dD]?[uU][dD][89abAB]/, 'a surrogate code unit'],
  [/(?:\.|\[\^(?:[^\]\\]|\\.)*\])\{/, 'a counted repetition of "." or a negated class (astral characters count twice without `u`)'],
];

export default createRulesetFunction({ input: null, options: null }, function portablePattern(pattern, _options, context) {
  if (typeof pattern !== 'string') return [];
  const problems = [];
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) {
    problems.push('is not anchored with ^ and $, so it only constrains part of the value');
  }
  for (const flags of ['', 'u']) {
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      problems.push(`does not compile${flags ? ' in unicode mode' : ' without the u flag'} (${/** @type {Error} */ (error).message})`);
    }
  }
  for (const [syntax, what] of MODE_DEPENDENT) {
    if (/** @type {RegExp} */ (syntax).test(pattern)) problems.push(`uses ${what}`);
  }
  return problems.map((problem) => ({ message: `Pattern ${problem}.`, path: [...context.path] }));
});
