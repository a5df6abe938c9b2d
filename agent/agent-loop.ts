import type { ClusterSource } from "./cluster/cluster-source.js";
import type { HubApi } from "./hub/hub-client.js";
import { HubError } from "./hub/hub-errors.js";
import { Backoff, type BackoffOptions, DEFAULT_BACKOFF } from "./runtime/backoff.js";
import type { AgentClock } from "./runtime/clock.js";
import { needsRotation, rotationDueAt, type StoredCredential } from "./runtime/credential.js";
import type { AgentEvent, EventQueue } from "./runtime/event-queue.js";
import { LatestOnly } from "./runtime/latest-only.js";
import { sampleDelayMs } from "./status/sample-delay.js";
import { type RunningBlueprint, runningBlueprints, sameBlueprints } from "./status/running-blueprints.js";
import { shouldReport } from "./status/should-report.js";
import { computeStatusReport, type StatusReport } from "./status/status-report.js";
import type { WorkReconciler } from "./work/work-reconciler.js";

/** The subset of pino's logger the agent uses, so tests can pass a recorder. */
export interface AgentLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Why the loop returned. Anything but `aborted` should end the process with a non-zero code. */
export type AgentStopResult =
  | { reason: "aborted" }
  | { reason: "revoked" | "unauthenticated"; message: string };

/** Everything the loop needs; clock, randomness and hub are injected so tests run hours of agent life at once. */
export interface AgentLoopOptions {
  hub: HubApi;
  source: ClusterSource;
  clusterUid: string;
  credential: StoredCredential;
  /** Called with the new credential after a rotation; persist it before the old one expires. */
  onCredentialRotated: (credential: StoredCredential) => void;
  leaseSeconds: number;
  statusIntervalSeconds: number;
  /**
   * How often the cluster is read to detect a >5 % change; defaults to min(15 s, status interval). Each read lists
   * every non-terminated pod, so on large clusters this is the agent's main cost: reads that take long stretch
   * the period up to the status interval (`status/sample-delay.ts`).
   */
  sampleIntervalMs?: number;
  events: Pick<EventQueue, "enqueue" | "peek" | "remove" | "size">;
  /** Most events sent in one batch. */
  maxEventsPerBatch?: number;
  clock: AgentClock;
  /** Uniform in [0, 1), for lease jitter and backoff. */
  random?: () => number;
  backoff?: Omit<BackoffOptions, "random">;
  logger: AgentLogger;
  signal?: AbortSignal;
  /** Work delivery (`work/work-reconciler.ts`); without it the agent only keeps the lease and reports status. */
  work?: Pick<WorkReconciler, "reconcile">;
  /** How often the hub is asked for work; default {@link DEFAULT_WORK_INTERVAL_MS}. */
  workIntervalMs?: number;
}

/** Default period of `agentWork` polls. */
export const DEFAULT_WORK_INTERVAL_MS = 10_000;

/** Default cluster read period when the status interval is longer. */
export const DEFAULT_SAMPLE_INTERVAL_MS = 15_000;

/** Pause after a successful cycle that left work due at once. */
export const MINIMUM_CYCLE_GAP_MS = 1000;

/** Lease renewals are spread by ±10 % so agents started together do not beat in step. */
export const LEASE_JITTER = 0.1;

interface PendingReport {
  report: StatusReport;
  blueprints: RunningBlueprint[];
  observedAt: Date;
}

/**
 * The agent's run loop. Each cycle does, in this order: renew the lease when due (always first after an outage),
 * rotate the credential when less than 20 % of its lifetime remains, read the cluster when due, send the latest
 * status report if one waits, send queued events in one batch, then poll and reconcile work when due. A hub
 * failure ends the cycle and the next one starts after a jittered exponential backoff, so a returning hub sees one
 * lease, one status and one event batch from each agent rather than a backlog.
 */
export class AgentLoop {
  private readonly random: () => number;
  private readonly backoff: Backoff;
  private readonly workBackoff: Backoff;
  private readonly latest = new LatestOnly<PendingReport>();
  private credential: StoredCredential;
  private leaseMs: number;
  private readonly statusIntervalMs: number;
  private readonly sampleIntervalMs: number;
  private nextLeaseAt = 0;
  private nextSampleAt = 0;
  private nextWorkAt = 0;
  private lastSent: PendingReport | undefined;
  private outageStartedAt: Date | undefined;
  private forceReport = false;
  private clusterReadFailing = false;

