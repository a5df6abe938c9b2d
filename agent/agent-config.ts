import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { InClusterEndpoint } from "./cluster/kubeconfig.js";
import type { SourceSelection } from "./runtime/state-file.js";

/** Default state location: a volume the agent's pod mounts (or a local directory when run by hand). */
export const DEFAULT_STATE_FILE = "/var/lib/alliance-agent/state.json";
const DEFAULT_SIMULATED_NODES = 20;
/** Default period of work polls, in seconds. */
export const DEFAULT_WORK_INTERVAL_SECONDS = 10;

/** Every flag, its environment variable and its meaning: the single source for parsing and `--help`. */
export const AGENT_FLAGS = [
  {
    flag: "hub",
    env: "ALLIANCE_HUB_URL",
    value: "URL",
    help: "hub GraphQL endpoint, e.g. https://hub.example.org/graphql",
  },
  { flag: "token", env: "ALLIANCE_JOIN_TOKEN", value: "TOKEN", help: "single-use join token (join only)" },
  {
    flag: "state-file",
    env: "ALLIANCE_STATE_FILE",
    value: "PATH",
    help: `credential and settings (default ${DEFAULT_STATE_FILE})`,
  },
  {
    flag: "events-file",
    env: "ALLIANCE_EVENTS_FILE",
    value: "PATH",
    help: "queued agent events (default events.jsonl beside the state file)",
  },
  { flag: "kubeconfig", env: "KUBECONFIG", value: "PATH", help: "read the cluster through this kubeconfig" },
  {
    flag: "in-cluster",
    env: "ALLIANCE_IN_CLUSTER",
    value: "",
    help: "read the cluster through the pod's service account",
  },
  {
    flag: "simulated",
    env: "ALLIANCE_SIMULATED_SEED",
    value: "SEED",
    help: "simulate a cluster from this seed (demo, benchmarks)",
  },
  {
    flag: "simulated-nodes",
    env: "ALLIANCE_SIMULATED_NODES",
    value: "N",
    help: `nodes of the simulated cluster (default ${DEFAULT_SIMULATED_NODES})`,
  },
  {
    flag: "work-interval",
    env: "ALLIANCE_WORK_INTERVAL_SECONDS",
    value: "SECONDS",
    help: `how often to ask the hub for work (default ${DEFAULT_WORK_INTERVAL_SECONDS})`,
  },
  {
    flag: "log-level",
    env: "ALLIANCE_LOG_LEVEL",
    value: "LEVEL",
    help: "trace, debug, info, warn or error (default info)",
  },
] as const;

/** `alliance-agent join`: trade a join token for a credential and store it. */
export interface JoinConfig {
  command: "join";
  hubUrl: string;
  joinToken: string;
  stateFile: string;
  source: SourceSelection;
  /** KUBERNETES_SERVICE_HOST and _PORT, for `--in-cluster`. */
  kubernetesService?: InClusterEndpoint;
  logLevel: string;
}

/** `alliance-agent run`: run the loop with the stored credential; flags override what `join` stored. */
export interface RunConfig {
  command: "run";
  stateFile: string;
  eventsFile: string;
  hubUrl?: string;
  source?: SourceSelection;
  /** KUBERNETES_SERVICE_HOST and _PORT, for `--in-cluster`. */
  kubernetesService?: InClusterEndpoint;
  logLevel: string;
  /** Seconds between `agentWork` polls. */
  workIntervalSeconds: number;
}

/** Result of parsing the command line and environment. */
export type AgentConfig =
  | JoinConfig
  | RunConfig
  | { command: "help" }
  | { command: "invalid"; errors: string[] };

type Environment = Record<string, string | undefined>;
type ParsedValues = ReturnType<typeof parseArgs>["values"];

function stringValue(values: ParsedValues, flag: string): string | undefined {
  const value = values[flag];
  return typeof value === "string" ? value : undefined;
}

function sourceSelection(
  values: ParsedValues,
  env: Environment,
  errors: string[],
): SourceSelection | undefined {
  const seedText = stringValue(values, "simulated") ?? env.ALLIANCE_SIMULATED_SEED;
  if (seedText !== undefined) {
    const seed = Number(seedText);
    const nodes = Number(
      stringValue(values, "simulated-nodes") ?? env.ALLIANCE_SIMULATED_NODES ?? DEFAULT_SIMULATED_NODES,
    );
    if (!Number.isInteger(seed))
      errors.push(`--simulated needs an integer seed, got ${JSON.stringify(seedText)}`);
    if (!Number.isInteger(nodes) || nodes < 1) errors.push("--simulated-nodes needs a positive integer");
    return { kind: "simulated", seed, nodes };
  }
  if (values["in-cluster"] === true || env.ALLIANCE_IN_CLUSTER === "true") return { kind: "in-cluster" };
  const path = stringValue(values, "kubeconfig") ?? env.KUBECONFIG;
  // A KUBECONFIG list (a:b) is merged by client-node's default lookup; only a single file is passed on.
  if (path !== undefined) return { kind: "kubeconfig", path: path.includes(":") ? undefined : path };
  return undefined;
}

