import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import { fairShare } from "./fair-share.js";

describe("Scorer: requester's fair share", () => {
  it.each([
    { name: "a generous requester (F=1) gets stable capacity", factor: 1, preemptible: false, score: 100 },
    {
      name: "a generous requester (F=1) avoids preemptible capacity",
      factor: 1,
      preemptible: true,
      score: -100,
    },
    {
      name: "a heavy consumer (F=0) is steered to preemptible capacity",
      factor: 0,
      preemptible: true,
      score: 100,
    },
    {
      name: "a heavy consumer (F=0) is kept off stable capacity",
      factor: 0,
      preemptible: false,
      score: -100,
    },
    { name: "F=0.5 is neutral", factor: 0.5, preemptible: false, score: 0 },
    { name: "F=0.75 leans to stable capacity", factor: 0.75, preemptible: false, score: 50 },
    { name: "out-of-range factors are clamped", factor: 3, preemptible: false, score: 100 },
  ])("$name", ({ factor, preemptible, score }) => {
    const cluster = newCluster("c1").withOffer({ preemptible }).build();
    expect(fairShare(cluster, newRequest(), newContext({ fairShare: factor }))).toBe(score);
  });
});
