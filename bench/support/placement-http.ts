import { toGlobalId } from "../../server/graphql/global-id.js";
import { WEB_MANIFESTS } from "../../test/support/placement-operations.js";
import { readProcessCpuSeconds } from "./process-cpu.js";
import { percentile } from "./percentile.js";

/** The web app's preview and create, asking only for the outcome (not the 20,000-line explanation). */
export const PREVIEW = `query($request: PlacementRequestInput!) {
  previewPlacement(request: $request) { ok assignments { replicas } decision { outcome clusterCount } }
}`;
export const CREATE = `mutation($input: CreatePlacementInput!) {
  createPlacement(input: $input) { placement { id status work { replicas } } }
}`;

/** The request shapes: small (capacity lasts for the whole run) and scarce (Iceland's few capped CPUs). */
export function placementInput(shape: "small" | "scarce", cooperativeId: string, name: string) {
  const common = {
    cooperativeId: toGlobalId("Cooperative", cooperativeId),
    name,
    manifests: WEB_MANIFESTS,
    mode: { kind: "DIVIDED" },
  };
  if (shape === "scarce")
    return {
      ...common,
      replicas: 2,
      resources: [
        { resource: "cpu", amount: 500 },
        { resource: "memory", amount: 512 * 1024 ** 2 },
      ],
      constraints: { countries: ["IS"] },
    };
  return {
    ...common,
    replicas: 2,
    resources: [
      { resource: "cpu", amount: 100 },
      { resource: "memory", amount: 128 * 1024 ** 2 },
    ],
    constraints: { jurisdictions: ["EU", "CH"] },
    spread: { maxPerCluster: 1 },
  };
}

/** How one decision over HTTP ended. */
export type Outcome = "placed" | "no_capacity" | "error";

/** A closed-loop run: `clients` each send the next request when the previous answered. */
export interface DecisionRun {
  scenario: string;
  clients: number;
  seconds: number;
  decisions: number;
  decisionsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  outcomes: Record<Outcome, number>;
  /** The hub's CPU per decision (all threads): steadier than latency on a busy machine. */
  serverCpuMsPerDecision: number | undefined;
  firstError?: string;
}

/** Sends one GraphQL operation and classifies its answer. */
export async function sendDecision(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ outcome: Outcome; error?: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: { previewPlacement?: { ok: boolean }; createPlacement?: { placement: { status: string } } };
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const code = body.errors?.[0]?.extensions?.code;
  if (code === "NO_CAPACITY") return { outcome: "no_capacity" };
  if (body.errors || !body.data) return { outcome: "error", error: JSON.stringify(body.errors ?? body) };
  if (body.data.previewPlacement)
    return { outcome: body.data.previewPlacement.ok ? "placed" : "no_capacity" };
  const status = body.data.createPlacement?.placement.status;
  return status === "PLACED" ? { outcome: "placed" } : { outcome: "error", error: `status ${status}` };
}

/**
 * `clients` concurrent loops of `send` for `warmupSeconds` (not counted) then `seconds`; every latency is kept,
 * so p99 is exact (nearest rank).
 */
export async function runDecisions(
  scenario: string,
  options: { clients: number; seconds: number; warmupSeconds: number; serverPid?: number },
  send: (sequence: number) => Promise<{ outcome: Outcome; error?: string }>,
): Promise<DecisionRun> {
  let sequence = 0;
  const loop = async (until: number, record?: (ms: number, outcome: Outcome, error?: string) => void) => {
    while (performance.now() < until) {
      const started = performance.now();
      const { outcome, error } = await send(sequence++).catch((caught: Error) => ({
        outcome: "error" as const,
        error: caught.message,
      }));
      record?.(performance.now() - started, outcome, error);
    }
  };
  const clients = Array.from({ length: options.clients });
  const warmupEnd = performance.now() + options.warmupSeconds * 1000;
  await Promise.all(clients.map(() => loop(warmupEnd)));
  const latencies: number[] = [];
  const outcomes: Record<Outcome, number> = { placed: 0, no_capacity: 0, error: 0 };
  let firstError: string | undefined;
  const cpuBefore = options.serverPid ? await readProcessCpuSeconds(options.serverPid) : undefined;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  await Promise.all(
    clients.map(() =>
      loop(end, (ms, outcome, error) => {
        latencies.push(ms);
        outcomes[outcome]++;
        firstError ??= error;
      }),
    ),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = options.serverPid ? await readProcessCpuSeconds(options.serverPid) : undefined;
  const serverCpuMsPerDecision =
    cpuBefore !== undefined && cpuAfter !== undefined && latencies.length > 0
      ? ((cpuAfter - cpuBefore) * 1000) / latencies.length
      : undefined;
  return {
    scenario,
    clients: options.clients,
    seconds: elapsed,
    decisions: latencies.length,
    decisionsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    outcomes,
    serverCpuMsPerDecision,
    firstError,
  };
}
