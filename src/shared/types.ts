// Types every generated client is built from: openapi-fetch's client with each
// method taking its options as a plain (not inferred) parameter, and the body
// types of one operation, read from the openapi-typescript output.
import type { Client, FetchOptions, FetchResponse } from 'openapi-fetch';

// Written here rather than imported from openapi-typescript-helpers, which
// consumers do not depend on directly (npm may nest it under openapi-fetch).
type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
type PathsWithMethod<Paths, Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { [M in Method]: unknown } ? Path : never;
}[keyof Paths];
type OptionalKeys<T> = { [K in keyof T]: {} extends Pick<T, K> ? K : never }[keyof T];
type RequiredKeysOf<T> = Exclude<keyof T, OptionalKeys<T>>;

type JsonBodyOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;

/** The JSON request body of an operation. */
export type RequestBody<Operation> = Operation extends { requestBody?: infer Body } ? JsonBodyOf<NonNullable<Body>> : never;
/** The JSON body of an operation's success responses. */
export type SuccessBody<Operation extends { responses: object }> = JsonBodyOf<
  Operation['responses'][Extract<keyof Operation['responses'], SuccessStatus>]
>;
/** The JSON bodies of an operation's error responses. */
export type ErrorBody<Operation extends { responses: object }> = JsonBodyOf<
  Operation['responses'][Exclude<keyof Operation['responses'], SuccessStatus>]
>;

type UnionToIntersection<U> = (U extends unknown ? (overload: U) => void : never) extends (overload: infer I) => void ? I : never;

/** The options of one call: required when the operation has required parameters or a body. */
type InitOf<Operation> =
  RequiredKeysOf<FetchOptions<Operation>> extends never ? [init?: FetchOptions<Operation>] : [init: FetchOptions<Operation>];

/**
 * One overload per path that has this method. Each takes its options as a plain
 * parameter, not an inferred one, so TypeScript checks object literals for
 * excess properties: a misspelt optional field is a compile error instead of a
 * field the service never sees. A method no path has is not callable at all.
 */
type OperationOf<PathItem, Method extends HttpMethod> = PathItem[Method & keyof PathItem];
type Call<Operation> =
  Operation extends Record<string | number, any>
    ? (...init: InitOf<Operation>) => Promise<FetchResponse<Operation, FetchOptions<Operation>, 'application/json'>>
    : never;

type MethodOf<Paths, Method extends HttpMethod> = UnionToIntersection<
  {
    [Path in PathsWithMethod<Paths, Method>]: (
      url: Path,
      ...init: Parameters<Call<OperationOf<Paths[Path], Method>>>
    ) => ReturnType<Call<OperationOf<Paths[Path], Method>>>;
  }[PathsWithMethod<Paths, Method>]
>;

/** openapi-fetch's client for an API, with strictly checked call options. */
export type TypedClient<Paths extends {}> = Omit<Client<Paths, 'application/json'>, 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'> & {
  GET: MethodOf<Paths, 'get'>;
  PUT: MethodOf<Paths, 'put'>;
  POST: MethodOf<Paths, 'post'>;
  DELETE: MethodOf<Paths, 'delete'>;
  PATCH: MethodOf<Paths, 'patch'>;
};
