import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FILTER_CHAIN } from "../scheduler/filter-chain.js";
import type { ClusterExplanation } from "../scheduler/schedule-result.js";
import { MAX_SCORE, MIN_SCORE } from "../scheduler/score-range.js";
import { SCORER_NAMES } from "../scheduler/scorer-chain.js";
import { decodeExplanation, encodeExplanation } from "./explanation-codec.js";
import {
  FILTERED_BYTES,
  FORMAT_V1,
  HEADER_BYTES,
  JSON_BYTES,
  PACKED_FILTERS,
  PACKED_MAX_SCORE,
  PACKED_MIN_SCORE,
  PACKED_SCORERS,
  SCORED_BYTES,
} from "./explanation-format.js";

const A = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const B = "ffffffff-0000-4000-8000-000000000001";
const scores = {
  freeCapacity: 100,
  fairShare: -100,
  balance: 0,
  keepExisting: 7,
  leaseLosses: -3,
  preferOwn: 55,
};
const scored: ClusterExplanation = { clusterId: A, scores, total: 123.456, chosenReplicas: 3 };
const filtered: ClusterExplanation = {
  clusterId: B,
  filtered: { filter: "clusterFit", reason: "cluster has 100 cpu free, 2 replica(s) need 400" },
};

const roundTrip = (explanation: ClusterExplanation[]) => decodeExplanation(encodeExplanation(explanation));

describe("the format's name lists", () => {
  it("know every filter and scorer of the scheduler, so real decisions take the fixed-width records", () => {
    for (const { name } of FILTER_CHAIN) expect(PACKED_FILTERS).toContain(name);
    expect([...PACKED_SCORERS].sort()).toEqual([...SCORER_NAMES].sort());
    expect([PACKED_MIN_SCORE, PACKED_MAX_SCORE]).toEqual([MIN_SCORE, MAX_SCORE]);
  });
});

describe("encodeExplanation / decodeExplanation", () => {
  it("round-trips scored and filtered lines in order, in fixed-width records", () => {
    const explanation = [scored, filtered, { ...filtered, clusterId: A }];
    const packed = encodeExplanation(explanation);
    expect(packed[0]).toBe(FORMAT_V1);
    const reasonBytes = 4 + Buffer.byteLength(filtered.filtered.reason);
    // The repeated reason is stored once.
    expect(packed.length).toBe(HEADER_BYTES + reasonBytes + SCORED_BYTES + 2 * FILTERED_BYTES);
    expect(decodeExplanation(packed)).toEqual(explanation);
  });

  it("round-trips an empty explanation", () => {
    expect(encodeExplanation([]).length).toBe(HEADER_BYTES);
    expect(roundTrip([])).toEqual([]);
  });

  it("keeps totals exactly, NaN and infinities included, and chosenReplicas up to 2^32 - 1", () => {
    for (const total of [0.1 + 0.2, -1e-300, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, -0])
      expect(roundTrip([{ ...scored, total }])).toEqual([{ ...scored, total }]);
    expect(roundTrip([{ ...scored, chosenReplicas: 0xffffffff }])).toEqual([
      { ...scored, chosenReplicas: 0xffffffff },
    ]);
  });

  it("keeps UTF-8 reasons", () => {
    const line = {
      clusterId: A,
      filtered: { filter: "residency", reason: "pays Côte d’Ivoire 🇨🇮 n’est pas dans EU" },
    };
    expect(roundTrip([line])).toEqual([line]);
  });

  it.each<[string, unknown]>([
    ["an uppercase uuid", { ...scored, clusterId: A.toUpperCase() }],
    ["a cluster id that is no uuid", { ...filtered, clusterId: "cluster-7" }],
    [
      "a filter the format does not know",
      { clusterId: A, filtered: { filter: "offer", reason: "no offer" } },
    ],
    ["a score outside -100..100", { ...scored, scores: { ...scores, balance: 101 } }],
    ["a fractional score", { ...scored, scores: { ...scores, balance: 1.5 } }],
    [
      "a missing scorer (an older scheduler)",
      { clusterId: A, scores: { freeCapacity: 90 }, total: 90, chosenReplicas: 0 },
    ],
    ["an extra scorer", { ...scored, scores: { ...scores, newScorer: 1 } }],
    ["an extra field", { ...filtered, note: "kept" }],
    ["negative chosenReplicas", { ...scored, chosenReplicas: -1 }],
  ])("stores %s as JSON, read back as it was", (_label, line) => {
    const packed = encodeExplanation([line as ClusterExplanation]);
    expect(packed.length).toBe(HEADER_BYTES + 4 + Buffer.byteLength(JSON.stringify(line)) + JSON_BYTES);
    expect(decodeExplanation(packed)).toEqual([line]);
  });

  it("reads legacy rows: the jsonb text as UTF-8 bytes", () => {
    const legacy = Buffer.from(JSON.stringify([scored, filtered]), "utf8");
    expect(decodeExplanation(legacy)).toEqual([scored, filtered]);
    expect(decodeExplanation(new Uint8Array(Buffer.from("[]")))).toEqual([]);
    expect(() => decodeExplanation(Buffer.from("[1,"))).toThrow(SyntaxError);
  });

  it("reads a Uint8Array that is a window into a larger buffer (as drivers hand them out)", () => {
    const packed = encodeExplanation([scored, filtered]);
    const larger = new Uint8Array(packed.length + 10);
    larger.set(packed, 7);
    expect(decodeExplanation(larger.subarray(7, 7 + packed.length))).toEqual([scored, filtered]);
  });
});

