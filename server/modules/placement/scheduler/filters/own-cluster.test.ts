import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { ownCluster } from "./own-cluster.js";

describe("Filter: exclude own clusters", () => {
  it.each([
    { name: "rejects the requester's cluster when asked", owner: "coop-requester", exclude: true, ok: false },
    {
      name: "keeps the requester's cluster when not asked",
      owner: "coop-requester",
      exclude: false,
      ok: true,
    },
    { name: "keeps another cooperative's cluster", owner: "coop-other", exclude: true, ok: true },
  ])("$name", ({ owner, exclude, ok }) => {
    const cluster = newCluster("c1").withCooperative(owner).build();
    const request = newRequest({ constraints: { excludeOwnClusters: exclude } });
    expect(ownCluster(cluster, request, newContext()).ok).toBe(ok);
  });
});
