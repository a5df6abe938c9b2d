import type { DataSource } from "typeorm";
import { systemClock } from "../../server/clock.js";
import { inTransaction } from "../../server/db/transaction.js";
import { agentFromCredential } from "../../server/modules/clusters/agent-identity.js";
import { DEFAULT_CLUSTER_SETTINGS } from "../../server/modules/clusters/cluster-settings.js";
import {
  type MemberCluster,
  MemberClusterEntity,
} from "../../server/modules/clusters/member-cluster.entity.js";
import { renewLease } from "../../server/modules/clusters/renew-lease.js";
import { reportStatus } from "../../server/modules/clusters/report-status.js";
import { statusReportSchema } from "../../server/modules/clusters/status-report-schema.js";
import type { Cooperative } from "../../server/modules/cooperatives/cooperative.entity.js";
import type { CapacityOffer } from "../../server/modules/offers/capacity-offer.entity.js";
import { setCapacityOffer } from "../../server/modules/offers/set-capacity-offer.js";
import type { OfferTerms } from "../../server/modules/offers/validate-offer.js";
import { buildRegisteredCluster } from "./cluster-factories.js";
import { buildPerson } from "./factories.js";

const GI = 1024 ** 3;

/** What a placeable cluster has: free capacity in whole CPUs and GiB, and an offer (null: not offered). */
export interface PlaceableClusterOptions {
  cooperative?: Cooperative;
  labels?: Record<string, string>;
  /** Allocatable CPUs in total and already allocated by the owner (default 16 and 0). */
  cpus?: number;
  allocatedCpus?: number;
  memoryGi?: number;
  allocatedMemoryGi?: number;
  /** Nodes the capacity is spread over evenly (default 1: every replica fits on a node while capacity lasts). */
  nodes?: number;
  /** Storage classes as the agent reports them (what claims use; Kubernetes knows no capacity). */
  storageClasses?: Record<string, { allocated: number; pending: number }>;
  /** Offer terms (default: open to everyone, no caps, no share limit); null for no offer. */
  offer?: Partial<OfferTerms> | null;
  now?: Date;
}

/** A status report as the agent sends it, with evenly loaded nodes. */
export function placeableReport(options: PlaceableClusterOptions) {
  const nodes = options.nodes ?? 1;
  const cpu = (options.cpus ?? 16) * 1000;
  const allocatedCpu = (options.allocatedCpus ?? 0) * 1000;
  const memory = (options.memoryGi ?? 64) * GI;
  const allocatedMemory = (options.allocatedMemoryGi ?? 0) * GI;
  const figures = (allocatable: number, allocated: number) => ({
    capacity: allocatable,
    allocatable,
    allocated,
    pending: 0,
  });
  return statusReportSchema.parse({
    kubernetesVersion: "v1.34.2",
    nodes: {
      total: nodes,
      ready: nodes,
      schedulable: nodes,
      unschedulable: 0,
      memoryPressure: 0,
      diskPressure: 0,
      pidPressure: 0,
    },
    resources: {
      cpu: figures(cpu, allocatedCpu),
      memory: figures(memory, allocatedMemory),
      "ephemeral-storage": figures(500 * GI, 0),
      pods: figures(110 * nodes, 0),
    },
    gpus: {},
    ...(options.storageClasses ? { storageClasses: options.storageClasses } : {}),
    freeNodeShapes: [
      {
        cpuAtLeastMillicores: Math.floor((cpu - allocatedCpu) / nodes),
        memoryAtLeastBytes: Math.floor((memory - allocatedMemory) / nodes),
        nodes,
      },
    ],
  });
}

/** A cluster built by {@link buildPlaceableCluster}. */
export interface PlaceableCluster {
  cluster: MemberCluster;
  cooperative: Cooperative;
  offer: CapacityOffer | null;
  credential: string;
  options: PlaceableClusterOptions;
}

/**
 * An accepted member cluster that the scheduler can place on: registered, lease renewed and capacity reported
 * through the hub's own commands (so Available and CapacityFresh are True exactly as for a real agent), and a
 * capacity offer set through `setCapacityOffer`.
 */
export async function buildPlaceableCluster(
  dataSource: DataSource,
  options: PlaceableClusterOptions = {},
): Promise<PlaceableCluster> {
  const now = options.now ?? new Date();
  const registered = await buildRegisteredCluster(dataSource, { cooperative: options.cooperative, now });
  const { cooperative, credential } = registered;
  await dataSource.manager.update(
    MemberClusterEntity,
    { id: registered.cluster.id },
    { acceptance: "accepted", acceptanceDecidedAt: now, labels: options.labels ?? {} },
  );
  const agent = await agentFromCredential(dataSource, systemClock, credential);
  const settings = DEFAULT_CLUSTER_SETTINGS;
  await inTransaction(dataSource, (manager) => renewLease(manager, agent, { now, agentTime: now }, settings));
  await inTransaction(dataSource, (manager) =>
    reportStatus(
      manager,
      agent,
      { clusterUid: registered.cluster.clusterUid, observedAt: now, report: placeableReport(options), now },
      settings,
    ),
  );
  await inTransaction(dataSource, (manager) => renewLease(manager, agent, { now, agentTime: now }, settings));
  const cluster = await dataSource.manager.findOneByOrFail(MemberClusterEntity, {
    id: registered.cluster.id,
  });
  let offer: CapacityOffer | null = null;
  if (options.offer !== null) {
    const owner = await buildPerson(dataSource);
    offer = await inTransaction(dataSource, (manager) =>
      setCapacityOffer(manager, { personId: owner.id, requestId: "test", now }, cluster, {
        caps: {},
        freeSharePercent: null,
        allow: { cooperatives: [], tiers: [] },
        deny: { cooperatives: [], tiers: [] },
        windows: [],
        preemptible: false,
        gracePeriodSeconds: 0,
        paused: false,
        expectedVersion: null,
        ...options.offer,
      }),
    );
  }
  return { cluster, cooperative, offer, credential, options };
}

/**
 * Keeps clusters placeable in a long test the way their agents would: renews each lease and sends the same
 * report every `intervalMs` (the lease lapses after 10 s + 30 s grace, CapacityFresh after two status intervals).
 * Returns the function that stops it.
 */
export function keepPlaceable(
  dataSource: DataSource,
  clusters: readonly PlaceableCluster[],
  intervalMs = 3000,
) {
  let stopped = false;
  const beat = async () => {
    for (const placeable of clusters) {
      const agent = await agentFromCredential(dataSource, systemClock, placeable.credential);
      const now = new Date();
      const settings = DEFAULT_CLUSTER_SETTINGS;
      await inTransaction(dataSource, (manager) =>
        renewLease(manager, agent, { now, agentTime: now }, settings),
      );
      await inTransaction(dataSource, (manager) =>
        reportStatus(
          manager,
          agent,
          {
            clusterUid: placeable.cluster.clusterUid,
            observedAt: now,
            report: placeableReport(placeable.options),
            now,
          },
          settings,
        ),
      );
    }
  };
  let running = Promise.resolve();
  const timer = setInterval(() => {
    if (!stopped) running = running.then(beat).catch(() => undefined);
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
