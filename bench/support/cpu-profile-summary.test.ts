import { describe, expect, it } from "vitest";
import { type CpuProfile, frameOwner, summariseCpuProfile } from "./cpu-profile-summary.js";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 9 });

describe("CPU profile summary", () => {
  it.each([
    ["file:///work/main/node_modules/typeorm/query-builder/SelectQueryBuilder.js", "typeorm"],
    ["file:///work/main/node_modules/@apollo/server/dist/esm/requestPipeline.js", "@apollo/server"],
    ["file:///work/main/node_modules/a/node_modules/pg/lib/client.js", "pg"],
    ["file:///work/main/server/graphql/loaders.ts", "server/graphql/loaders.ts"],
    ["node:_http_outgoing", "node:_http_outgoing"],
    ["", "(native)"],
  ])("attributes %s to %s", (url, owner) => {
    expect(frameOwner(url)).toBe(owner);
  });

  it("ranks self time by function and by package, leaving idle time out", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2, 3, 4, 5] },
        { id: 2, callFrame: frame("(idle)") },
        { id: 3, callFrame: frame("getMany", "file:///x/node_modules/typeorm/a.js") },
        { id: 4, callFrame: frame("execute", "file:///x/node_modules/graphql/b.js") },
        { id: 5, callFrame: frame("(garbage collector)") },
      ],
      samples: [2, 2, 3, 3, 3, 4, 5, 2],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    const summary = summariseCpuProfile(profile);
    expect(summary.seconds).toBeCloseTo(0.008);
    expect(summary.busySeconds).toBeCloseTo(0.005);
    expect(summary.owners.map((entry) => entry.name)).toEqual(["typeorm", "graphql", "(garbage collector)"]);
    expect(summary.owners[0]?.share).toBeCloseTo(0.6);
    expect(summary.functions[0]).toEqual({ name: "getMany typeorm:10", share: 0.6 });
  });
});
