import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import type { PlacementConstraints } from "../types.js";
import { COUNTRY_LABEL, JURISDICTION_LABEL, residency } from "./residency.js";

describe("Filter: residency", () => {
  it.each<{ name: string; labels: Record<string, string>; constraints: PlacementConstraints; ok: boolean }>([
    { name: "no residency constraint passes anything", labels: {}, constraints: {}, ok: true },
    {
      name: "a jurisdiction in the set passes",
      labels: { [JURISDICTION_LABEL]: "EU" },
      constraints: { jurisdictions: ["EU", "CH"] },
      ok: true,
    },
    {
      name: "a jurisdiction outside the set is rejected",
      labels: { [JURISDICTION_LABEL]: "US" },
      constraints: { jurisdictions: ["EU"] },
      ok: false,
    },
    {
      name: "an unlabelled cluster is rejected",
      labels: {},
      constraints: { jurisdictions: ["EU"] },
      ok: false,
    },
    {
      name: "a country in the set passes",
      labels: { [COUNTRY_LABEL]: "DE" },
      constraints: { countries: ["DE", "AT"] },
      ok: true,
    },
    {
      name: "a country outside the set is rejected",
      labels: { [COUNTRY_LABEL]: "FR" },
      constraints: { countries: ["DE"] },
      ok: false,
    },
    {
      name: "both must hold",
      labels: { [JURISDICTION_LABEL]: "EU", [COUNTRY_LABEL]: "FR" },
      constraints: { jurisdictions: ["EU"], countries: ["DE"] },
      ok: false,
    },
    { name: "an empty set constrains nothing", labels: {}, constraints: { countries: [] }, ok: true },
  ])("$name", ({ labels, constraints, ok }) => {
    const cluster = newCluster("c1").withLabels(labels).build();
    expect(residency(cluster, newRequest({ constraints }), newContext()).ok).toBe(ok);
  });
});
