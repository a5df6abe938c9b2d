import { z } from "zod";
import { parseSchedulerWeights } from "./modules/placement/scheduler/parse-weights.js";
import type { SchedulerWeights } from "./modules/placement/scheduler/types.js";

/**
 * The hub's settings. This module is the only reader of `process.env`: everything else receives a `HubConfig`.
 * Every setting is documented in `.env.example`. Problems are reported all at once at start.
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().default("0.0.0.0"),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().default("data"),
    DATABASE_URL: z.string().optional(),
    DATABASE_POOL_SIZE: positiveInt.default(10),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_GROUPS_CLAIM: z.string().default("groups"),
    OIDC_STEWARD_GROUP: z.string().default("alliance-stewards"),
    OIDC_MODERATOR_GROUP: z.string().default("alliance-moderators"),
    OIDC_COOPERATIVE_GROUP_PATTERN: z.string().default("coop:{slug}:{role}"),
    SESSION_SECRET: z.string().min(32).optional(),
    SESSION_MAX_AGE_HOURS: positiveInt.default(168),
    STEP_UP_MAX_AGE_MINUTES: positiveInt.default(15),
    GRAPHQL_INTROSPECTION: booleanFlag.optional(),
    GRAPHQL_MAX_DEPTH: positiveInt.default(12),
    GRAPHQL_MAX_ALIASES: positiveInt.default(30),
    GRAPHQL_MAX_COST: positiveInt.default(20_000),
    RATE_LIMIT_SIGNIN_PER_MINUTE: positiveInt.default(20),
    RATE_LIMIT_MUTATIONS_PER_MINUTE: positiveInt.default(120),
    TRUST_PROXY: booleanFlag.default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DEMO_SEED: booleanFlag.optional(),
    DEMO_CLUSTERS: booleanFlag.default(false),
    DEMO_CLUSTER_STOP_SECONDS: positiveInt.default(120),
    CONTENT_SYNC_ON_START: booleanFlag.optional(),
    MEILI_HOST: z.url().optional(),
    MEILI_API_KEY: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example:587")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Alliance Hub <hub@alliance-hub.invalid>"),
    FORUM_POST_INTERVAL_SECONDS: positiveInt.default(5),
    FORUM_TOPIC_INTERVAL_SECONDS: positiveInt.default(15),
    FORUM_DUPLICATE_WINDOW_SECONDS: positiveInt.default(300),
    FORUM_TRUSTED_HOSTS: z.string().default(""),
    PLACEMENT_SCORER_WEIGHTS: z.string().default(""),
    PLACEMENT_EVICTIONS_PER_MINUTE: positiveInt.default(10),
  })
  .superRefine((env, context) => {
    const weights = parseSchedulerWeights(env.PLACEMENT_SCORER_WEIGHTS);
    if (!weights.ok)
      for (const message of weights.problems)
        context.addIssue({ code: "custom", path: ["PLACEMENT_SCORER_WEIGHTS"], message });
    const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidcParts !== 0 && oidcParts !== 3) {
      context.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together",
      });
    }
    if (env.NODE_ENV === "production") {
      if (oidcParts === 0) {
        context.addIssue({
          code: "custom",
          path: ["OIDC_ISSUER"],
          message: "production needs a real OpenID provider: the built-in development provider is refused",
        });
      }
      if (!env.DATABASE_URL) {
        context.addIssue({
          code: "custom",
          path: ["DATABASE_URL"],
          message: "production needs DATABASE_URL",
        });
      }
      if (!env.SESSION_SECRET) {
        context.addIssue({
          code: "custom",
          path: ["SESSION_SECRET"],
          message: "production needs SESSION_SECRET",
        });
      }
    }
  });

/** Where the hub keeps its data: an embedded PGlite directory (or memory) or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string | "memory://" }
  | { kind: "postgres"; url: string; poolSize: number };

/** Which OpenID provider signs people in. */
export type OidcConfig =
  | { kind: "external"; issuer: string; clientId: string; clientSecret: string }
  | { kind: "development" };

