import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const SOURCE_SCHEMA = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("kubeconfig"), path: z.string().optional() }),
  z.object({ kind: z.literal("in-cluster") }),
  z.object({ kind: z.literal("simulated"), seed: z.number().int(), nodes: z.number().int().positive() }),
]);

const STATE_SCHEMA = z.object({
  hubUrl: z.string().url(),
  clusterId: z.string(),
  clusterName: z.string(),
  clusterUid: z.string(),
  credential: z.object({ token: z.string(), expiresAt: z.string(), issuedAt: z.string() }),
  leaseSeconds: z.number().positive(),
  statusIntervalSeconds: z.number().positive(),
  source: SOURCE_SCHEMA,
});

/** Where the agent reads its cluster from, remembered at join time so `run` needs no flags. */
export type SourceSelection = z.infer<typeof SOURCE_SCHEMA>;

/** What `join` stores and `run` needs; holds the credential, hence mode 0600. */
export type AgentState = z.infer<typeof STATE_SCHEMA>;

/** Reads the state file; undefined when it does not exist, an error when it is not a valid state. */
export function readAgentState(path: string): AgentState | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = STATE_SCHEMA.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`invalid agent state file ${path}: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Writes the state atomically (temporary file, then rename) with mode 0600: a crash during rotation must not
 * leave the agent without any credential, and no other local user may read it.
 */
export function writeAgentState(path: string, state: AgentState): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of an existing file; enforce it.
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
