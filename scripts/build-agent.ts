import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Where `npm run build:agent` writes the agent (gitignored); the container image copies this one file. */
export const AGENT_BUNDLE = fileURLToPath(new URL("../agent/dist/alliance-agent.mjs", import.meta.url));

/**
 * V8 heap limits the agent runs with in its container (`agent/Dockerfile`): without them Node sizes its heap for a
 * server and a 500-node cluster's pod lists leave the agent at about 200 MiB resident; with them about 120 MiB,
 * for a few more millicores of garbage collection (bench/README.md, agent section).
 */
export const AGENT_NODE_FLAGS = ["--max-old-space-size=80", "--max-semi-space-size=8"];

/**
 * Bundles the agent CLI and its dependencies (@kubernetes/client-node included) into one ES module for Node 20.
 * The development entry (`agent/bin/alliance-agent.mjs`) compiles the TypeScript through tsx at run time, which
 * costs about 100 MiB of memory once the Kubernetes client is loaded; the bundle is what runs in clusters.
 */
export async function buildAgentBundle(outfile = AGENT_BUNDLE): Promise<string> {
  await build({
    entryPoints: [fileURLToPath(new URL("../agent/cli.ts", import.meta.url))],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    legalComments: "external",
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`agent bundle: ${await buildAgentBundle()}`);
}
