import type { ClusterExplanation, ScoredCluster } from "../scheduler/schedule-result.js";
import type { ScorerName } from "../scheduler/types.js";
import {
  FILTERED_BYTES,
  FORMAT_V1,
  FUTURE_FORMATS_FROM,
  HEADER_BYTES,
  JSON_BYTES,
  KIND_FILTERED,
  KIND_JSON,
  KIND_SCORED,
  LEGACY_JSON_FIRST_BYTE,
  PACKED_FILTERS,
  PACKED_MAX_SCORE,
  PACKED_MIN_SCORE,
  SCORED_BYTES,
} from "./explanation-format.js";
import { readUuid } from "./uuid-bytes.js";

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, "0")}`;

/** A row written before packing: the jsonb text, converted to bytes by the migration. */
function decodeLegacy(bytes: Buffer): ClusterExplanation[] {
  const parsed: unknown = JSON.parse(bytes.toString("utf8"));
  if (!Array.isArray(parsed)) throw new Error("Stored explanation: legacy JSON is not an array");
  return parsed as ClusterExplanation[];
}

/**
 * Reads what `encodeExplanation` wrote, or a legacy row (UTF-8 JSON text starting with `[`). Anything else — empty,
 * truncated, trailing bytes, an unknown version, kind, filter or string index, a score outside -100..100 — throws
 * an Error saying what is wrong: a corrupt row must not show as a plausible explanation.
 */
export function decodeExplanation(stored: Uint8Array): ClusterExplanation[] {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes.length === 0) throw new Error("Stored explanation is empty");
  const format = bytes[0];
  if (format === LEGACY_JSON_FIRST_BYTE) return decodeLegacy(bytes);
  if (format >= FUTURE_FORMATS_FROM)
    throw new Error(
      `Stored explanation has format ${hex(format)}, newer than this hub reads (${hex(FORMAT_V1)})`,
    );
  if (format !== FORMAT_V1) throw new Error(`Stored explanation has an unknown first byte ${hex(format)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (offset: number, length: number, what: string) => {
    if (offset + length > bytes.length)
      throw new Error(
        `Stored explanation is truncated: ${what} needs ${length} bytes at ${offset}, ${bytes.length} bytes in all`,
      );
  };
  need(0, HEADER_BYTES, "the header");
  const count = view.getUint32(1, true);
  const stringCount = view.getUint32(5, true);
  // Before allocating anything: every entry and string takes at least 4 bytes, so a garbled count fails here.
  need(HEADER_BYTES, stringCount * 4 + count * JSON_BYTES, `${count} entries and ${stringCount} strings`);
  const strings = new Array<string>(stringCount);
  let offset = HEADER_BYTES;
  for (let index = 0; index < stringCount; index++) {
    need(offset, 4, `string ${index}`);
    const length = view.getUint32(offset, true);
    need(offset + 4, length, `string ${index}`);
    strings[index] = bytes.toString("utf8", offset + 4, offset + 4 + length);
    offset += 4 + length;
  }
  const string = (index: number, at: number) => {
    if (index >= stringCount)
      throw new Error(`Stored explanation: entry ${at} names string ${index} of ${stringCount}`);
    return strings[index];
  };
  const explanation = new Array<ClusterExplanation>(count);
  for (let at = 0; at < count; at++) {
    need(offset, 1, `entry ${at}`);
    const kind = bytes[offset];
    if (kind === KIND_SCORED) {
      need(offset, SCORED_BYTES, `entry ${at}`);
      // A literal with fixed keys (PACKED_SCORERS order) keeps 20,000 score objects on one hidden class.
      const scores: Record<ScorerName, number> = {
        freeCapacity: view.getInt8(offset + 17),
        fairShare: view.getInt8(offset + 18),
        balance: view.getInt8(offset + 19),
        keepExisting: view.getInt8(offset + 20),
        leaseLosses: view.getInt8(offset + 21),
        preferOwn: view.getInt8(offset + 22),
      };
      for (let scorer = 17; scorer < 23; scorer++) {
        const score = view.getInt8(offset + scorer);
        if (score < PACKED_MIN_SCORE || score > PACKED_MAX_SCORE)
          throw new Error(`Stored explanation: entry ${at} has score ${score}, outside -100..100`);
      }
      const line: ScoredCluster = {
        clusterId: readUuid(bytes, offset + 1),
        scores,
        total: view.getFloat64(offset + 23, true),
        chosenReplicas: view.getUint32(offset + 31, true),
      };
      explanation[at] = line;
      offset += SCORED_BYTES;
    } else if (kind === KIND_FILTERED) {
      need(offset, FILTERED_BYTES, `entry ${at}`);
      const filter = PACKED_FILTERS[bytes[offset + 17]];
      if (filter === undefined)
        throw new Error(`Stored explanation: entry ${at} names unknown filter ${bytes[offset + 17]}`);
      const reason = string(view.getUint32(offset + 18, true), at);
      explanation[at] = { clusterId: readUuid(bytes, offset + 1), filtered: { filter, reason } };
      offset += FILTERED_BYTES;
    } else if (kind === KIND_JSON) {
      need(offset, JSON_BYTES, `entry ${at}`);
      explanation[at] = JSON.parse(string(view.getUint32(offset + 1, true), at)) as ClusterExplanation;
      offset += JSON_BYTES;
    } else {
      throw new Error(`Stored explanation: entry ${at} has unknown kind ${kind}`);
    }
  }
  if (offset !== bytes.length)
    throw new Error(`Stored explanation has ${bytes.length - offset} bytes after its ${count} entries`);
  return explanation;
}
