import autocannon from "autocannon";
import { readProcessCpuSeconds } from "./process-cpu.js";

/** One load run's figures. Latencies in milliseconds. */
export interface LoadResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP97_5: number;
  latencyP99: number;
  /** Requests that completed. */
  requests: number;
  /** Connection errors, timeouts included (autocannon's count; a request times out after 10 s). */
  errors: number;
  /** The timeouts among `errors`. */
  timeouts: number;
  /** Responses whose status was not 2xx. */
  non2xx: number;
  seconds: number;
  /**
   * CPU milliseconds the server process spent per completed request while measured (undefined without `/proc`
   * or a server pid). Unlike req/s it hardly moves when other work shares the machine.
   */
  serverCpuMsPerRequest: number | undefined;
}

/** A GraphQL operation sent as `POST /graphql` with a JSON body, optionally as a Bearer token's holder. */
export interface GraphqlRequest {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
}

function requestOptions(request: GraphqlRequest) {
  return {
    url: `${request.url}/graphql`,
    method: "POST" as const,
    headers: {
      "content-type": "application/json",
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
  };
}

/**
 * Sends the operation once and fails unless it answers 200 with data and no errors: a benchmark of error
 * responses would measure the wrong thing very fast.
 */
export async function expectGraphqlSuccess(request: GraphqlRequest): Promise<unknown> {
  const options = requestOptions(request);
  const response = await fetch(options.url, { method: "POST", headers: options.headers, body: options.body });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || body.errors || !body.data)
    throw new Error(`${options.url} answered ${response.status}: ${text.slice(0, 500)}`);
  return body.data;
}

/**
 * Puts `connections` concurrent keep-alive connections on the operation: `warmupSeconds` unmeasured (JIT, caches,
 * pools), then `seconds` measured. Runs autocannon in this process; the server should live in another, whose
 * `serverPid` lets the run count the server's CPU time per request.
 */
export async function runGraphqlLoad(
  request: GraphqlRequest,
  options: { connections: number; seconds: number; warmupSeconds: number; serverPid?: number },
): Promise<LoadResult> {
  const base = { ...requestOptions(request), connections: options.connections };
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  const cpuBefore = options.serverPid ? await readProcessCpuSeconds(options.serverPid) : undefined;
  const result = await autocannon({ ...base, duration: options.seconds });
  const cpuAfter = options.serverPid ? await readProcessCpuSeconds(options.serverPid) : undefined;
  const serverCpuMsPerRequest =
    cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
      ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total
      : undefined;
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP97_5: result.latency.p97_5,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
    serverCpuMsPerRequest,
  };
}
