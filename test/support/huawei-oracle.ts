// The vendor's own signer (@huaweicloud/huaweicloud-sdk-core, a dev dependency
// only) as an oracle: what signature Huawei's SDK computes for a request.
import { createRequire } from 'node:module';

interface VendorRequest {
  endpoint: string;
  method: string;
  queryParams: Record<string, string | string[]>;
  headers: Record<string, string>;
  data?: unknown;
}

const { AKSKSigner } = createRequire(import.meta.url)('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: VendorRequest, credential: { getAk(): string; getSk(): string }): Record<string, string> };
};

export interface OracleRequest {
  method: string;
  /** `https://host[:port]`, no path. */
  origin: string;
  /** Path segments as values, not encoded. */
  segments: string[];
  query: [string, string][];
  /** Headers besides host, with the values sent (X-Sdk-Date among them). */
  headers: Record<string, string>;
  /** The JSON body, or undefined for none. */
  body?: unknown;
}

/** The Authorization header the vendor's SDK computes. */
export function vendorAuthorization(request: OracleRequest, ak: string, sk: string): string {
  const queryParams: Record<string, string | string[]> = {};
  for (const [key, value] of request.query) {
    const previous = queryParams[key];
    queryParams[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const signed = AKSKSigner.sign(
    {
      endpoint: `${request.origin}/${request.segments.join('/')}`,
      method: request.method,
      queryParams,
      headers: { ...request.headers },
      ...(request.body === undefined ? {} : { data: request.body }),
    },
    { getAk: () => ak, getSk: () => sk },
  );
  return signed['Authorization']!;
}
