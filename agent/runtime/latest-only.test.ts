import { describe, expect, it } from "vitest";
import { LatestOnly } from "./latest-only.js";

describe("Latest-only slot", () => {
  it("keeps only the newest value", () => {
    const slot = new LatestOnly<number>();
    slot.offer(1);
    slot.offer(2);
    expect(slot.peek()).toBe(2);
    expect(slot.take()).toBe(2);
    expect(slot.take()).toBeUndefined();
  });

  it("restores a failed value only when nothing newer arrived", () => {
    const slot = new LatestOnly<number>();
    slot.restore(1);
    expect(slot.take()).toBe(1);
    slot.offer(3);
    slot.restore(1);
    expect(slot.take()).toBe(3);
  });
});
