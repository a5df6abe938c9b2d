import type { DataSource } from "typeorm";
import { inTransaction } from "../../server/db/transaction.js";
import type { MemberCluster } from "../../server/modules/clusters/member-cluster.entity.js";
import type { Cooperative } from "../../server/modules/cooperatives/cooperative.entity.js";
import {
  type Placement,
  PlacementEntity,
  type PlacementStatus,
} from "../../server/modules/placement/model/placement.entity.js";
import {
  type PlacementWork,
  PlacementWorkEntity,
} from "../../server/modules/placement/model/placement-work.entity.js";
import type { ResourceAmounts } from "../../server/modules/placement/scheduler/types.js";
import { WEB_MANIFESTS } from "./placement-operations.js";

/** One cluster's part of a placement built by {@link buildPlacementWithWork}. */
export interface WorkSpec {
  cluster: MemberCluster;
  replicas?: number;
  /** Defaults to replicas × the placement's per-replica resources. */
  reservation?: ResourceAmounts;
  availableSince?: Date | null;
  removalRequestedAt?: Date | null;
  releasedAt?: Date | null;
  overrides?: Partial<PlacementWork>;
}

/**
 * A placement of `cooperative` with work rows on the given clusters, written directly (not through the scheduler):
 * for tests of what reads placements and work (agent API, ledger, pages) without depending on placing itself.
 */
export async function buildPlacementWithWork(
  dataSource: DataSource,
  options: {
    cooperative: Cooperative;
    createdById: string;
    work?: WorkSpec[];
    perReplica?: ResourceAmounts;
    status?: PlacementStatus;
    overrides?: Partial<Placement>;
  },
): Promise<{ placement: Placement; work: PlacementWork[] }> {
  const perReplica = options.perReplica ?? { cpu: 500, memory: 512 * 1024 ** 2 };
  const specs = options.work ?? [];
  return inTransaction(dataSource, async (manager) => {
    const placement = await manager.save(PlacementEntity, {
      cooperativeId: options.cooperative.id,
      createdById: options.createdById,
      name: "web",
      status: options.status ?? (specs.length > 0 ? "placed" : "queued"),
      sourceKind: "manifests",
      blueprintVersionId: null,
      blueprintParameters: null,
      manifests: WEB_MANIFESTS,
      replicas: specs.reduce((sum, spec) => sum + (spec.replicas ?? 1), 0) || 1,
      perReplica,
      modeKind: "divided",
      modeClusters: null,
      constraints: {},
      spread: {},
      tolerationSeconds: 300,
      waitForCapacity: false,
      idempotencyKey: null,
      queuedAt: null,
      placedAt: specs.length > 0 ? new Date() : null,
      cancelledAt: null,
      ...options.overrides,
    });
    const work: PlacementWork[] = [];
    for (const spec of specs) {
      const replicas = spec.replicas ?? 1;
      const reservation: ResourceAmounts = spec.reservation ?? {};
      if (!spec.reservation)
        for (const resource in perReplica) reservation[resource] = perReplica[resource] * replicas;
      work.push(
        await manager.save(PlacementWorkEntity, {
          placementId: placement.id,
          clusterId: spec.cluster.id,
          providerCooperativeId: spec.cluster.cooperativeId,
          consumerCooperativeId: options.cooperative.id,
          offerId: null,
          offerVersion: null,
          replicas,
          reservation,
          namespace: `alliance-guest-${options.cooperative.slug}-${placement.id.slice(0, 8)}`.slice(0, 63),
          manifests: [
            {
              apiVersion: "apps/v1",
              kind: "Deployment",
              metadata: { name: "web" },
              spec: { replicas },
            },
          ],
          generation: 1,
          desiredState: spec.removalRequestedAt ? "absent" : "present",
          removalReason: spec.removalRequestedAt ? "cancelled" : null,
          observedGeneration: null,
          conditions: [],
          objects: [],
          reportedAt: null,
          availableSince: spec.availableSince ?? null,
          removalRequestedAt: spec.removalRequestedAt ?? null,
          releasedAt: spec.releasedAt ?? null,
          ...spec.overrides,
        }),
      );
    }
    return { placement, work };
  });
}
