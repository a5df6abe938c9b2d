import { describe, expect, it } from "vitest";
import { AGENT_FLAGS, agentHelp, DEFAULT_STATE_FILE, parseAgentConfig } from "./agent-config.js";

describe("Agent configuration", () => {
  it("passes the pod's KUBERNETES_SERVICE_HOST and _PORT on for --in-cluster", () => {
    const config = parseAgentConfig(["run", "--in-cluster"], {
      KUBERNETES_SERVICE_HOST: "10.96.0.1",
      KUBERNETES_SERVICE_PORT: "443",
    });
    expect(config).toMatchObject({
      source: { kind: "in-cluster" },
      kubernetesService: { host: "10.96.0.1", port: "443" },
    });
    expect(parseAgentConfig(["run", "--in-cluster"], {})).not.toHaveProperty("kubernetesService.host");
  });

  it("parses join with flags", () => {
    expect(
      parseAgentConfig(
        ["join", "--hub", "https://hub.example.org/graphql", "--token", "T", "--simulated", "7"],
        {},
      ),
    ).toEqual({
      command: "join",
      hubUrl: "https://hub.example.org/graphql",
      joinToken: "T",
      stateFile: DEFAULT_STATE_FILE,
      source: { kind: "simulated", seed: 7, nodes: 20 },
      logLevel: "info",
    });
  });

  it("takes values from the environment, and a flag wins over its variable", () => {
    const config = parseAgentConfig(["join", "--state-file", "/tmp/s.json"], {
      ALLIANCE_HUB_URL: "https://hub.example.org/graphql",
      ALLIANCE_JOIN_TOKEN: "from-env",
      ALLIANCE_STATE_FILE: "/ignored.json",
      KUBECONFIG: "/home/op/.kube/config",
    });
    expect(config).toMatchObject({
      joinToken: "from-env",
      stateFile: "/tmp/s.json",
      source: { kind: "kubeconfig", path: "/home/op/.kube/config" },
    });
  });

  it("lists every problem of an invalid join at once", () => {
    expect(parseAgentConfig(["join", "--simulated", "x"], {})).toEqual({
      command: "invalid",
      errors: [
        '--simulated needs an integer seed, got "x"',
        "join needs --hub URL (or ALLIANCE_HUB_URL)",
        "join needs --token TOKEN (or ALLIANCE_JOIN_TOKEN)",
      ],
    });
  });

  it("defaults run's events file beside the state file and leaves the source to the stored state", () => {
    expect(parseAgentConfig(["run", "--state-file", "/data/state.json"], {})).toEqual({
      command: "run",
      stateFile: "/data/state.json",
      eventsFile: "/data/events.jsonl",
      hubUrl: undefined,
      source: undefined,
      logLevel: "info",
      workIntervalSeconds: 10,
    });
    expect(parseAgentConfig(["run", "--in-cluster"], {})).toMatchObject({ source: { kind: "in-cluster" } });
  });

  it("takes the work poll interval from --work-interval or the environment, within 1–3600 s", () => {
    expect(parseAgentConfig(["run", "--work-interval", "30"], {})).toMatchObject({ workIntervalSeconds: 30 });
    expect(parseAgentConfig(["run"], { ALLIANCE_WORK_INTERVAL_SECONDS: "5" })).toMatchObject({
      workIntervalSeconds: 5,
    });
    expect(parseAgentConfig(["run", "--work-interval", "0"], {})).toMatchObject({ command: "invalid" });
    expect(parseAgentConfig(["run", "--work-interval", "soon"], {})).toMatchObject({ command: "invalid" });
  });

  it("rejects unknown commands and flags, and shows help without a command", () => {
    expect(parseAgentConfig(["dance"], {})).toMatchObject({ command: "invalid" });
    expect(parseAgentConfig(["run", "--bogus"], {})).toMatchObject({ command: "invalid" });
    expect(parseAgentConfig([], {})).toEqual({ command: "help" });
    expect(parseAgentConfig(["run", "--help"], {})).toEqual({ command: "help" });
  });

  it("documents every flag with its environment variable in --help", () => {
    const help = agentHelp();
    for (const { flag, env } of AGENT_FLAGS) {
      expect(help).toContain(`--${flag}`);
      expect(help).toContain(env);
    }
  });
});