export interface HubConfig {
  environment: "development" | "test" | "production";
  host: string;
  port: number;
  /** Base URL people use to reach the hub; when unset it follows the bound port. */
  publicUrl: string | undefined;
  dataDir: string;
  database: DatabaseConfig;
  oidc: OidcConfig;
  identityClaims: {
    groupsClaim: string;
    stewardGroup: string;
    moderatorGroup: string;
    cooperativeGroupPattern: string;
  };
  session: { secret: string | undefined; maxAgeHours: number; stepUpMaxAgeMinutes: number };
  graphql: { introspection: boolean; maxDepth: number; maxAliases: number; maxCost: number };
  rateLimits: { signInPerMinute: number; mutationsPerMinute: number };
  trustProxy: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  demoSeed: boolean;
  /** Run simulated member clusters of the demo cooperatives with the real agent code (`npm run demo`). */
  demoClusters: boolean;
  /** When the demo stops leipzig-1's agent, so its lease expires for all to see. */
  demoClusterStopSeconds: number;
  /** Load content/ (manuals, blueprints) into the database at start; default on except in tests. */
  contentSyncOnStart: boolean;
  search: { meiliHost: string | undefined; meiliApiKey: string | undefined };
  /** Outgoing mail: SMTP server URL (with credentials; never logged) or none (the dev mailbox keeps it). */
  smtpUrl: string | undefined;
  /** The From of forum emails. */
  mailFrom: string;
  /** Forum posting limits (Discourse's defaults) and the hosts whose links get no `rel="nofollow ugc"`. */
  forum: {
    postIntervalSeconds: number;
    topicIntervalSeconds: number;
    duplicateWindowSeconds: number;
    trustedHosts: string[];
  };
  /** Placement: the scheduler's scorer weights, and how many shares failover may move per minute. */
  placement: { weights: SchedulerWeights; evictionsPerMinute: number };
}

/** Thrown when the environment is invalid; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the configuration. Pass `overrides` (tests, scripts) to replace single variables. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): HubConfig {
  const source = { ...process.env, ...overrides };
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const env = parsed.data;
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { kind: "pglite", dataDir: env.DATA_DIR === "memory://" ? "memory://" : `${env.DATA_DIR}/pglite` };
  const oidc: OidcConfig =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? {
          kind: "external",
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
        }
      : { kind: "development" };
  return {
    environment: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ""),
    dataDir: env.DATA_DIR,
    database,
    oidc,
    identityClaims: {
      groupsClaim: env.OIDC_GROUPS_CLAIM,
      stewardGroup: env.OIDC_STEWARD_GROUP,
      moderatorGroup: env.OIDC_MODERATOR_GROUP,
      cooperativeGroupPattern: env.OIDC_COOPERATIVE_GROUP_PATTERN,
    },
    session: {
      secret: env.SESSION_SECRET,
      maxAgeHours: env.SESSION_MAX_AGE_HOURS,
      stepUpMaxAgeMinutes: env.STEP_UP_MAX_AGE_MINUTES,
    },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? env.NODE_ENV !== "production",
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxCost: env.GRAPHQL_MAX_COST,
    },
    rateLimits: {
      signInPerMinute: env.RATE_LIMIT_SIGNIN_PER_MINUTE,
      mutationsPerMinute: env.RATE_LIMIT_MUTATIONS_PER_MINUTE,
    },
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    demoSeed: env.DEMO_SEED ?? (oidc.kind === "development" && env.NODE_ENV !== "test"),
    demoClusters: env.DEMO_CLUSTERS,
    demoClusterStopSeconds: env.DEMO_CLUSTER_STOP_SECONDS,
    contentSyncOnStart: env.CONTENT_SYNC_ON_START ?? env.NODE_ENV !== "test",
    search: { meiliHost: env.MEILI_HOST, meiliApiKey: env.MEILI_API_KEY },
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    forum: {
      postIntervalSeconds: env.FORUM_POST_INTERVAL_SECONDS,
      topicIntervalSeconds: env.FORUM_TOPIC_INTERVAL_SECONDS,
      duplicateWindowSeconds: env.FORUM_DUPLICATE_WINDOW_SECONDS,
      trustedHosts: env.FORUM_TRUSTED_HOSTS.split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    },
    placement: {
      weights: placementWeights(env.PLACEMENT_SCORER_WEIGHTS),
      evictionsPerMinute: env.PLACEMENT_EVICTIONS_PER_MINUTE,
    },
  };
}

/** The weights, already validated by the schema's refinement. */
function placementWeights(text: string): SchedulerWeights {
  const parsed = parseSchedulerWeights(text);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  return parsed.weights;
}
