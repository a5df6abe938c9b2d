import { pino } from "pino";
import {
  type AgentConfig,
  agentHelp,
  type JoinConfig,
  loadAgentConfig,
  type RunConfig,
} from "./agent-config.js";
import { AgentLoop } from "./agent-loop.js";
import { createClusterSource } from "./cluster/create-source.js";
import { HubClient } from "./hub/hub-client.js";
import { HubError } from "./hub/hub-errors.js";
import { joinCluster } from "./join-cluster.js";
import { SYSTEM_CLOCK } from "./runtime/clock.js";
import { EventQueue } from "./runtime/event-queue.js";
import { readAgentState, writeAgentState } from "./runtime/state-file.js";
import { AGENT_VERSION } from "./version.js";
import { createWorkTarget } from "./work/create-target.js";
import { SourceWithGuestPods } from "./work/guest-pods.js";
import { WorkReconciler } from "./work/work-reconciler.js";

/** Process exit codes; a supervisor (Kubernetes) restarts on non-zero, and 3 tells an operator to re-join. */
export const EXIT_CODES = { ok: 0, failure: 1, usage: 2, revoked: 3, unauthenticated: 4 } as const;

const USER_AGENT = `alliance-agent/${AGENT_VERSION}`;

async function join(config: JoinConfig): Promise<number> {
  const logger = pino({ level: config.logLevel, base: { component: "alliance-agent" } });
  const source = await createClusterSource(config.source, SYSTEM_CLOCK.now, config.kubernetesService);
  const hub = new HubClient({ url: config.hubUrl, credential: () => undefined, userAgent: USER_AGENT });
  const state = await joinCluster({
    hub,
    hubUrl: config.hubUrl,
    joinToken: config.joinToken,
    source,
    sourceSelection: config.source,
    stateFile: config.stateFile,
    now: SYSTEM_CLOCK.now,
  });
  logger.info(
    { clusterId: state.clusterId, clusterName: state.clusterName, stateFile: config.stateFile },
    "cluster registered; it becomes usable once the alliance accepts it. Start the agent with `alliance-agent run`.",
  );
  return EXIT_CODES.ok;
}

async function run(config: RunConfig): Promise<number> {
  const logger = pino({ level: config.logLevel, base: { component: "alliance-agent" } });
  const stored = readAgentState(config.stateFile);
  if (!stored) {
    logger.error({ stateFile: config.stateFile }, "no agent state: run `alliance-agent join` first");
    return EXIT_CODES.usage;
  }
  const state = { ...stored, hubUrl: config.hubUrl ?? stored.hubUrl, source: config.source ?? stored.source };
  let credential = state.credential;
  const hub = new HubClient({ url: state.hubUrl, credential: () => credential.token, userAgent: USER_AGENT });
  const abort = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => abort.abort());
  const { target, simulated, agentServiceAccount } = await createWorkTarget(
    state.source,
    SYSTEM_CLOCK.now,
    config.kubernetesService,
  );
  const work = new WorkReconciler({ hub, target, agentServiceAccount, logger, now: SYSTEM_CLOCK.now });
  const source = await createClusterSource(state.source, SYSTEM_CLOCK.now, config.kubernetesService);
  const loop = new AgentLoop({
    hub,
    source: simulated ? new SourceWithGuestPods(source, simulated) : source,
    work,
    workIntervalMs: config.workIntervalSeconds * 1000,
    clusterUid: state.clusterUid,
    credential,
    onCredentialRotated: (fresh) => {
      credential = fresh;
      writeAgentState(config.stateFile, { ...state, credential: fresh });
    },
    leaseSeconds: state.leaseSeconds,
    statusIntervalSeconds: state.statusIntervalSeconds,
    events: new EventQueue(config.eventsFile),
    clock: SYSTEM_CLOCK,
    logger,
    signal: abort.signal,
  });
  logger.info(
    { clusterId: state.clusterId, hubUrl: state.hubUrl, source: state.source.kind },
    "agent running",
  );
  const result = await loop.run();
  if (result.reason === "aborted") {
    logger.info({}, "agent stopped");
    return EXIT_CODES.ok;
  }
  logger.error(
    { reason: result.reason },
    `agent stopped: ${result.message}; re-join the cluster with a new token`,
  );
  return EXIT_CODES[result.reason];
}

/** Runs one CLI invocation and returns the exit code. */
export async function main(config: AgentConfig = loadAgentConfig()): Promise<number> {
  switch (config.command) {
    case "help":
      console.log(agentHelp());
      return EXIT_CODES.ok;
    case "invalid":
      for (const error of config.errors) console.error(`alliance-agent: ${error}`);
      console.error("\nRun `alliance-agent --help` for usage.");
      return EXIT_CODES.usage;
    case "join":
      return join(config);
    case "run":
      return run(config);
    default: {
      const exhaustive: never = config;
      return exhaustive;
    }
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof HubError
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`alliance-agent: ${message}`);
    process.exitCode = EXIT_CODES.failure;
  },
);
