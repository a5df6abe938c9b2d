import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGENT_NODE_FLAGS } from "../scripts/build-agent.js";

describe("agent/Dockerfile", () => {
  it("runs the bundle with the heap limits the footprint benchmark measured", () => {
    const dockerfile = readFileSync(new URL("./Dockerfile", import.meta.url), "utf8");
    expect(dockerfile).toContain(`exec node ${AGENT_NODE_FLAGS.join(" ")} /app/alliance-agent.mjs`);
  });
});
