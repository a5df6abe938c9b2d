/**
 * The packed explanation format, version 1 (`explanation-codec.ts` reads and writes it). All integers little-endian.
 *
 *   byte     FORMAT_V1 (0xF5: never the first byte of UTF-8 text, so legacy JSON rows, which start with `[`, are told
 *            apart by their first byte)
 *   u32      entry count
 *   u32      string count, then each string as u32 byte length + UTF-8 bytes (deduplicated)
 *   entries, in order, each a kind byte then:
 *     SCORED    16 uuid bytes, 6 × int8 scores (PACKED_SCORERS order), f64 total, u32 chosenReplicas  (35 bytes)
 *     FILTERED  16 uuid bytes, u8 filter (index into PACKED_FILTERS), u32 reason (string index)    (22 bytes)
 *     JSON      u32 string index of the entry as JSON: anything the two records cannot hold exactly
 *               (an id that is not a lowercase uuid, a filter or scorer this list does not know, a score outside
 *               -100..100 or not an integer, extra fields) still round-trips as jsonb did.
 *
 * The two name lists are part of the format: append only. Reordering them would misread every stored row; a
 * filter added to the scheduler but not here is stored in the JSON form until it is appended.
 */
export const FORMAT_V1 = 0xf5;
/** First bytes reserved for later packed versions: a row written by a newer hub fails clearly, not as garbage. */
export const FUTURE_FORMATS_FROM = 0xf6;
/** `[`: a row stored before packing, UTF-8 JSON text (the migration's `convert_to(explanation::text, 'UTF8')`). */
export const LEGACY_JSON_FIRST_BYTE = 0x5b;

export const KIND_SCORED = 1;
export const KIND_FILTERED = 2;
export const KIND_JSON = 3;

export const HEADER_BYTES = 1 + 4 + 4;
export const SCORED_BYTES = 1 + 16 + 6 + 8 + 4;
export const FILTERED_BYTES = 1 + 16 + 1 + 4;
export const JSON_BYTES = 1 + 4;

/** Filter names by packed index (the scheduler's FILTER_CHAIN of 2026-11; append only). */
export const PACKED_FILTERS: readonly string[] = Object.freeze([
  "acceptedAvailable",
  "capacityFresh",
  "taintToleration",
  "ownCluster",
  "offerEligibility",
  "offerWindow",
  "residency",
  "labelSelector",
  "offerFit",
  "clusterFit",
  "nodeShapeFit",
]);

/** Scorer names in packed order (append only; a new scorer needs a new format version for the fixed record). */
export const PACKED_SCORERS: readonly string[] = Object.freeze([
  "freeCapacity",
  "fairShare",
  "balance",
  "keepExisting",
  "leaseLosses",
  "preferOwn",
]);

/** Scores are stored as int8; the scheduler clamps them to this range (`scheduler/score-range.ts`). */
export const PACKED_MIN_SCORE = -100;
export const PACKED_MAX_SCORE = 100;
