// Every documented response must show what the service sends: reviewers,
// docs readers and the mocks all rely on a concrete example.
import { createRulesetFunction } from '@stoplight/spectral-core';

export default createRulesetFunction(
  { input: { type: 'object' }, options: null },
  function responseHasExample(response, _options, context) {
    const content = /** @type {Record<string, Record<string, unknown>> | undefined} */ (response['content']);
    if (content === undefined) return [];
    const status = context.path[context.path.length - 1];
    return Object.entries(content)
      .filter(([, media]) => !('example' in media) && Object.keys(media['examples'] ?? {}).length === 0)
      .map(([mediaType]) => ({
        message: `Response ${String(status)} (${mediaType}) has no example: add one under "examples".`,
        path: [...context.path, 'content', mediaType],
      }));
  },
);