describe("decodeExplanation refuses what it cannot read", () => {
  const packed = encodeExplanation([scored, filtered, { ...filtered, clusterId: "not-a-uuid" }]);
  const altered = (at: number, value: number) => {
    const copy = Buffer.from(packed);
    copy[at] = value;
    return copy;
  };

  it("an empty value", () => {
    expect(() => decodeExplanation(Buffer.alloc(0))).toThrow("Stored explanation is empty");
  });

  it("a newer or unknown format byte", () => {
    expect(() => decodeExplanation(altered(0, 0xf6))).toThrow(
      /format 0xf6, newer than this hub reads \(0xf5\)/,
    );
    expect(() => decodeExplanation(altered(0, 0x01))).toThrow(/unknown first byte 0x01/);
    expect(() => decodeExplanation(Buffer.from('{"a":1}'))).toThrow(/unknown first byte 0x7b/);
  });

  it("every truncation", () => {
    for (let length = 0; length < packed.length; length++)
      expect(() => decodeExplanation(packed.subarray(0, length))).toThrow(
        length === 0 ? /empty/ : /truncated/,
      );
  });

  it("trailing bytes", () => {
    expect(() => decodeExplanation(Buffer.concat([packed, Buffer.from([0])]))).toThrow(
      /1 bytes after its 3 entries/,
    );
  });

  it("a garbled entry count, before allocating for it", () => {
    const copy = Buffer.from(packed);
    copy.writeUInt32LE(0xffffffff, 1);
    expect(() => decodeExplanation(copy)).toThrow(/truncated: 4294967295 entries/);
  });

  it("an unknown kind, filter, string index or an out-of-range score", () => {
    const entries = packed.length - SCORED_BYTES - FILTERED_BYTES - JSON_BYTES;
    expect(() => decodeExplanation(altered(entries, 9))).toThrow(/entry 0 has unknown kind 9/);
    expect(() => decodeExplanation(altered(entries + 17, 101))).toThrow(/entry 0 has score 101/);
    const second = entries + SCORED_BYTES;
    expect(() => decodeExplanation(altered(second + 17, 200))).toThrow(/entry 1 names unknown filter 200/);
    expect(() => decodeExplanation(altered(second + 18, 2))).toThrow(/entry 1 names string 2 of 2/);
  });
});

const uuid = fc.uuid();
const idArb = fc.oneof({ weight: 9, arbitrary: uuid }, { weight: 1, arbitrary: fc.string() });
const scoreArb = fc.integer({ min: MIN_SCORE, max: MAX_SCORE });
const scoresArb = fc.record(
  Object.fromEntries(SCORER_NAMES.map((name) => [name, scoreArb])) as Record<string, typeof scoreArb>,
);
// A line with a uuid id is packed and keeps any double exactly (NaN, infinities, -0); one with another id goes
// through the JSON fallback, which, like jsonb before it, has no NaN, infinities or -0: such totals are not
// scheduler output (its totals are finite weighted sums) and are left out there.
const jsonSafeTotal = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((total) => (total === 0 ? 0 : total));
const scoredArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      clusterId: uuid,
      scores: scoresArb,
      total: fc.double(),
      chosenReplicas: fc.nat({ max: 0xffffffff }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      clusterId: fc.string(),
      scores: scoresArb,
      total: jsonSafeTotal,
      chosenReplicas: fc.nat({ max: 0xffffffff }),
    }),
  },
);
const filteredArb = fc.record({
  clusterId: idArb,
  filtered: fc.record({
    filter: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...PACKED_FILTERS) },
      { weight: 1, arbitrary: fc.string() },
    ),
    // Few distinct reasons, so that deduplication is exercised; any Unicode text.
    reason: fc.oneof(fc.constantFrom("a", "b", "é"), fc.string({ unit: "grapheme" })),
  }),
});

describe("property", () => {
  it("decode(encode(x)) equals x, in order, for any explanation of scheduler-shaped lines", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(scoredArb, filteredArb), { maxLength: 60 }), (explanation) => {
        const lines = explanation as ClusterExplanation[];
        expect(roundTrip(lines)).toEqual(lines);
      }),
      { numRuns: 300 },
    );
  });

  it("decode(encode(x)) equals what jsonb kept, for any JSON-shaped lines", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), (values) => {
        const lines = values as unknown as ClusterExplanation[];
        expect(roundTrip(lines)).toEqual(JSON.parse(JSON.stringify(lines)));
      }),
      { numRuns: 200 },
    );
  });
});
