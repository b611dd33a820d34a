// Client for Huawei Cloud CSS index snapshots: `createClient` and the types of
// the spec (specs/css/openapi.yaml).
import type { components, operations, paths } from '../generated/css/types.js';
import { regionEndpoints, type Region } from '../generated/css/endpoints.js';
import { createServiceClient, readRequestId, type RegionalClientOptions, type SnapshotClient } from './shared/client.js';

export type { components, operations, paths, Region };
export { regionEndpoints };
export { ClientOptionsError } from './shared/client.js';

type Operation = operations['createIndexSnapshot'];
/** Body of `POST /v1.0/{project_id}/clusters/{cluster_id}/index_snapshot`. */
export type CreateIndexSnapshotRequest = Operation['requestBody']['content']['application/json'];
/** Body of its 201 response. */
export type CreateIndexSnapshotResponse = Operation['responses'][201]['content']['application/json'];
/** Body of its error responses: CSS's own envelope, or the API gateway's (401, 429). */
export type CreateIndexSnapshotError = components['schemas']['CssError'] | components['schemas']['HuaweiGatewayError'];

export type CssClientOptions = RegionalClientOptions<Region>;
export type CssClient = SnapshotClient<paths, '/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', Operation>;

/** The response header that carries the request ID (sent by Huawei's API gateway). */
export const requestIdHeader = 'X-Request-Id';
export const requestIdOf = (response: Response): string | undefined => readRequestId(response, requestIdHeader);

/**
 * A typed client for CSS. Pass `region` for the official endpoint of a region,
 * or `baseUrl` for any other (a mock, a proxy). Authenticate with `token`
 * (sent as `X-Auth-Token`) or with `ak` and `sk` (each request signed).
 */
export function createClient(options: CssClientOptions): CssClient {
  return createServiceClient<paths>(
    { module: 'snapshot-apis/css', regions: regionEndpoints, signing: true, baseUrlHint: 'e.g. https://css.cn-north-4.myhuaweicloud.com' },
    options,
  );
}
