// Client for Huawei Cloud DWS snapshots: `createClient` and the types of the
// spec (specs/dws/openapi.yaml).
import type { components, operations, paths } from '../generated/dws/types.js';
import { regionEndpoints, type Region } from '../generated/dws/endpoints.js';
import { createServiceClient, readRequestId, type RegionalClientOptions, type SnapshotClient } from './shared/client.js';

export type { components, operations, paths, Region };
export { regionEndpoints };
export { ClientOptionsError } from './shared/client.js';

type Operation = operations['createClusterSnapshot'];
/** Body of `POST /v1.0/{project_id}/snapshots`. */
export type CreateClusterSnapshotRequest = Operation['requestBody']['content']['application/json'];
/** Body of its 200 response. */
export type CreateClusterSnapshotResponse = Operation['responses'][200]['content']['application/json'];
/** Body of its error responses: DWS's own envelope, or the API gateway's (401, 429). */
export type CreateClusterSnapshotError = components['schemas']['DwsError'] | components['schemas']['HuaweiGatewayError'];

export type DwsClientOptions = RegionalClientOptions<Region>;
export type DwsClient = SnapshotClient<paths, '/v1.0/{project_id}/snapshots', Operation>;

/** The response header that carries the request ID (sent by Huawei's API gateway). */
export const requestIdHeader = 'X-Request-Id';
export const requestIdOf = (response: Response): string | undefined => readRequestId(response, requestIdHeader);

/**
 * A typed client for DWS. Pass `region` for the official endpoint of a region,
 * or `baseUrl` for any other (a mock, a proxy). Authenticate with `token`
 * (sent as `X-Auth-Token`) or with `ak` and `sk` (each request signed).
 */
export function createClient(options: DwsClientOptions): DwsClient {
  return createServiceClient<paths>(
    { module: 'snapshot-apis/dws', regions: regionEndpoints, signing: true, baseUrlHint: 'e.g. https://dws.cn-north-4.myhuaweicloud.com' },
    options,
  );
}
