// The operations of a bundled spec, in document order, for everything that
// walks them: generation, the docs, the sample calls, the tests.
import type { OpenApiDocument } from './bundle.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** An object of a spec (not an array, not null), read without trusting its shape. */
export type Node = Record<string, unknown>;
export const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface Operation {
  method: HttpMethod;
  path: string;
  /** The operation object; its parameters include those declared on the path. */
  operation: Node;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const paths = isNode(document['paths']) ? document['paths'] : {};
  return Object.entries(paths).flatMap(([path, item]) => {
    if (!isNode(item)) return [];
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    // In the order the spec writes them, which is the order a reader meets them.
    const methods = Object.keys(item).filter((key): key is HttpMethod => (HTTP_METHODS as readonly string[]).includes(key));
    return methods.flatMap((method) => {
      const operation = item[method];
      if (!isNode(operation)) return [];
      const own = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
      const parameters = [...shared, ...own];
      return [{ method, path, operation: parameters.length === 0 ? operation : { ...operation, parameters } }];
    });
  });
}

/** The first 2xx status of an operation: the one the service documents (others are recorded deviations). */
export function successStatusOf(operation: Node): string {
  const status = Object.keys(isNode(operation['responses']) ? operation['responses'] : {}).find((code) => code.startsWith('2'));
  if (status === undefined) throw new Error(`Operation ${String(operation['operationId'])} has no 2xx response; describe its success.`);
  return status;
}

/** Whether the spec accepts Huawei AK/SK-signed requests (the shared AkSkSignature scheme). */
export function acceptsAkSk(document: OpenApiDocument): boolean {
  const components = isNode(document['components']) ? document['components'] : {};
  return isNode(components['securitySchemes']) && 'AkSkSignature' in components['securitySchemes'];
}