  constructor(private readonly options: AgentLoopOptions) {
    this.random = options.random ?? Math.random;
    this.backoff = new Backoff({ ...(options.backoff ?? DEFAULT_BACKOFF), random: this.random });
    this.workBackoff = new Backoff({ ...(options.backoff ?? DEFAULT_BACKOFF), random: this.random });
    this.credential = options.credential;
    this.leaseMs = options.leaseSeconds * 1000;
    this.statusIntervalMs = options.statusIntervalSeconds * 1000;
    this.sampleIntervalMs =
      options.sampleIntervalMs ?? Math.min(DEFAULT_SAMPLE_INTERVAL_MS, this.statusIntervalMs);
  }

  /** Runs until aborted or the hub stops accepting the credential. */
  async run(): Promise<AgentStopResult> {
    const { clock, signal, logger } = this.options;
    while (!signal?.aborted) {
      let waitMs: number;
      try {
        await this.cycle();
        // After a successful cycle nothing should be due; if something still is (say, the hub handed out a
        // credential already past 80 % of its life) a short pause keeps the loop from hammering the hub.
        const untilNextMs = this.nextWakeAt() - clock.now().getTime();
        waitMs = untilNextMs > 0 ? untilNextMs : MINIMUM_CYCLE_GAP_MS;
      } catch (error) {
        if (error instanceof HubError && error.unauthenticated) {
          const reason = error.revoked ? "revoked" : "unauthenticated";
          logger.error(
            { code: error.code, reason: error.reason },
            `hub rejected the agent credential: ${error.message}`,
          );
          return { reason, message: error.message };
        }
        waitMs = this.onHubFailure(error);
      }
      await clock.sleep(Math.max(waitMs, 0), signal);
    }
    return { reason: "aborted" };
  }

  private async cycle(): Promise<void> {
    const now = this.options.clock.now();
    if (this.outageStartedAt || now.getTime() >= this.nextLeaseAt) await this.renewLease(now);
    if (needsRotation(this.credential, now)) await this.rotateCredential(now);
    if (this.forceReport || now.getTime() >= this.nextSampleAt) await this.sample(now);
    await this.sendLatestStatus();
    await this.flushEvents();
    if (this.options.work && now.getTime() >= this.nextWorkAt) await this.deliverWork(now);
  }

  /**
   * Polls and reconciles work. When only the work calls fail (the hub answers leases), work polls back off on their
   * own, by the loop's backoff policy but never faster than the work interval, so leases and status go on; a hub
   * that is away altogether is caught by the lease first and backs off the whole loop.
   */
  private async deliverWork(now: Date): Promise<void> {
    const intervalMs = this.options.workIntervalMs ?? DEFAULT_WORK_INTERVAL_MS;
    this.nextWorkAt = now.getTime() + intervalMs;
    try {
      await this.options.work?.reconcile();
      this.workBackoff.reset();
    } catch (error) {
      if (error instanceof HubError && error.unauthenticated) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof HubError ? error.code : undefined;
      if (error instanceof HubError && error.retryable) {
        const delayMs = Math.max(intervalMs, this.workBackoff.nextDelay());
        this.nextWorkAt = now.getTime() + delayMs;
        this.options.logger.warn({ code, retryInMs: delayMs }, `work poll failed: ${message}`);
        return;
      }
      // A hub that does not serve work (older version) or a bug must not stop leases and status.
      this.options.logger.error({ code }, `work: ${message}`);
    }
  }

  private async renewLease(now: Date): Promise<void> {
    const result = await this.options.hub.renewLease(now);
    this.leaseMs = result.leaseSeconds * 1000;
    const jitter = 1 + LEASE_JITTER * (2 * this.random() - 1);
    this.nextLeaseAt = now.getTime() + this.leaseMs * jitter;
    if (this.outageStartedAt) {
      const outageMs = now.getTime() - this.outageStartedAt.getTime();
      this.options.logger.info({ outageMs }, "hub reachable again");
      this.event(now, "HubReachable", "hub reachable again", { outageMs });
      this.outageStartedAt = undefined;
      this.backoff.reset();
      // The hub may have marked our capacity stale meanwhile: send the current picture whatever changed.
      this.forceReport = true;
    }
  }

