import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Something the agent wants the hub to know about (hub unreachable, credential rotated, report rejected...). */
export interface AgentEvent {
  type: string;
  /** ISO timestamp from the agent's clock. */
  at: string;
  message: string;
  details?: Record<string, string | number | boolean>;
}

/** Default bound: a day-long outage with an event per minute still fits, a crash loop cannot fill the disk. */
export const DEFAULT_MAX_EVENTS = 1000;

function parseLine(line: string): AgentEvent | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (value !== null && typeof value === "object" && "type" in value && "at" in value) {
      return value as AgentEvent;
    }
  } catch {
    // A line cut short by a crash mid-write is dropped; the rest of the queue survives.
  }
  return undefined;
}

/**
 * A bounded FIFO of agent events persisted as JSON lines, so events raised while the hub is away survive an agent
 * restart. Beyond `maxEvents` the oldest events are dropped. Synchronous file access is deliberate: the file is
 * small, the agent single-threaded, and every change is on disk before the call returns.
 */
export class EventQueue {
  private events: AgentEvent[];
  private droppedCount = 0;

  constructor(
    private readonly path: string,
    private readonly maxEvents = DEFAULT_MAX_EVENTS,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    const text = existsSync(path) ? readFileSync(path, "utf8") : "";
    this.events = text.split("\n").flatMap((line) => parseLine(line) ?? []);
    if (this.events.length > maxEvents) this.dropOldest();
    // A torn last line would swallow the next appended event; rewriting leaves only whole lines.
    else if (text !== "" && !text.endsWith("\n")) this.rewrite();
  }

  /** Appends an event, dropping the oldest when the bound is exceeded. */
  enqueue(event: AgentEvent): void {
    this.events.push(event);
    if (this.events.length > this.maxEvents) this.dropOldest();
    else appendFileSync(this.path, `${JSON.stringify(event)}\n`, { mode: 0o600 });
  }

  /** The oldest `limit` events, left in the queue until {@link EventQueue.remove} confirms they were sent. */
  peek(limit = this.maxEvents): AgentEvent[] {
    return this.events.slice(0, limit);
  }

  /** Removes the `count` oldest events (after the hub accepted them). */
  remove(count: number): void {
    if (count <= 0) return;
    this.events = this.events.slice(count);
    this.rewrite();
  }

  get size(): number {
    return this.events.length;
  }

  /** Events dropped for the bound since this queue was opened. */
  get dropped(): number {
    return this.droppedCount;
  }

  private dropOldest(): void {
    const excess = this.events.length - this.maxEvents;
    this.droppedCount += excess;
    this.events = this.events.slice(excess);
    this.rewrite();
  }

  /** Write-then-rename so a crash leaves either the old or the new file, never half of one. */
  private rewrite(): void {
    const temporary = `${this.path}.tmp`;
    const text = this.events.map((event) => `${JSON.stringify(event)}\n`).join("");
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}
