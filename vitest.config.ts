import { defineConfig } from "vitest/config";

/**
 * One runner for every layer: unit tests sit beside pure logic (server/, agent/),
 * integration tests drive the real HTTP API (test/), browser tests drive Chromium (test/browser/).
 */
export default defineConfig({
  test: {
    include: [
      "server/**/*.test.ts",
      "agent/**/*.test.ts",
      "web/**/*.test.{ts,tsx}",
      "test/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
