import { join } from "node:path";
import { AgentLoop, type AgentLogger, type AgentStopResult } from "../../agent/agent-loop.js";
import { seededRandom } from "../../agent/cluster/seeded-random.js";
import { HubClient } from "../../agent/hub/hub-client.js";
import { SYSTEM_CLOCK } from "../../agent/runtime/clock.js";
import { EventQueue } from "../../agent/runtime/event-queue.js";
import { SimulatedWorkTarget } from "../../agent/work/simulated-target.js";
import { WorkReconciler } from "../../agent/work/work-reconciler.js";
import { TestAgent } from "./cluster-agent-harness.js";

const SILENT: AgentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The real agent on a simulated cluster that also delivers work (the simulated work target the demo clusters use),
 * in real time, polling work every `workIntervalMs`: for end-to-end tests of placing, where a person watches work
 * become Available.
 */
export class WorkingTestAgent {
  readonly agent: TestAgent;
  readonly target = new SimulatedWorkTarget({ now: SYSTEM_CLOCK.now, readyAfterMs: 500 });
  private abort: AbortController | undefined;
  private running: Promise<AgentStopResult> | undefined;

  constructor(
    private readonly hubUrl: string,
    seed = 31,
    nodes = 6,
    private readonly workIntervalMs = 1000,
  ) {
    this.agent = new TestAgent(hubUrl, SYSTEM_CLOCK, seed, nodes);
  }

  /** Joins with a join token, then runs the loop with work delivery until {@link stop}. */
  async joinAndStart(joinToken: string): Promise<void> {
    const state = await this.agent.join(joinToken);
    let credential = state.credential;
    const hub = new HubClient({
      url: `${this.hubUrl}/graphql`,
      credential: () => credential.token,
      timeoutMs: 2000,
    });
    this.abort = new AbortController();
    this.running = new AgentLoop({
      hub,
      source: this.agent.source,
      work: new WorkReconciler({
        hub,
        target: this.target,
        logger: SILENT,
        now: SYSTEM_CLOCK.now,
        recheckMs: 1000,
      }),
      workIntervalMs: this.workIntervalMs,
      clusterUid: state.clusterUid,
      credential,
      onCredentialRotated: (fresh) => {
        credential = fresh;
      },
      leaseSeconds: state.leaseSeconds,
      statusIntervalSeconds: state.statusIntervalSeconds,
      events: new EventQueue(join(this.agent.directory, "events.jsonl")),
      clock: SYSTEM_CLOCK,
      random: seededRandom(this.agent.seed),
      logger: SILENT,
      signal: this.abort.signal,
    }).run();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    this.agent.cleanUp();
  }
}
