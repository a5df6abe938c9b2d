import type { ClusterIdentity, ClusterSnapshot, ClusterSource } from "../cluster/cluster-source.js";

/** A cluster that changes only when a test replaces its snapshot. */
export class StaticClusterSource implements ClusterSource {
  failing = false;

  constructor(
    public snapshotValue: ClusterSnapshot,
    private readonly identityValue: ClusterIdentity = {
      clusterUid: "uid-static",
      kubernetesVersion: "v1.34.2",
    },
  ) {}

  async identity(): Promise<ClusterIdentity> {
    return this.identityValue;
  }

  async snapshot(): Promise<ClusterSnapshot> {
    if (this.failing) throw new Error("connect ECONNREFUSED 10.96.0.1:443");
    return structuredClone(this.snapshotValue);
  }
}
