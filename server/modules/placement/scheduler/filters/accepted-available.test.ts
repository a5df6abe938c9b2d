import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { acceptedAvailable } from "./accepted-available.js";

describe("Filter: accepted and available", () => {
  it.each([
    { name: "passes an accepted cluster with Available=True", cluster: newCluster("c1").build(), ok: true },
    {
      name: "rejects a cluster the alliance has not accepted",
      cluster: newCluster("c1").notAccepted().build(),
      ok: false,
    },
    {
      name: "rejects a cluster whose lease lapsed (Available=Unknown)",
      cluster: newCluster("c1").withCondition("Available", "Unknown").build(),
      ok: false,
    },
    {
      name: "rejects a cluster reporting Available=False",
      cluster: newCluster("c1").withCondition("Available", "False").build(),
      ok: false,
    },
  ])("$name", ({ cluster, ok }) => {
    expect(acceptedAvailable(cluster, newRequest(), newContext()).ok).toBe(ok);
  });

  it("treats a missing Available condition as Unknown and says so", () => {
    const cluster = { ...newCluster("c1").build(), conditions: [] };
    expect(acceptedAvailable(cluster, newRequest(), newContext())).toEqual({
      ok: false,
      reason: "Available is Unknown",
    });
  });
});
