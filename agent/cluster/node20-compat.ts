/**
 * @kubernetes/client-node 2.0.1 depends on undici 8, which declares Node >= 22.19 and uses three things Node 20
 * lacks: `zlib.createZstdDecompress` (bound at load for `Content-Encoding: zstd`),
 * `worker_threads.markAsUncloneable` (called for its web Cache object) and `Promise.withResolvers` (in fetch).
 * The project runs on Node 20, so this module fills in stand-ins before undici loads: zstd decoding fails loudly
 * if ever asked for (the Kubernetes API server does not send zstd unless asked), marking an object uncloneable is
 * skipped (the agent never posts such objects to workers), and `Promise.withResolvers` gets its standard
 * definition. On Node 22.19+ all three exist and nothing is changed. Remove once the project moves to Node 22.
 */
import workerThreads from "node:worker_threads";
import zlib from "node:zlib";

interface OptionalNode22Apis {
  createZstdDecompress?: () => never;
  markAsUncloneable?: (value: object) => void;
}

interface PromiseWithResolversApi {
  withResolvers?: <T>() => {
    promise: Promise<T>;
    resolve: (value: T) => void;
    reject: (reason: unknown) => void;
  };
}

const zlibApis = zlib as typeof zlib & OptionalNode22Apis;
const workerApis = workerThreads as typeof workerThreads & OptionalNode22Apis;
const promiseApi = Promise as PromiseConstructor & PromiseWithResolversApi;

zlibApis.createZstdDecompress ??= () => {
  throw new Error("zstd response decoding needs Node 22.15 or later");
};
workerApis.markAsUncloneable ??= () => undefined;
promiseApi.withResolvers ??= <T>() => {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
};
