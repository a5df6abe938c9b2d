import { ClusterCredentialEntity } from "./cluster-credential.entity.js";
import { ClusterEventEntity } from "./cluster-event.entity.js";
import { ClusterJoinTokenEntity } from "./cluster-join-token.entity.js";
import { ClusterRunningBlueprintEntity } from "./cluster-running-blueprint.entity.js";
import { ClusterStatusSampleEntity } from "./cluster-status-sample.entity.js";
import { MemberClusterEntity } from "./member-cluster.entity.js";

/** The member cluster registry's tables. */
export const CLUSTER_ENTITIES = [
  MemberClusterEntity,
  ClusterJoinTokenEntity,
  ClusterCredentialEntity,
  ClusterEventEntity,
  ClusterStatusSampleEntity,
  ClusterRunningBlueprintEntity,
];
