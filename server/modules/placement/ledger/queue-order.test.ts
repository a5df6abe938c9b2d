import { describe, expect, it } from "vitest";
import { orderQueue, type QueuedRequest } from "./queue-order.js";

const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 25, 12, minute));

describe("Ledger: queue order", () => {
  it.each<{ name: string; queue: QueuedRequest[]; order: string[] }>([
    {
      name: "higher fair share goes first",
      queue: [
        { id: "taker", fairShare: 0.1, requestedAt: at(0) },
        { id: "giver", fairShare: 0.9, requestedAt: at(5) },
      ],
      order: ["giver", "taker"],
    },
    {
      name: "with equal fair share the older request goes first",
      queue: [
        { id: "newer", fairShare: 0.5, requestedAt: at(5) },
        { id: "older", fairShare: 0.5, requestedAt: at(0) },
      ],
      order: ["older", "newer"],
    },
    {
      name: "a full tie falls back to the id",
      queue: [
        { id: "b", fairShare: 0.5, requestedAt: at(0) },
        { id: "a", fairShare: 0.5, requestedAt: at(0) },
      ],
      order: ["a", "b"],
    },
  ])("$name", ({ queue, order }) => {
    expect(orderQueue(queue).map((request) => request.id)).toEqual(order);
  });

  it("does not reorder the caller's array", () => {
    const queue = [
      { id: "x", fairShare: 0.1, requestedAt: at(0) },
      { id: "y", fairShare: 0.9, requestedAt: at(0) },
    ];
    orderQueue(queue);
    expect(queue.map((request) => request.id)).toEqual(["x", "y"]);
  });
});
