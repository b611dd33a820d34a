// Client for Huawei Cloud EVS v5 standard snapshots: `createClient` and the
// types of the spec (specs/evs/openapi.yaml).
import type { components, operations, paths } from '../generated/evs/types.js';
import { regionEndpoints, type Region } from '../generated/evs/endpoints.js';
import { createServiceClient, readRequestId, type RegionalClientOptions, type SnapshotClient } from './shared/client.js';

export type { components, operations, paths, Region };
export { regionEndpoints };
export { ClientOptionsError } from './shared/client.js';

type Operation = operations['createStandardSnapshot'];
/** Body of `POST /v5/{project_id}/snapshots`. */
export type CreateStandardSnapshotRequest = Operation['requestBody']['content']['application/json'];
/** Body of its 202 response. */
export type CreateStandardSnapshotResponse = Operation['responses'][202]['content']['application/json'];
/** Body of its error responses: EVS's own envelope, or the API gateway's (401, 429). */
export type CreateStandardSnapshotError = components['schemas']['EvsError'] | components['schemas']['HuaweiGatewayError'];

export type EvsClientOptions = RegionalClientOptions<Region>;
export type EvsClient = SnapshotClient<paths, '/v5/{project_id}/snapshots', Operation>;

/** The response header that carries the request ID (sent by Huawei's API gateway). */
export const requestIdHeader = 'X-Request-Id';
export const requestIdOf = (response: Response): string | undefined => readRequestId(response, requestIdHeader);

/**
 * A typed client for EVS. Pass `region` for the official endpoint of a region,
 * or `baseUrl` for any other (a mock, a proxy). Authenticate with `token`
 * (sent as `X-Auth-Token`) or with `ak` and `sk` (each request signed).
 */
export function createClient(options: EvsClientOptions): EvsClient {
  return createServiceClient<paths>(
    { module: 'snapshot-apis/evs', regions: regionEndpoints, signing: true, baseUrlHint: 'e.g. https://evs.cn-north-4.myhuaweicloud.com' },
    options,
  );
}
