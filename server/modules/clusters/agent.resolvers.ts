import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { badUserInput, forbidden, unauthenticated } from "../../errors.js";
import type { GraphQLContext } from "../../graphql/context.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { validateInput } from "../../graphql/validate-input.js";
import { recordAgentEvents, rotateCredential } from "./agent-commands.js";
import type { AgentIdentity } from "./agent-identity.js";
import { DEFAULT_CLUSTER_SETTINGS, JOIN_TOKEN_PREFIX, MAX_REPORT_BYTES } from "./cluster-settings.js";
import { claimJoinToken, joinTokenRejected, registerCluster } from "./register-cluster.js";
import { renewLease } from "./renew-lease.js";
import { renewSteadyLease, renewUnchangedLease } from "./renew-steady-lease.js";
import { reportStatus } from "./report-status.js";
import { runningBlueprintsSchema } from "./running-blueprints.js";
import { recordAgentEventsSchema, statusReportSchema } from "./status-report-schema.js";

const settings = DEFAULT_CLUSTER_SETTINGS;
const MAX_AGENT_CLOCK_SKEW_MS = 366 * 86_400_000;

const registrationInput = z.object({
  clusterUid: z.string().regex(/^[0-9a-fA-F-]{8,64}$/, "the UID of the kube-system namespace"),
  kubernetesVersion: z
    .string()
    .regex(/^v?\d+\.\d+[\w.+-]*$/, "a Kubernetes version such as v1.34.2")
    .max(64),
  agentVersion: z.string().regex(/^[\w.+-]{1,64}$/, "a version such as 0.1.0"),
});

const reportInput = z.object({
  clusterUid: z.string().min(1).max(64),
  observedAt: z.date(),
  report: statusReportSchema,
  blueprints: runningBlueprintsSchema,
});

/** The calling agent; a person (or nobody) gets FORBIDDEN (or UNAUTHENTICATED). */
export function requireAgent(context: GraphQLContext): AgentIdentity {
  if (context.agent) return context.agent;
  if (!context.viewer) throw unauthenticated();
  throw forbidden("Only a cluster agent, with its cluster credential, may do this");
}

const renewed = (now: Date) => ({ leaseSeconds: settings.leaseSeconds, serverTime: now });

function reportTooLarge(report: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(report) ?? "", "utf8") > MAX_REPORT_BYTES;
}

/** The agent's API (agent/hub/operations.ts): shapes fixed by the agent, authenticated by cluster credentials. */
export const agentResolvers: Resolvers = {
  Mutation: {
    registerCluster: async (_parent, { input }, context) => {
      // The join token is this mutation's credential: it is checked before anything else is looked at.
      const secret = input.joinToken.trim();
      if (!secret.startsWith(`${JOIN_TOKEN_PREFIX}_`) || secret.length > 100)
        throw joinTokenRejected("unknown");
      const now = context.clock.now();
      await claimJoinToken(context.dataSource.manager, secret, now, { lock: false });
      const registration = validateInput(registrationInput, input);
      const { cluster, credential } = await inTransaction(context.dataSource, async (manager) =>
        registerCluster(
          manager,
          { now, requestId: context.requestId, settings },
          await claimJoinToken(manager, secret, now),
          registration,
        ),
      );
      return {
        cluster,
        credential,
        leaseSeconds: settings.leaseSeconds,
        statusIntervalSeconds: settings.statusIntervalSeconds,
      };
    },
    renewLease: async (_parent, { input }, context) => {
      const agent = requireAgent(context);
      const now = context.clock.now();
      // A skewed clock is reported through ClockSynced; a time years away is not a clock reading at all.
      if (Math.abs(input.agentTime.getTime() - now.getTime()) > MAX_AGENT_CLOCK_SKEW_MS)
        throw badUserInput("agentTime is not a plausible clock reading", [
          { field: "input.agentTime", message: "more than a year away from the hub's time" },
        ]);
      const facts = { now, agentTime: input.agentTime };
      // Almost every renewal is a healthy cluster's: one statement, then one read and a conditional update, and only
      // transitions take the locked path.
      if (await renewUnchangedLease(context.dataSource, agent, facts, settings)) return renewed(now);
      if ((await renewSteadyLease(context.dataSource, agent, facts, settings)) === "not-steady")
        await inTransaction(context.dataSource, (manager) => renewLease(manager, agent, facts, settings));
      return renewed(now);
    },
    reportStatus: async (_parent, { input }, context) => {
      const agent = requireAgent(context);
      if (reportTooLarge(input.report))
        throw badUserInput(`The report exceeds ${MAX_REPORT_BYTES / 1024} KiB`, [
          { field: "input.report", message: `at most ${MAX_REPORT_BYTES / 1024} KiB` },
        ]);
      const valid = validateInput(reportInput, input);
      const now = context.clock.now();
      await inTransaction(context.dataSource, (manager) =>
        reportStatus(manager, agent, { ...valid, now }, settings),
      );
      return { accepted: true };
    },
    rotateCredential: async (_parent, _args, context) => {
      const agent = requireAgent(context);
      const credential = await inTransaction(context.dataSource, (manager) =>
        rotateCredential(manager, agent, {
          now: context.clock.now(),
          requestId: context.requestId,
          settings,
        }),
      );
      return { credential };
    },
    recordAgentEvents: async (_parent, { input }, context) => {
      const agent = requireAgent(context);
      const { events } = validateInput(recordAgentEventsSchema, input);
      const accepted = await inTransaction(context.dataSource, (manager) =>
        recordAgentEvents(manager, agent, events, context.clock.now()),
      );
      return { accepted };
    },
  },
};
