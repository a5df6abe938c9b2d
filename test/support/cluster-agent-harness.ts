import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { AgentLoop, type AgentLogger, type AgentStopResult } from "../../agent/agent-loop.js";
import { seededRandom } from "../../agent/cluster/seeded-random.js";
import { SimulatedClusterSource } from "../../agent/cluster/simulated-source.js";
import { type HubApi, HubClient } from "../../agent/hub/hub-client.js";
import { joinCluster } from "../../agent/join-cluster.js";
import type { AgentClock } from "../../agent/runtime/clock.js";
import type { StoredCredential } from "../../agent/runtime/credential.js";
import { EventQueue } from "../../agent/runtime/event-queue.js";
import type { AgentState } from "../../agent/runtime/state-file.js";
import type { ManualClock } from "../../server/clock.js";

const SILENT: AgentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The agent's clock in integration tests: the hub's ManualClock, moved forward by the agent's own sleeps. Hub and
 * agent share virtual time, so minutes of leases run in milliseconds; each sleep yields to the event loop so the
 * test can act between cycles.
 */
export function sharedAgentClock(clock: ManualClock): AgentClock {
  return {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      // Dates hold whole milliseconds: round up, or a jittered 0.3 ms sleep would never move time.
      clock.advance(Math.ceil(Math.max(0, ms)));
      await yieldToEventLoop();
    },
  };
}

/**
 * Like {@link sharedAgentClock}, but each sleep also waits `1 / speedUp` of it in real time, so a hub that is
 * down for a second of real time is down for `speedUp` seconds of agent time, not for hours of tight retries.
 */
export function acceleratedAgentClock(clock: ManualClock, speedUp: number): AgentClock {
  return {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      clock.advance(Math.ceil(Math.max(0, ms)));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms) / speedUp));
    },
  };
}

/** The real agent (join, then the run loop with a simulated cluster) against a hub over HTTP. */
export class TestAgent {
  readonly directory = mkdtempSync(join(tmpdir(), "cluster-agent-"));
  readonly source: SimulatedClusterSource;
  state: AgentState | undefined;
  credential: StoredCredential | undefined;
  /** `observedAt` of every status report the hub acknowledged, in order. */
  readonly acknowledgedReports: string[] = [];
  private abort: AbortController | undefined;
  private running: Promise<AgentStopResult> | undefined;

  constructor(
    private readonly hubUrl: string,
    private readonly clock: AgentClock,
    readonly seed = 11,
    readonly nodes = 8,
  ) {
    this.source = new SimulatedClusterSource({ seed, nodes, now: () => clock.now() });
  }

  /** `alliance-agent join`: registers with the join token and stores the credential. */
  async join(joinToken: string): Promise<AgentState> {
    this.state = await joinCluster({
      hub: new HubClient({ url: `${this.hubUrl}/graphql`, credential: () => undefined }),
      hubUrl: `${this.hubUrl}/graphql`,
      joinToken,
      source: this.source,
      sourceSelection: { kind: "simulated", seed: this.seed, nodes: this.nodes },
      stateFile: join(this.directory, "state.json"),
      now: () => this.clock.now(),
    });
    this.credential = this.state.credential;
    return this.state;
  }

  /** `alliance-agent run`, in the background until {@link TestAgent.stop} or the hub refuses the credential. */
  start(): Promise<AgentStopResult> {
    const state = this.state;
    if (!state || !this.credential) throw new Error("join first");
    this.abort = new AbortController();
    const client = new HubClient({
      url: state.hubUrl,
      credential: () => this.credential?.token,
      timeoutMs: 2000,
    });
    const acknowledged = this.acknowledgedReports;
    const hub: HubApi = {
      registerCluster: (input) => client.registerCluster(input),
      renewLease: (agentTime) => client.renewLease(agentTime),
      reportStatus: async (input) => {
        const answer = await client.reportStatus(input);
        acknowledged.push(input.observedAt);
        return answer;
      },
      rotateCredential: () => client.rotateCredential(),
      recordAgentEvents: (events) => client.recordAgentEvents(events),
    };
    const loop = new AgentLoop({
      hub,
      source: this.source,
      clusterUid: state.clusterUid,
      credential: this.credential,
      onCredentialRotated: (fresh) => {
        this.credential = fresh;
      },
      leaseSeconds: state.leaseSeconds,
      statusIntervalSeconds: state.statusIntervalSeconds,
      events: new EventQueue(join(this.directory, "events.jsonl")),
      clock: this.clock,
      random: seededRandom(this.seed),
      logger: SILENT,
      signal: this.abort.signal,
    });
    this.running = loop.run();
    return this.running;
  }

  /** Stops the loop (as SIGTERM would) and waits for it. */
  async stop(): Promise<AgentStopResult | undefined> {
    this.abort?.abort();
    return this.running;
  }

  cleanUp(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` of real time. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
