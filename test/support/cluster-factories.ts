import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { generateSecret, hashSecret } from "../../server/auth/secrets.js";
import { inTransaction } from "../../server/db/transaction.js";
import type { Cooperative } from "../../server/modules/cooperatives/cooperative.entity.js";
import { ClusterJoinTokenEntity } from "../../server/modules/clusters/cluster-join-token.entity.js";
import {
  DEFAULT_CLUSTER_SETTINGS,
  JOIN_TOKEN_PREFIX,
} from "../../server/modules/clusters/cluster-settings.js";
import {
  type MemberCluster,
  MemberClusterEntity,
} from "../../server/modules/clusters/member-cluster.entity.js";
import { claimJoinToken, registerCluster } from "../../server/modules/clusters/register-cluster.js";
import { buildCooperative, buildPerson } from "./factories.js";

/** A join token for a cluster of `cooperative` (a fresh cooperative when none is given); returns the secret. */
export async function buildJoinToken(
  dataSource: DataSource,
  options: {
    cooperative?: Cooperative;
    clusterName?: string;
    expiresAt?: Date;
    usedAt?: Date | null;
    now?: Date;
  } = {},
): Promise<{ secret: string; cooperative: Cooperative }> {
  const admin = await buildPerson(dataSource);
  const cooperative = options.cooperative ?? (await buildCooperative(dataSource, { admins: [admin] }));
  const secret = generateSecret(JOIN_TOKEN_PREFIX);
  await dataSource.manager.save(ClusterJoinTokenEntity, {
    cooperativeId: cooperative.id,
    clusterName: options.clusterName ?? `cluster-${randomUUID().slice(0, 8)}`,
    secretHash: hashSecret(secret),
    createdById: admin.id,
    expiresAt: options.expiresAt ?? new Date((options.now ?? new Date()).getTime() + 3_600_000),
    usedAt: options.usedAt ?? null,
    clusterId: null,
  });
  return { secret, cooperative };
}

/** A registered cluster with its agent credential, registered through the hub's own command. */
export async function buildRegisteredCluster(
  dataSource: DataSource,
  options: { cooperative?: Cooperative; clusterUid?: string; now?: Date } = {},
): Promise<{ cluster: MemberCluster; credential: string; cooperative: Cooperative }> {
  const now = options.now ?? new Date();
  const { secret, cooperative } = await buildJoinToken(dataSource, { cooperative: options.cooperative, now });
  const { cluster, credential } = await inTransaction(dataSource, async (manager) =>
    registerCluster(
      manager,
      { now, requestId: "test", settings: DEFAULT_CLUSTER_SETTINGS },
      await claimJoinToken(manager, secret, now),
      { clusterUid: options.clusterUid ?? randomUUID(), kubernetesVersion: "v1.34.2", agentVersion: "0.1.0" },
    ),
  );
  return { cluster, credential: credential.token, cooperative };
}

/** A registered cluster a steward accepted into the federation (set directly; the decision is tested elsewhere). */
export async function buildAcceptedCluster(
  dataSource: DataSource,
  options: { cooperative?: Cooperative; labels?: Record<string, string>; now?: Date } = {},
): Promise<{ cluster: MemberCluster; cooperative: Cooperative }> {
  const { cluster, cooperative } = await buildRegisteredCluster(dataSource, options);
  const now = options.now ?? new Date();
  Object.assign(cluster, { acceptance: "accepted", acceptanceDecidedAt: now, labels: options.labels ?? {} });
  await dataSource.manager.save(MemberClusterEntity, cluster);
  return { cluster, cooperative };
}
