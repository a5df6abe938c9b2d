import type { ClusterExplanation, ScoredCluster } from "../scheduler/schedule-result.js";
import {
  FILTERED_BYTES,
  FORMAT_V1,
  HEADER_BYTES,
  JSON_BYTES,
  KIND_FILTERED,
  KIND_JSON,
  KIND_SCORED,
  PACKED_FILTERS,
  PACKED_MAX_SCORE,
  PACKED_MIN_SCORE,
  PACKED_SCORERS,
  SCORED_BYTES,
} from "./explanation-format.js";
import { writeUuid } from "./uuid-bytes.js";

export { decodeExplanation } from "./explanation-decode.js";

const FILTER_INDEX = new Map(PACKED_FILTERS.map((name, index) => [name, index]));

/** Enumerable keys (of a plain object: its own), counted without allocating an array per entry. */
function keyCount(value: object): number {
  let count = 0;
  for (const _ in value) count++;
  return count;
}

function isPackableScore(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= PACKED_MIN_SCORE &&
    value <= PACKED_MAX_SCORE
  );
}

/** Exactly `{ clusterId, scores: {6 known scorers: int -100..100}, total: number, chosenReplicas: uint32 }`. */
function isPackableScored(entry: Record<string, unknown>): boolean {
  const { scores, total, chosenReplicas } = entry;
  if (typeof total !== "number" || keyCount(entry) !== 4) return false;
  if (typeof chosenReplicas !== "number" || !Number.isInteger(chosenReplicas)) return false;
  if (chosenReplicas < 0 || chosenReplicas > 0xffffffff) return false;
  if (typeof scores !== "object" || scores === null || keyCount(scores) !== PACKED_SCORERS.length)
    return false;
  const byName = scores as Record<string, unknown>;
  for (const name of PACKED_SCORERS) if (!isPackableScore(byName[name])) return false;
  return true;
}

/** The packed filter index of `{ clusterId, filtered: { filter: known name, reason: string } }`, else -1. */
function packedFilterIndex(entry: Record<string, unknown>): number {
  const filtered = entry.filtered as Record<string, unknown> | null | undefined;
  if (typeof filtered !== "object" || filtered === null || keyCount(entry) !== 2) return -1;
  if (typeof filtered.reason !== "string" || keyCount(filtered) !== 2) return -1;
  return typeof filtered.filter === "string" ? (FILTER_INDEX.get(filtered.filter) ?? -1) : -1;
}

/**
 * Packs an explanation into one Buffer (format in `explanation-format.ts`): 35 bytes per scored cluster and 22 per
 * filtered one plus each distinct reason once, against about 180 bytes of JSON. Two passes: the first classifies
 * entries, parses ids and interns strings to size the buffer; the second writes it. Order is kept.
 */
export function encodeExplanation(explanation: readonly ClusterExplanation[]): Buffer {
  const count = explanation.length;
  const kinds = new Uint8Array(count);
  const ids = new Uint8Array(count * 16);
  const filters = new Uint8Array(count);
  const refs = new Uint32Array(count);
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  let size = HEADER_BYTES;
  const intern = (text: string): number => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(text);
      stringIndex.set(text, index);
      size += 4 + Buffer.byteLength(text, "utf8");
    }
    return index;
  };
  for (let at = 0; at < count; at++) {
    const entry = explanation[at] as unknown as Record<string, unknown>;
    const packable =
      typeof entry === "object" &&
      entry !== null &&
      typeof entry.clusterId === "string" &&
      writeUuid(entry.clusterId, ids, at * 16);
    const filter = packable ? packedFilterIndex(entry) : -1;
    if (filter >= 0) {
      kinds[at] = KIND_FILTERED;
      filters[at] = filter;
      refs[at] = intern((entry.filtered as { reason: string }).reason);
      size += FILTERED_BYTES;
    } else if (packable && isPackableScored(entry)) {
      kinds[at] = KIND_SCORED;
      size += SCORED_BYTES;
    } else {
      kinds[at] = KIND_JSON;
      // JSON.stringify(undefined) is undefined; a JSON array holds null there, and so does jsonb.
      refs[at] = intern(JSON.stringify(entry) ?? "null");
      size += JSON_BYTES;
    }
  }

  const packed = Buffer.allocUnsafe(size);
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  packed[0] = FORMAT_V1;
  view.setUint32(1, count, true);
  view.setUint32(5, strings.length, true);
  let offset = HEADER_BYTES;
  for (const text of strings) {
    const length = packed.write(text, offset + 4, "utf8");
    view.setUint32(offset, length, true);
    offset += 4 + length;
  }
  for (let at = 0; at < count; at++) {
    const kind = kinds[at];
    packed[offset] = kind;
    if (kind === KIND_JSON) {
      view.setUint32(offset + 1, refs[at], true);
      offset += JSON_BYTES;
      continue;
    }
    // A byte loop: `ids.subarray` would allocate a view per entry.
    for (let byte = 0; byte < 16; byte++) packed[offset + 1 + byte] = ids[at * 16 + byte];
    if (kind === KIND_FILTERED) {
      packed[offset + 17] = filters[at];
      view.setUint32(offset + 18, refs[at], true);
      offset += FILTERED_BYTES;
      continue;
    }
    const line = explanation[at] as ScoredCluster;
    const scores = line.scores;
    // Named reads in PACKED_SCORERS order: a keyed read by a computed name is several times slower here.
    packed[offset + 17] = scores.freeCapacity & 0xff;
    packed[offset + 18] = scores.fairShare & 0xff;
    packed[offset + 19] = scores.balance & 0xff;
    packed[offset + 20] = scores.keepExisting & 0xff;
    packed[offset + 21] = scores.leaseLosses & 0xff;
    packed[offset + 22] = scores.preferOwn & 0xff;
    view.setFloat64(offset + 23, line.total, true);
    view.setUint32(offset + 31, line.chosenReplicas, true);
    offset += SCORED_BYTES;
  }
  return packed;
}
