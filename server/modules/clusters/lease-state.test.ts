import { describe, expect, it } from "vitest";
import { DEFAULT_CLUSTER_SETTINGS as settings } from "./cluster-settings.js";
import { findCondition } from "./conditions.js";
import {
  availableCondition,
  capacityFreshCondition,
  clockSyncedCondition,
  credentialExpiringCondition,
  type LeaseState,
  leaseLapsed,
  loseLeaseState,
  renewLeaseState,
} from "./lease-state.js";
import { hasTaint, UNREACHABLE_TAINT } from "./taints.js";

const T0 = new Date("2026-11-25T08:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const fresh: LeaseState = {
  conditions: [],
  taints: [],
  leaseRenewedAt: null,
  leaseExpiresAt: at(10),
  leaseLostAt: null,
  renewalStreak: 0,
};

function renew(state: LeaseState, seconds: number, readyNodes: number | undefined = 3) {
  return renewLeaseState(
    state,
    {
      now: at(seconds),
      agentTime: at(seconds),
      credentialExpiresAt: at(86_400),
      latestReportReceivedAt: at(seconds),
      readyNodes,
    },
    settings,
  );
}

const available = (state: LeaseState) => findCondition(state.conditions, "Available");

describe("availableCondition", () => {
  it.each([
    [{ leaseLost: true, everRenewed: true, readyNodes: 3 }, "Unknown", "LeaseExpired"],
    [{ leaseLost: false, everRenewed: false, readyNodes: undefined }, "Unknown", "AwaitingLease"],
    [{ leaseLost: false, everRenewed: true, readyNodes: 0 }, "False", "NoReadyNodes"],
    [{ leaseLost: false, everRenewed: true, readyNodes: undefined }, "True", "LeaseRenewed"],
    [{ leaseLost: false, everRenewed: true, readyNodes: 5 }, "True", "LeaseRenewed"],
  ])("%o gives %s (%s)", (facts, status, reason) => {
    expect(availableCondition(facts)).toMatchObject({ status, reason });
  });
});

describe("ClockSynced, CapacityFresh and CredentialExpiring", () => {
  it.each([
    [0, "True"],
    [10, "True"],
    [-10, "True"],
    [11, "False"],
    [-3600, "False"],
  ])("an agent clock %i s off is ClockSynced=%s (lease 10 s)", (skew, status) => {
    expect(clockSyncedCondition(at(skew), T0, 10).status).toBe(status);
  });

  it.each([
    [null, "False", "NoReport"],
    [0, "True", "ReportFresh"],
    [60, "True", "ReportFresh"],
    [61, "False", "ReportStale"],
  ])("a report %s s old is CapacityFresh=%s (%s)", (age, status, reason) => {
    const receivedAt = age === null ? null : at(-age);
    expect(capacityFreshCondition(receivedAt, T0, 30)).toMatchObject({ status, reason });
  });

  it.each([
    [24 * 3600, "False"],
    [3 * 3600, "False"],
    [2 * 3600, "True"],
    [-1, "True"],
  ])("a credential expiring in %i s is CredentialExpiring=%s (24 h lifetime)", (seconds, status) => {
    expect(credentialExpiringCondition(at(seconds), T0, 24).status).toBe(status);
  });
});

describe("lease transitions", () => {
  it("becomes Available at the first renewal and keeps lastTransitionTime while nothing changes", () => {
    const first = renew(fresh, 1).state;
    expect(available(first)).toMatchObject({ status: "True", lastTransitionTime: at(1).toISOString() });
    const second = renew(first, 11).state;
    expect(available(second)?.lastTransitionTime).toBe(at(1).toISOString());
    expect(second.leaseExpiresAt).toEqual(at(21));
  });

  it.each([
    [39, false],
    [40, true],
    [100, true],
  ])("a lease renewed at 0 s has lapsed at %i s: %s (10 s lease, 30 s grace)", (seconds, lapsed) => {
    const state = renew(fresh, 0).state;
    expect(leaseLapsed(state, at(seconds), settings)).toBe(lapsed);
  });

  it("goes Unknown with reason LeaseExpired and the unreachable taint when the lease lapses", () => {
    const { state, transition } = loseLeaseState(renew(fresh, 0).state, at(40));
    expect(available(state)).toMatchObject({ status: "Unknown", reason: "LeaseExpired" });
    expect(hasTaint(state.taints, UNREACHABLE_TAINT)).toBe(true);
    expect(state.leaseExpiresAt).toBeNull();
    expect(transition).toMatchObject({ type: "LeaseLost", details: { lastSeenSeconds: 40 } });
  });

  it("returns only after two renewals in a row, then clears the taint and records the outage", () => {
    const lost = loseLeaseState(renew(fresh, 0).state, at(40)).state;
    const once = renew(lost, 100);
    expect(once.transition).toBeUndefined();
    expect(available(once.state)?.status).toBe("Unknown");
    expect(once.state.renewalStreak).toBe(1);
    const twice = renew(once.state, 110);
    expect(twice.transition).toMatchObject({ type: "LeaseRegained", details: { outageSeconds: 70 } });
    expect(available(twice.state)).toMatchObject({
      status: "True",
      lastTransitionTime: at(110).toISOString(),
    });
    expect(hasTaint(twice.state.taints, UNREACHABLE_TAINT)).toBe(false);
    expect(twice.state.leaseLostAt).toBeNull();
  });

  it("does not count renewals further apart than lease + grace as in a row (flapping)", () => {
    const lost = loseLeaseState(renew(fresh, 0).state, at(40)).state;
    const once = renew(lost, 100).state;
    const lateAgain = renew(once, 141);
    expect(lateAgain.transition).toBeUndefined();
    expect(lateAgain.state.renewalStreak).toBe(1);
  });

  it("a return streak broken by another lapse starts over and records no second loss", () => {
    const lost = loseLeaseState(renew(fresh, 0).state, at(40)).state;
    const once = renew(lost, 100).state;
    const lapsedAgain = loseLeaseState(once, at(140));
    expect(lapsedAgain.transition).toBeUndefined();
    expect(lapsedAgain.state.renewalStreak).toBe(0);
    expect(lapsedAgain.state.leaseLostAt).toEqual(at(40));
  });

  it("reports a cluster without ready nodes as Available=False while its lease is live", () => {
    expect(available(renew(fresh, 0, 0).state)).toMatchObject({ status: "False", reason: "NoReadyNodes" });
  });

  it("says so when the agent never renewed after registering", () => {
    expect(loseLeaseState(fresh, at(40)).transition?.message).toMatch(/never renewed/);
  });
});
