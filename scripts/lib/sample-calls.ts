// One sample call per operation, read from the spec itself: its path, the
// example of each parameter, the first example of its request body. Tests,
// the benchmark and the package consumer test all call the APIs through this
// table, so adding an operation to a spec adds it to every one of them.
import type { OpenApiDocument } from './bundle.ts';
import { isNode, operationsOf, successStatusOf, type HttpMethod, type Node } from './operations.ts';

export interface SampleCall {
  operationId: string;
  method: HttpMethod;
  /** The path template, e.g. `/v1.0/{project_id}/snapshots`. */
  path: string;
  pathParams: Record<string, string>;
  /** Required query parameters, with their examples. */
  query: Record<string, string>;
  /** The first example of the JSON request body, if the operation takes one. */
  body?: unknown;
  /** The path as sent, with the parameters filled in and the query appended. */
  url: string;
  successStatus: number;
}

/** The example of a parameter: `example`, the first of `examples`, or its schema's. */
function exampleOf(parameter: Node): unknown {
  if ('example' in parameter) return parameter['example'];
  const named = isNode(parameter['examples']) ? Object.values(parameter['examples']).find(isNode) : undefined;
  if (named !== undefined) return named['value'];
  const schema = isNode(parameter['schema']) ? parameter['schema'] : {};
  if ('example' in schema) return schema['example'];
  return Array.isArray(schema['examples']) ? schema['examples'][0] : undefined;
}

/** The first example of a media type object. */
export function firstExample(media: Node): unknown {
  if ('example' in media) return media['example'];
  const named = isNode(media['examples']) ? Object.values(media['examples']).find(isNode) : undefined;
  return named?.['value'];
}

/** Every operation of a dereferenced spec as a call that can be made. */
export function sampleCalls(document: OpenApiDocument, api = String((document['info'] as Node | undefined)?.['title'])): SampleCall[] {
  return operationsOf(document).map(({ method, path, operation }) => {
    const operationId = String(operation['operationId']);
    const pathParams: Record<string, string> = {};
    const query: Record<string, string> = {};
    for (const parameter of (operation['parameters'] ?? []) as Node[]) {
      const { name, in: location, required } = parameter as { name: string; in: string; required?: boolean };
      if (location !== 'path' && !(location === 'query' && required === true)) continue;
      const example = exampleOf(parameter);
      if (example === undefined)
        throw new Error(`${api} ${operationId}: parameter ${name} has no example; give it one, so it can be called.`);
      (location === 'path' ? pathParams : query)[name] = String(example);
    }
    const media = (operation['requestBody'] as { content?: Record<string, Node> } | undefined)?.content?.['application/json'];
    const body = media === undefined ? undefined : firstExample(media);
    if (media !== undefined && body === undefined) throw new Error(`${api} ${operationId}: the request body has no example; give it one.`);
    const search = new URLSearchParams(query).toString();
    const url =
      path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(pathParams[name]!)) + (search === '' ? '' : `?${search}`);
    return {
      operationId,
      method,
      path,
      pathParams,
      query,
      ...(body === undefined ? {} : { body }),
      url,
      successStatus: Number(successStatusOf(operation)),
    };
  });
}
