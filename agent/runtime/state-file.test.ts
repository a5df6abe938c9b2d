import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AgentState, readAgentState, writeAgentState } from "./state-file.js";

const STATE: AgentState = {
  hubUrl: "https://hub.example.org/graphql",
  clusterId: "c1",
  clusterName: "coop-a-main",
  clusterUid: "6f1c0d4e-0000-4000-8000-000000000001",
  credential: { token: "secret", expiresAt: "2026-12-25T00:00:00Z", issuedAt: "2026-11-25T00:00:00Z" },
  leaseSeconds: 10,
  statusIntervalSeconds: 30,
  source: { kind: "simulated", seed: 7, nodes: 12 },
};

describe("Agent state file", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "agent-state-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("round-trips the state with owner-only permissions", () => {
    const path = join(directory, "state", "agent.json");
    writeAgentState(path, STATE);
    expect(readAgentState(path)).toEqual(STATE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("returns undefined when there is no state yet and rejects a malformed one", () => {
    const path = join(directory, "agent.json");
    expect(readAgentState(path)).toBeUndefined();
    writeFileSync(path, JSON.stringify({ hubUrl: "x" }));
    expect(() => readAgentState(path)).toThrow(/invalid agent state/);
  });
});
