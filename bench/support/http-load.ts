import autocannon from "autocannon";
import type { LoadResult } from "./graphql-load.js";
import { percentile } from "./percentile.js";
import { readProcessCpuSeconds } from "./process-cpu.js";

/** A load run's figures plus the 95th percentile, which autocannon does not report. */
export interface DetailedLoadResult extends LoadResult {
  /** From every response time of the measured run (nearest rank), not from autocannon's fixed percentiles. */
  latencyP95: number;
}

/** What to send: autocannon's own options (url, method, headers, body or a `requests` rotation). */
export type LoadTarget = Pick<autocannon.Options, "url" | "method" | "headers" | "body" | "requests">;

/**
 * Like `runGraphqlLoad`, for any HTTP target: `warmupSeconds` unmeasured, then `seconds` measured, recording
 * every response time so the 95th percentile is exact. `setupClient` runs per connection (e.g. to give each its
 * own Authorization header).
 */
export async function runHttpLoad(
  target: LoadTarget,
  options: {
    connections: number;
    seconds: number;
    warmupSeconds: number;
    serverPid?: number;
    setupClient?: (client: autocannon.Client, index: number) => void;
  },
): Promise<DetailedLoadResult> {
  let clientIndex = 0;
  let times: number[] = [];
  const base = {
    ...target,
    connections: options.connections,
    setupClient(client: autocannon.Client) {
      options.setupClient?.(client, clientIndex++);
      client.on("response", (_status: number, _bytes: number, responseTime: number) => {
        times.push(responseTime);
      });
    },
  };
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  times = [];
  clientIndex = 0;
  const cpuBefore = options.serverPid ? await readProcessCpuSeconds(options.serverPid) : undefined;
  const result = await autocannon({ ...base, duration: options.seconds });
  const cpuAfter = options.serverPid ? await readProcessCpuSeconds(options.serverPid) : undefined;
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP95: percentile(times, 95),
    latencyP97_5: result.latency.p97_5,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
    serverCpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
        ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total
        : undefined,
  };
}

/** The request options of a GraphQL operation for `runHttpLoad`. */
export function graphqlTarget(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): LoadTarget {
  return {
    url: `${url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  };
}
