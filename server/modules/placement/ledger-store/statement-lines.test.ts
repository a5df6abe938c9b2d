import { describe, expect, it } from "vitest";
import type { LedgerInterval } from "./ledger-intervals.js";
import { monthWindow } from "./ledger-period.js";
import { statementLines } from "./statement-lines.js";

const GIB = 1024 ** 3;
const HOUR = 3600;
const november = monthWindow("2026-11");
const later = new Date("2027-01-15T00:00:00Z");

function interval(
  provider: string,
  consumer: string,
  from: string,
  to: string | null,
  reservation: LedgerInterval["reservation"] = { cpu: 2000 },
): LedgerInterval {
  return {
    providerCooperativeId: provider,
    consumerCooperativeId: consumer,
    reservation,
    from: new Date(from),
    to: to ? new Date(to) : null,
  };
}

describe("statementLines", () => {
  it("splits what the cooperative provided and consumed per counterparty, largest first", () => {
    const lines = statementLines(
      [
        interval("us", "a", "2026-11-02T00:00:00Z", "2026-11-02T01:00:00Z"),
        interval("us", "a", "2026-11-03T00:00:00Z", "2026-11-03T01:00:00Z"),
        interval("us", "b", "2026-11-02T00:00:00Z", "2026-11-02T03:00:00Z"),
        interval("a", "us", "2026-11-05T00:00:00Z", "2026-11-05T00:30:00Z"),
      ],
      "us",
      november,
      later,
    );
    expect(lines.provided.map((line) => [line.counterpartyId, line.coreSeconds])).toEqual([
      ["b", 3 * 2 * HOUR],
      ["a", 2 * 2 * HOUR],
    ]);
    expect(lines.consumed.map((line) => [line.counterpartyId, line.coreSeconds])).toEqual([["a", 2 * 1800]]);
  });

  it("gives every resource in its unit and all together in core-second equivalents", () => {
    const lines = statementLines(
      [
        interval("us", "a", "2026-11-02T00:00:00Z", "2026-11-02T01:00:00Z", {
          cpu: 1000,
          memory: 4 * GIB,
          "storage:ssd": 10 * GIB,
          "storage:hdd": 90 * GIB,
          "gpu:nvidia-a100": 1,
          pods: 3,
        }),
      ],
      "us",
      november,
      later,
    );
    expect(lines.provided).toEqual([
      {
        counterpartyId: "a",
        coreSeconds: HOUR,
        memoryGibSeconds: 4 * HOUR,
        storageGibSeconds: 100 * HOUR,
        gpuSeconds: HOUR,
        // 1 core + 4 GiB × 0.25 + 100 GiB × 0.01 + 1 GPU × 20 = 23 per second.
        equivalentSeconds: expect.closeTo(23 * HOUR, 6),
      },
    ]);
  });

  it("counts only the month's part of intervals that span months, and open ones until now", () => {
    const now = new Date("2026-11-25T00:00:00Z");
    const lines = statementLines(
      [
        interval("us", "a", "2026-10-31T22:00:00Z", "2026-11-01T02:00:00Z"),
        interval("us", "a", "2026-11-30T23:00:00Z", "2026-12-01T05:00:00Z"),
        interval("us", "b", "2026-11-24T00:00:00Z", null),
      ],
      "us",
      november,
      now,
    );
    // The interval at the month's end starts after `now`: nothing of it counts yet.
    expect(lines.provided.map((line) => [line.counterpartyId, line.coreSeconds])).toEqual([
      ["b", 2 * 24 * HOUR],
      ["a", 2 * 2 * HOUR],
    ]);
    const closedMonth = statementLines(
      [interval("us", "a", "2026-11-30T23:00:00Z", "2026-12-01T05:00:00Z")],
      "us",
      november,
      later,
    );
    expect(closedMonth.provided[0].coreSeconds).toBe(2 * HOUR);
  });

  it("leaves out work on the cooperative's own cluster and intervals outside the month", () => {
    const lines = statementLines(
      [
        interval("us", "us", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z"),
        interval("us", "a", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"),
        interval("us", "a", "2026-12-01T00:00:00Z", null),
        interval("a", "b", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z"),
      ],
      "us",
      november,
      later,
    );
    expect(lines).toEqual({ provided: [], consumed: [] });
  });
});
