import type { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { DownloadCounter } from "./download-counter.js";

/** A database stand-in recording the flush statements; `failNext` makes the next transaction fail. */
function fakeDatabase() {
  const statements: Array<{ sql: string; parameters?: unknown[] }> = [];
  const state = { failNext: false };
  const manager = {
    query: async (sql: string, parameters?: unknown[]) => {
      statements.push({ sql, parameters });
      return [];
    },
  };
  const dataSource = {
    transaction: async (work: (m: typeof manager) => Promise<unknown>) => {
      if (state.failNext) {
        state.failNext = false;
        throw new Error("connection lost");
      }
      return work(manager);
    },
  } as unknown as DataSource;
  return { dataSource, statements, state };
}

const target = { blueprintId: "b1", versionId: "v1" };
const day = new Date("2026-11-25T10:00:00Z");

describe("DownloadCounter", () => {
  it("writes one upsert and one total update per flush, summing per version, day and artifact", async () => {
    const { dataSource, statements } = fakeDatabase();
    const counter = new DownloadCounter(dataSource);
    for (let index = 0; index < 5; index += 1) counter.add(target, "chart", day);
    counter.add(target, "source", day);
    counter.add({ blueprintId: "b1", versionId: "v2" }, "chart", new Date("2026-11-26T00:00:01Z"));
    expect(counter.pendingForVersion("v1")).toBe(6);
    expect(counter.pendingForBlueprint("b1")).toBe(7);
    await counter.flush();
    expect(statements).toHaveLength(3);
    expect(statements[0].sql).toContain("pg_advisory_xact_lock");
    expect(statements[1].parameters).toEqual([
      ["v1", "v1", "v2"],
      ["2026-11-25", "2026-11-25", "2026-11-26"],
      ["chart", "source", "chart"],
      [5, 1, 1],
    ]);
    expect(statements[2].parameters).toEqual([["b1"], [7]]);
    expect(counter.pendingForBlueprint("b1")).toBe(0);
    await counter.flush();
    expect(statements).toHaveLength(3);
  });

  it("keeps the counts when a flush fails and writes them with the next one", async () => {
    const { dataSource, statements, state } = fakeDatabase();
    const counter = new DownloadCounter(dataSource);
    counter.add(target, "chart", day);
    counter.add(target, "chart", day);
    state.failNext = true;
    await expect(counter.flush()).rejects.toThrow("connection lost");
    expect(counter.pendingForVersion("v1")).toBe(2);
    counter.add(target, "chart", day);
    await counter.flush();
    expect(statements[1].parameters?.[3]).toEqual([3]);
    expect(counter.pendingForVersion("v1")).toBe(0);
  });
});