  private async rotateCredential(now: Date): Promise<void> {
    const fresh = await this.options.hub.rotateCredential();
    this.credential = { ...fresh, issuedAt: now.toISOString() };
    this.options.onCredentialRotated(this.credential);
    this.options.logger.info({ expiresAt: fresh.expiresAt }, "credential rotated");
    this.event(now, "CredentialRotated", "credential rotated", { expiresAt: fresh.expiresAt });
  }

  private async sample(now: Date): Promise<void> {
    this.nextSampleAt = now.getTime() + this.sampleIntervalMs;
    try {
      const [identity, snapshot] = await Promise.all([
        this.options.source.identity(),
        this.options.source.snapshot(),
      ]);
      const readMs = this.options.clock.now().getTime() - now.getTime();
      this.nextSampleAt = now.getTime() + sampleDelayMs(this.sampleIntervalMs, this.statusIntervalMs, readMs);
      const report = computeStatusReport(identity.kubernetesVersion, snapshot);
      const blueprints = runningBlueprints(snapshot);
      const due =
        shouldReport(this.lastSent?.report, report, this.lastSent?.observedAt, now, this.statusIntervalMs) ||
        !sameBlueprints(this.lastSent?.blueprints ?? [], blueprints);
      if (this.forceReport || due) this.latest.offer({ report, blueprints, observedAt: now });
      this.forceReport = false;
      if (this.clusterReadFailing) this.options.logger.info({}, "cluster readable again");
      this.clusterReadFailing = false;
    } catch (error) {
      // A cluster API hiccup is not a hub problem: keep the lease alive and retry at the next sample.
      const message = error instanceof Error ? error.message : String(error);
      this.options.logger.warn({ error: message }, "could not read the cluster");
      if (!this.clusterReadFailing) this.event(now, "ClusterReadFailed", message);
      this.clusterReadFailing = true;
    }
  }

  private async sendLatestStatus(): Promise<void> {
    const pending = this.latest.take();
    if (!pending) return;
    try {
      await this.options.hub.reportStatus({
        clusterUid: this.options.clusterUid,
        observedAt: pending.observedAt.toISOString(),
        report: pending.report,
        blueprints: pending.blueprints,
      });
      this.lastSent = pending;
    } catch (error) {
      if (error instanceof HubError && !error.retryable && !error.unauthenticated) {
        this.options.logger.error({ code: error.code }, `hub rejected a status report: ${error.message}`);
        this.event(this.options.clock.now(), "StatusRejected", error.message, { code: error.code });
        return;
      }
      this.latest.restore(pending);
      throw error;
    }
  }

  private async flushEvents(): Promise<void> {
    const { events } = this.options;
    if (events.size === 0) return;
    const batch = events.peek(this.options.maxEventsPerBatch ?? 1000);
    try {
      await this.options.hub.recordAgentEvents(batch);
      events.remove(batch.length);
    } catch (error) {
      if (error instanceof HubError && !error.retryable && !error.unauthenticated) {
        // Resending a batch the hub finds invalid would block every later event.
        this.options.logger.error(
          { code: error.code, count: batch.length },
          `hub rejected agent events: ${error.message}`,
        );
        events.remove(batch.length);
        return;
      }
      throw error;
    }
  }

  private onHubFailure(error: unknown): number {
    const now = this.options.clock.now();
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof HubError ? error.code : "AGENT_ERROR";
    if (!this.outageStartedAt) {
      this.outageStartedAt = now;
      this.event(now, "HubUnreachable", message, { code });
    }
    const delayMs = this.backoff.nextDelay();
    this.options.logger.warn(
      { code, failures: this.backoff.failures, retryInMs: delayMs },
      `hub call failed: ${message}`,
    );
    return delayMs;
  }

  private nextWakeAt(): number {
    const nextWorkAt = this.options.work ? this.nextWorkAt : Number.POSITIVE_INFINITY;
    return Math.min(
      this.nextLeaseAt,
      this.nextSampleAt,
      nextWorkAt,
      rotationDueAt(this.credential).getTime(),
    );
  }

  private event(now: Date, type: string, message: string, details?: AgentEvent["details"]): void {
    this.options.events.enqueue({ type, at: now.toISOString(), message, details });
  }
}
