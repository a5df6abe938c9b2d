import { describe, expect, it } from "vitest";
import { latestDigestSlot } from "./digest-schedule.js";

describe("Digest schedule", () => {
  it("puts daily digests at 07:00 UTC, the previous day before that hour", () => {
    expect(latestDigestSlot(new Date("2026-11-25T08:00:00Z"), "daily").toISOString()).toBe(
      "2026-11-25T07:00:00.000Z",
    );
    expect(latestDigestSlot(new Date("2026-11-25T06:59:59Z"), "daily").toISOString()).toBe(
      "2026-11-24T07:00:00.000Z",
    );
  });

  it("puts weekly digests on Monday 07:00 UTC", () => {
    // 2026-11-25 is a Wednesday; 2026-11-23 the Monday before.
    expect(latestDigestSlot(new Date("2026-11-25T08:00:00Z"), "weekly").toISOString()).toBe(
      "2026-11-23T07:00:00.000Z",
    );
    expect(latestDigestSlot(new Date("2026-11-23T07:00:00Z"), "weekly").toISOString()).toBe(
      "2026-11-23T07:00:00.000Z",
    );
    expect(latestDigestSlot(new Date("2026-11-23T06:00:00Z"), "weekly").toISOString()).toBe(
      "2026-11-16T07:00:00.000Z",
    );
  });
});
