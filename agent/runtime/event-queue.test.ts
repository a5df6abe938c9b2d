import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AgentEvent, EventQueue } from "./event-queue.js";

function event(index: number): AgentEvent {
  return {
    type: "test",
    at: new Date(Date.UTC(2026, 10, 25, 9, 0, index)).toISOString(),
    message: `event ${index}`,
  };
}

describe("Persistent event queue", () => {
  let directory: string;
  let path: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "agent-events-"));
    path = join(directory, "nested", "events.jsonl");
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("hands out events first in, first out and removes them once sent", () => {
    const queue = new EventQueue(path, 10);
    for (const index of [1, 2, 3]) queue.enqueue(event(index));
    expect(queue.peek(2).map((item) => item.message)).toEqual(["event 1", "event 2"]);
    queue.remove(2);
    expect(queue.peek().map((item) => item.message)).toEqual(["event 3"]);
  });

  it("survives a restart", () => {
    const queue = new EventQueue(path, 10);
    for (const index of [1, 2, 3]) queue.enqueue(event(index));
    queue.remove(1);
    queue.enqueue(event(4));
    const reopened = new EventQueue(path, 10);
    expect(reopened.peek().map((item) => item.message)).toEqual(["event 2", "event 3", "event 4"]);
  });

  it("drops the oldest events beyond the bound, in memory and on disk", () => {
    const queue = new EventQueue(path, 3);
    for (const index of [1, 2, 3, 4, 5]) queue.enqueue(event(index));
    expect(queue.size).toBe(3);
    expect(queue.dropped).toBe(2);
    expect(queue.peek().map((item) => item.message)).toEqual(["event 3", "event 4", "event 5"]);
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(3);
    expect(new EventQueue(path, 2).peek().map((item) => item.message)).toEqual(["event 4", "event 5"]);
  });

  it("skips a line cut short by a crash", () => {
    const queue = new EventQueue(path, 10);
    queue.enqueue(event(1));
    appendFileSync(path, '{"type":"tes');
    const reopened = new EventQueue(path, 10);
    reopened.enqueue(event(2));
    expect(new EventQueue(path, 10).peek().map((item) => item.message)).toEqual(["event 1", "event 2"]);
  });
});
