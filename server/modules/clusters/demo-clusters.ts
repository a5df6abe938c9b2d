import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { AgentLoop, type AgentStopResult } from "../../../agent/agent-loop.js";
import { SimulatedClusterSource } from "../../../agent/cluster/simulated-source.js";
import { HubClient } from "../../../agent/hub/hub-client.js";
import { joinCluster } from "../../../agent/join-cluster.js";
import { SYSTEM_CLOCK } from "../../../agent/runtime/clock.js";
import { EventQueue } from "../../../agent/runtime/event-queue.js";
import { SourceWithGuestPods } from "../../../agent/work/guest-pods.js";
import { SimulatedWorkTarget } from "../../../agent/work/simulated-target.js";
import { WorkReconciler } from "../../../agent/work/work-reconciler.js";
import type { Clock } from "../../clock.js";
import { inTransaction } from "../../db/transaction.js";
import { parseGlobalId } from "../../graphql/global-id.js";
import type { Logger } from "../../logger.js";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";
import { decideMemberCluster, findClusterForUpdate, setClusterLabels } from "./cluster-commands.js";
import { createJoinToken } from "./create-join-token.js";

/** The demo's clusters: two accepted, one waiting in the stewards' queue; leipzig-1 stops (`stopAfterMs`). */
const DEMO_CLUSTERS = [
  {
    cooperative: "green-hosting",
    name: "berlin-1",
    seed: 101,
    nodes: 24,
    accept: true,
    labels: { country: "DE", jurisdiction: "EU", region: "berlin" },
  },
  {
    cooperative: "green-hosting",
    name: "leipzig-1",
    seed: 102,
    nodes: 8,
    accept: true,
    stops: true,
    labels: { country: "DE", jurisdiction: "EU", region: "leipzig" },
  },
  {
    cooperative: "campus-cloud",
    name: "zurich-lab",
    seed: 103,
    nodes: 12,
    accept: false,
    labels: { country: "CH", jurisdiction: "CH", region: "zurich" },
  },
];

const SILENT_AGENT = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Running demo agents; `stop()` ends them. */
export interface DemoClusters {
  stop(): Promise<void>;
}

/**
 * `npm run demo`: joins simulated member clusters of the demo cooperatives with the real agent code (join token,
 * registration, lease, status, events over HTTP), so a newcomer sees live clusters, capacity and, when leipzig-1
 * stops (after two minutes unless configured), a lease expiring. Each start joins again with fresh tokens; the clusters keep their
 * identity and history.
 */
export async function startDemoClusters(deps: {
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  graphqlUrl: string;
  /** When leipzig-1's agent stops (DEMO_CLUSTER_STOP_SECONDS, two minutes by default). */
  stopAfterMs: number;
}): Promise<DemoClusters> {
  const directory = mkdtempSync(join(tmpdir(), "alliance-demo-agents-"));
  const abort = new AbortController();
  const running: Array<Promise<AgentStopResult>> = [];
  const timers: NodeJS.Timeout[] = [];
  for (const demo of DEMO_CLUSTERS) {
    try {
      const cooperative = await deps.dataSource.manager.findOneBy(CooperativeEntity, {
        slug: demo.cooperative,
      });
      if (!cooperative) continue;
      const actor = { personId: cooperative.foundedById, requestId: "demo-clusters", now: deps.clock.now() };
      const { secret } = await inTransaction(deps.dataSource, (manager) =>
        createJoinToken(manager, actor, {
          cooperativeId: cooperative.id,
          clusterName: demo.name,
          expiresInMinutes: 5,
        }),
      );
      const source = new SimulatedClusterSource({
        seed: demo.seed,
        nodes: demo.nodes,
        now: SYSTEM_CLOCK.now,
      });
      const state = await joinCluster({
        hub: new HubClient({ url: deps.graphqlUrl, credential: () => undefined }),
        hubUrl: deps.graphqlUrl,
        joinToken: secret,
        source,
        sourceSelection: { kind: "simulated", seed: demo.seed, nodes: demo.nodes },
        stateFile: join(directory, `${demo.name}.json`),
        now: SYSTEM_CLOCK.now,
      });
      await inTransaction(deps.dataSource, async (manager) => {
        const cluster = await findClusterForUpdate(manager, parseGlobalId(state.clusterId)?.id ?? "");
        await setClusterLabels(manager, actor, cluster, demo.labels);
        if (demo.accept && cluster.acceptance === "pending")
          await decideMemberCluster(manager, actor, cluster, "accept", "Demo cluster");
      });
      let credential = state.credential;
      const agentAbort = new AbortController();
      abort.signal.addEventListener("abort", () => agentAbort.abort());
      const hub = new HubClient({ url: deps.graphqlUrl, credential: () => credential.token });
      // Work placed on the cluster is "applied" in memory and its pods count against the simulated capacity.
      const target = new SimulatedWorkTarget({ now: SYSTEM_CLOCK.now });
      const loop = new AgentLoop({
        hub,
        source: new SourceWithGuestPods(source, target),
        work: new WorkReconciler({ hub, target, logger: SILENT_AGENT, now: SYSTEM_CLOCK.now }),
        clusterUid: state.clusterUid,
        credential,
        onCredentialRotated: (fresh) => {
          credential = fresh;
        },
        leaseSeconds: state.leaseSeconds,
        statusIntervalSeconds: state.statusIntervalSeconds,
        events: new EventQueue(join(directory, `${demo.name}.events.jsonl`)),
        clock: SYSTEM_CLOCK,
        logger: SILENT_AGENT,
        signal: agentAbort.signal,
      });
      running.push(loop.run());
      if (demo.stops) {
        const timer = setTimeout(() => {
          deps.logger.info(
            { cluster: demo.name },
            "demo: stopping this cluster's agent; its lease will expire",
          );
          agentAbort.abort();
        }, deps.stopAfterMs);
        timer.unref();
        timers.push(timer);
      }
      deps.logger.info({ cluster: demo.name, cooperative: demo.cooperative }, "demo cluster joined");
    } catch (error) {
      deps.logger.warn({ err: error, cluster: demo.name }, "demo cluster could not join");
    }
  }
  return {
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      abort.abort();
      await Promise.allSettled(running);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