/** Parses arguments (without `node` and script) and environment. Pure, so it is tested without a process. */
export function parseAgentConfig(argv: string[], env: Environment): AgentConfig {
  const options = Object.fromEntries(
    AGENT_FLAGS.map(({ flag, value }) => [
      flag,
      { type: value === "" ? ("boolean" as const) : ("string" as const) },
    ]),
  );
  let parsed: { values: ParsedValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
  } catch (error) {
    return { command: "invalid", errors: [error instanceof Error ? error.message : String(error)] };
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined || command === "help") return { command: "help" };
  const errors: string[] = [];
  const text = (flag: string, variable: string) => stringValue(values, flag) ?? env[variable];
  const stateFile = text("state-file", "ALLIANCE_STATE_FILE") ?? DEFAULT_STATE_FILE;
  const logLevel = text("log-level", "ALLIANCE_LOG_LEVEL") ?? "info";
  const hubUrl = text("hub", "ALLIANCE_HUB_URL");
  const source = sourceSelection(values, env, errors);
  // Set by Kubernetes in every pod; passed on so agent/cluster never reads the environment itself.
  const kubernetesService = env.KUBERNETES_SERVICE_HOST
    ? { host: env.KUBERNETES_SERVICE_HOST, port: env.KUBERNETES_SERVICE_PORT }
    : undefined;
  if (hubUrl !== undefined && !URL.canParse(hubUrl)) errors.push(`--hub is not a URL: ${hubUrl}`);
  if (command === "join") {
    const joinToken = text("token", "ALLIANCE_JOIN_TOKEN");
    if (!hubUrl) errors.push("join needs --hub URL (or ALLIANCE_HUB_URL)");
    if (!joinToken) errors.push("join needs --token TOKEN (or ALLIANCE_JOIN_TOKEN)");
    if (errors.length > 0 || !hubUrl || !joinToken) return { command: "invalid", errors };
    return {
      command,
      hubUrl,
      joinToken,
      stateFile,
      source: source ?? { kind: "kubeconfig" },
      kubernetesService,
      logLevel,
    };
  }
  if (command === "run") {
    const workIntervalText = text("work-interval", "ALLIANCE_WORK_INTERVAL_SECONDS");
    const workIntervalSeconds = Number(workIntervalText ?? DEFAULT_WORK_INTERVAL_SECONDS);
    if (!Number.isFinite(workIntervalSeconds) || workIntervalSeconds < 1 || workIntervalSeconds > 3600)
      errors.push(
        `--work-interval needs seconds between 1 and 3600, got ${JSON.stringify(workIntervalText)}`,
      );
    if (errors.length > 0) return { command: "invalid", errors };
    const eventsFile =
      text("events-file", "ALLIANCE_EVENTS_FILE") ?? join(dirname(stateFile), "events.jsonl");
    return {
      command,
      stateFile,
      eventsFile,
      hubUrl,
      source,
      kubernetesService,
      logLevel,
      workIntervalSeconds,
    };
  }
  return { command: "invalid", errors: [`unknown command ${JSON.stringify(command)}: use join or run`] };
}

/** The agent's configuration from this process: the only place in agent/ that reads `process.env`. */
export function loadAgentConfig(argv: string[] = process.argv.slice(2)): AgentConfig {
  return parseAgentConfig(argv, process.env);
}

/** `--help` text, generated from {@link AGENT_FLAGS} so it cannot drift from the parser. */
export function agentHelp(): string {
  const rows = AGENT_FLAGS.map(({ flag, env, value, help }) => {
    const left = `  --${flag}${value ? ` ${value}` : ""}`.padEnd(28);
    return `${left}${help}\n${"".padEnd(28)}env: ${env}`;
  });
  return [
    "Usage:",
    "  alliance-agent join --hub URL --token TOKEN [--kubeconfig PATH | --in-cluster | --simulated SEED]",
    "  alliance-agent run [--state-file PATH] [--events-file PATH] [source flags]",
    "",
    "join registers this cluster with the hub and stores the credential; run keeps the lease, sends status",
    "reports and events, and applies (or removes) the work the hub assigns, until stopped (exit 0 on SIGTERM,",
    "3 when the credential is revoked).",
    "",
    "Flags (a flag wins over its environment variable):",
    ...rows,
    `${"  --help, -h".padEnd(28)}show this text`,
  ].join("\n");
}
