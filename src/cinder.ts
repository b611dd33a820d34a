// Client for OpenStack Cinder (Block Storage v2) snapshots: `createClient` and
// the types of the spec (specs/cinder/openapi.yaml).
import type { components, operations, paths } from '../generated/cinder/types.js';
import { createServiceClient, readRequestId, type CommonClientOptions, type SnapshotClient } from './shared/client.js';

export type { components, operations, paths };
export { ClientOptionsError } from './shared/client.js';

type Operation = operations['createVolumeSnapshot'];
type Schemas = components['schemas'];
/** Body of `POST /v2/{tenant_id}/snapshots`. */
export type CreateVolumeSnapshotRequest = Operation['requestBody']['content']['application/json'];
/** Body of its 202 response. */
export type CreateVolumeSnapshotResponse = Operation['responses'][202]['content']['application/json'];
/** Body of its error responses: a Cinder fault named after its kind, or Keystone's error (401). */
export type CreateVolumeSnapshotError =
  | Schemas['BadRequestFault']
  | Schemas['KeystoneError']
  | Schemas['ForbiddenFault']
  | Schemas['ItemNotFoundFault']
  | Schemas['OverLimitFault']
  | Schemas['ComputeFault'];

/** Cinder runs in your own cloud, so there are no official regions: pass `baseUrl`. */
export type CinderClientOptions = CommonClientOptions;
export type CinderClient = SnapshotClient<paths, '/v2/{tenant_id}/snapshots', Operation>;

/** The response header that carries the request ID (`req-<uuid>`). */
export const requestIdHeader = 'x-openstack-request-id';
export const requestIdOf = (response: Response): string | undefined => readRequestId(response, requestIdHeader);

/**
 * A typed client for Cinder. Pass `baseUrl`, the Block Storage endpoint of
 * your cloud without `/v2/{tenant_id}`; `token` sends `X-Auth-Token`.
 */
export function createClient(options: CinderClientOptions): CinderClient {
  return createServiceClient<paths>(
    { module: 'snapshot-apis/cinder', baseUrlHint: 'your cloud\'s Block Storage endpoint without /v2/{tenant_id}, e.g. https://controller:8776' },
    options,
  );
}
