import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import type { LabelSelector } from "../types.js";
import { labelSelector } from "./label-selector.js";

const LABELS = { tier: "gold", region: "north", gpu: "true" };

describe("Filter: label selector", () => {
  it.each<{ name: string; selector: LabelSelector | undefined; ok: boolean }>([
    { name: "no selector matches", selector: undefined, ok: true },
    { name: "an empty selector matches", selector: {}, ok: true },
    { name: "matchLabels with equal values matches", selector: { matchLabels: { tier: "gold" } }, ok: true },
    {
      name: "matchLabels with another value fails",
      selector: { matchLabels: { tier: "silver" } },
      ok: false,
    },
    { name: "matchLabels on a missing key fails", selector: { matchLabels: { zone: "a" } }, ok: false },
    {
      name: "In with the value matches",
      selector: { matchExpressions: [{ key: "region", operator: "In", values: ["north", "south"] }] },
      ok: true,
    },
    {
      name: "In without the value fails",
      selector: { matchExpressions: [{ key: "region", operator: "In", values: ["south"] }] },
      ok: false,
    },
    {
      name: "In on a missing key fails",
      selector: { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
      ok: false,
    },
    {
      name: "NotIn without the value matches",
      selector: { matchExpressions: [{ key: "region", operator: "NotIn", values: ["south"] }] },
      ok: true,
    },
    {
      name: "NotIn with the value fails",
      selector: { matchExpressions: [{ key: "region", operator: "NotIn", values: ["north"] }] },
      ok: false,
    },
    {
      name: "NotIn on a missing key matches",
      selector: { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] },
      ok: true,
    },
    {
      name: "Exists on a present key matches",
      selector: { matchExpressions: [{ key: "gpu", operator: "Exists" }] },
      ok: true,
    },
    {
      name: "Exists on a missing key fails",
      selector: { matchExpressions: [{ key: "zone", operator: "Exists" }] },
      ok: false,
    },
    {
      name: "DoesNotExist on a missing key matches",
      selector: { matchExpressions: [{ key: "zone", operator: "DoesNotExist" }] },
      ok: true,
    },
    {
      name: "DoesNotExist on a present key fails",
      selector: { matchExpressions: [{ key: "gpu", operator: "DoesNotExist" }] },
      ok: false,
    },
    {
      name: "inherited object properties are not labels",
      selector: { matchExpressions: [{ key: "constructor", operator: "Exists" }] },
      ok: false,
    },
    {
      name: "all terms must hold",
      selector: {
        matchLabels: { tier: "gold" },
        matchExpressions: [{ key: "gpu", operator: "DoesNotExist" }],
      },
      ok: false,
    },
  ])("$name", ({ selector, ok }) => {
    const cluster = newCluster("c1").withLabels(LABELS).build();
    const request = newRequest({ constraints: { labelSelector: selector } });
    expect(labelSelector(cluster, request, newContext()).ok).toBe(ok);
  });

  it("explains the first unmet term", () => {
    const cluster = newCluster("c1").withLabels(LABELS).build();
    const request = newRequest({ constraints: { labelSelector: { matchLabels: { tier: "silver" } } } });
    expect(labelSelector(cluster, request, newContext())).toEqual({
      ok: false,
      reason: "label tier is not silver",
    });
  });
});
