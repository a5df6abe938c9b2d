import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { toGlobalId } from "../server/graphql/global-id.js";
import type { MemberCluster } from "../server/modules/clusters/member-cluster.entity.js";
import { type Cooperative, CooperativeEntity } from "../server/modules/cooperatives/cooperative.entity.js";
import { decayedIntervalSeconds } from "../server/modules/placement/ledger/decayed-interval.js";
import { fairShareFactor } from "../server/modules/placement/ledger/fair-share.js";
import { buildAcceptedCluster } from "./support/cluster-factories.js";
import { buildCaller, buildCooperative } from "./support/factories.js";
import { type Credentials, expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { buildPlacementWithWork } from "./support/placement-factories.js";
import { signIn } from "./support/sign-in.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const GIB = 1024 ** 3;
const HOUR = 3600;
/** "Now" for every figure: sessions are made at the real time first, then the clock moves here. */
const NOW = new Date("2026-11-25T08:00:00Z");
const at = (iso: string) => new Date(iso);

const STATEMENT = `query Statement($cooperativeId: ID!, $month: String!) {
  ledgerStatement(cooperativeId: $cooperativeId, month: $month) {
    cooperative { slug } month csvUrl providedEquivalentSeconds consumedEquivalentSeconds
    provided { provider { slug } consumer { slug } coreSeconds memoryGibSeconds storageGibSeconds gpuSeconds equivalentSeconds }
    consumed { provider { slug } consumer { slug } coreSeconds memoryGibSeconds storageGibSeconds gpuSeconds equivalentSeconds }
  }
}`;
const DAYS = `query Days($cooperativeId: ID!, $from: String!, $to: String!) {
  ledgerDays(cooperativeId: $cooperativeId, from: $from, to: $to) { day providedEquivalentSeconds consumedEquivalentSeconds }
}`;
const STANDINGS = `{ fairShareStandings { cooperative { slug } provided used factor } }`;

interface Line {
  provider: { slug: string };
  consumer: { slug: string };
  coreSeconds: number;
  memoryGibSeconds: number;
  storageGibSeconds: number;
  gpuSeconds: number;
  equivalentSeconds: number;
}
interface Statement {
  cooperative: { slug: string };
  month: string;
  csvUrl: string;
  providedEquivalentSeconds: number;
  consumedEquivalentSeconds: number;
  provided: Line[];
  consumed: Line[];
}

let hub: TestHub;
const clock = new ManualClock(new Date());
let green: Cooperative;
let campus: Cooperative;
let other: Cooperative;
let ada: Credentials;
let milo: Credentials;
let outsider: Credentials;
let steward: Credentials;
let newcomer: Credentials;

beforeAll(async () => {
  hub = await startTestHub({ clock, env: { DEMO_SEED: "true" } });
  const dataSource = hub.database.dataSource;
  ada = { cookie: (await signIn(hub.url, "demo-ada-admin")).cookie };
  milo = { cookie: (await signIn(hub.url, "demo-milo-member")).cookie };
  newcomer = { cookie: (await signIn(hub.url, "demo-nia-newcomer")).cookie };
  clock.set(NOW);
  green = await dataSource.manager.findOneByOrFail(CooperativeEntity, { slug: "green-hosting" });
  campus = await dataSource.manager.findOneByOrFail(CooperativeEntity, { slug: "campus-cloud" });
  const outsiderCaller = await buildCaller(dataSource);
  other = await buildCooperative(dataSource, { admins: [outsiderCaller.person] });
  outsider = { token: outsiderCaller.token };
  steward = { token: (await buildCaller(dataSource, { hubRoles: ["steward"] })).token };

  const greenCluster = (await buildAcceptedCluster(dataSource, { cooperative: green, now: NOW })).cluster;
  const campusCluster = (await buildAcceptedCluster(dataSource, { cooperative: campus, now: NOW })).cluster;
  const place = (cooperative: Cooperative, cluster: MemberCluster, spec: Record<string, unknown>) =>
    buildPlacementWithWork(dataSource, {
      cooperative,
      createdById: outsiderCaller.person.id,
      work: [{ cluster, ...spec }],
    });
  // Campus on green's cluster across the October/November boundary: 2 h in each month, 2 cores.
  await place(campus, greenCluster, {
    reservation: { cpu: 2000 },
    availableSince: at("2026-10-31T22:00:00Z"),
    removalRequestedAt: at("2026-11-01T02:00:00Z"),
  });
  // Campus on green's cluster, still running since yesterday 08:00: 1 core and 4 GiB.
  await place(campus, greenCluster, {
    reservation: { cpu: 1000, memory: 4 * GIB },
    availableSince: at("2026-11-24T08:00:00Z"),
  });
  // Green on campus's cluster: one GPU for an hour, released without a removal request.
  await place(green, campusCluster, {
    reservation: { "gpu:nvidia-a100": 1, "storage:ssd": 100 * GIB },
    availableSince: at("2026-11-10T00:00:00Z"),
    releasedAt: at("2026-11-10T01:00:00Z"),
  });
  // Not in the ledger: green on its own cluster, and work that never became Available.
  await place(green, greenCluster, {
    reservation: { cpu: 8000 },
    availableSince: at("2026-11-02T00:00:00Z"),
  });
  await place(campus, greenCluster, { reservation: { cpu: 8000 }, availableSince: null });
});
afterAll(() => hub?.stop());

const id = (cooperative: Cooperative) => toGlobalId("Cooperative", cooperative.id);

async function statement(cooperative: Cooperative, month: string, credentials: Credentials = ada) {
  const result = await graphql<{ ledgerStatement: Statement }>(
    hub.url,
    STATEMENT,
    { cooperativeId: id(cooperative), month },
    credentials,
  );
  return expectData(result).ledgerStatement;
}

describe("Monthly statements", () => {
  it("sum each counterparty's resource-seconds inside the month, open work until now", async () => {
    const november = await statement(green, "2026-11");
    const providedSeconds = 2 * 2 * HOUR + 24 * HOUR;
    expect(november.provided).toEqual([
      {
        provider: { slug: "green-hosting" },
        consumer: { slug: "campus-cloud" },
        coreSeconds: providedSeconds,
        memoryGibSeconds: 4 * 24 * HOUR,
        storageGibSeconds: 0,
        gpuSeconds: 0,
        equivalentSeconds: providedSeconds + 0.25 * 4 * 24 * HOUR,
      },
    ]);
    expect(november.consumed).toEqual([
      {
        provider: { slug: "campus-cloud" },
        consumer: { slug: "green-hosting" },
        coreSeconds: 0,
        memoryGibSeconds: 0,
        storageGibSeconds: 100 * HOUR,
        gpuSeconds: HOUR,
        equivalentSeconds: expect.closeTo(20 * HOUR + 0.01 * 100 * HOUR, 6),
      },
    ]);
    expect(november.providedEquivalentSeconds).toBe(november.provided[0].equivalentSeconds);
    expect(november.consumedEquivalentSeconds).toBeCloseTo(21 * HOUR, 6);
    expect(november.csvUrl).toBe(`${hub.url}/ledger/green-hosting/2026-11.csv`);
  });

  it("counts the part of an interval before the month in the previous month, and nothing in later months", async () => {
    const october = await statement(green, "2026-10");
    expect(october.provided.map((line) => line.coreSeconds)).toEqual([2 * 2 * HOUR]);
    expect(october.consumed).toEqual([]);
    const december = await statement(green, "2026-12");
    expect(december).toMatchObject({ provided: [], consumed: [], providedEquivalentSeconds: 0 });
  });

  it("grows with the injected clock while work runs", async () => {
    clock.set(new Date(NOW.getTime() + HOUR * 1000));
    try {
      const later = await statement(green, "2026-11");
      expect(later.provided[0].coreSeconds).toBe(2 * 2 * HOUR + 25 * HOUR);
    } finally {
      clock.set(NOW);
    }
  });

  it("shows the consumer the mirror image, and stewards any cooperative's", async () => {
    const campusNovember = await statement(campus, "2026-11", milo);
    expect(campusNovember.consumed.map((line) => [line.provider.slug, line.coreSeconds])).toEqual([
      ["green-hosting", 2 * 2 * HOUR + 24 * HOUR],
    ]);
    expect(campusNovember.provided.map((line) => [line.consumer.slug, line.gpuSeconds])).toEqual([
      ["green-hosting", HOUR],
    ]);
    expect((await statement(green, "2026-11", steward)).provided).toHaveLength(1);
  });

  it("refuses anonymous callers, non-members, unknown cooperatives and bad months with typed errors", async () => {
    const ask = (variables: Record<string, unknown>, credentials: Credentials = {}) =>
      graphql(hub.url, STATEMENT, { cooperativeId: id(green), month: "2026-11", ...variables }, credentials);
    expectErrorCode(await ask({}), "UNAUTHENTICATED");
    expectErrorCode(await ask({}, outsider), "FORBIDDEN");
    expectErrorCode(await ask({}, milo), "FORBIDDEN");
    expectErrorCode(
      await ask({ cooperativeId: toGlobalId("Cooperative", "00000000-0000-4000-8000-000000000000") }, ada),
      "NOT_FOUND",
    );
    const pending = await hub.database.dataSource.manager.findOneByOrFail(CooperativeEntity, {
      slug: "odoo-collective",
    });
    expectErrorCode(await ask({ cooperativeId: id(pending) }, milo), "NOT_FOUND");
    for (const month of ["2026-13", "2026-1", "2026-11-01", "November"]) {
      const result = await ask({ month }, ada);
      expectErrorCode(result, "BAD_USER_INPUT");
      expect(result.errors?.[0].extensions?.field).toBe("month");
    }
    expectErrorCode(await ask({ cooperativeId: "not-an-id" }, ada), "BAD_USER_INPUT");
  });
});

describe("Daily given vs used", () => {
  it("splits at UTC midnight and counts today until now", async () => {
    const result = await graphql<{ ledgerDays: unknown[] }>(
      hub.url,
      DAYS,
      { cooperativeId: id(green), from: "2026-11-23", to: "2026-11-26" },
      ada,
    );
    expect(expectData(result).ledgerDays).toEqual([
      { day: "2026-11-23", providedEquivalentSeconds: 0, consumedEquivalentSeconds: 0 },
      { day: "2026-11-24", providedEquivalentSeconds: 16 * HOUR * 2, consumedEquivalentSeconds: 0 },
      { day: "2026-11-25", providedEquivalentSeconds: 8 * HOUR * 2, consumedEquivalentSeconds: 0 },
      { day: "2026-11-26", providedEquivalentSeconds: 0, consumedEquivalentSeconds: 0 },
    ]);
  });

  it("refuses reversed or longer than 366-day ranges, malformed days and non-members", async () => {
    const ask = (from: string, to: string, credentials: Credentials = ada) =>
      graphql(hub.url, DAYS, { cooperativeId: id(green), from, to }, credentials);
    expectErrorCode(await ask("2025-11-01", "2026-11-02"), "BAD_USER_INPUT");
    expectErrorCode(await ask("2026-11-02", "2026-11-01"), "BAD_USER_INPUT");
    expectErrorCode(await ask("2026-11-31", "2026-12-01"), "BAD_USER_INPUT");
    expect(expectData(await ask("2025-11-27", "2026-11-27")).ledgerDays).toHaveLength(366);
    expectErrorCode(await ask("2026-11-01", "2026-11-02", outsider), "FORBIDDEN");
    expectErrorCode(await ask("2026-11-01", "2026-11-02", {}), "UNAUTHENTICATED");
  });
});

describe("Fair-share standings", () => {
  it("list every approved cooperative with decayed S and U and F = 2^(-U/S), highest F first", async () => {
    const result = await graphql<{
      fairShareStandings: Array<{
        cooperative: { slug: string };
        provided: number;
        used: number;
        factor: number;
      }>;
    }>(hub.url, STANDINGS, {}, milo);
    const standings = expectData(result).fairShareStandings;
    expect(standings.map((standing) => standing.cooperative.slug)).toEqual([
      other.slug,
      "green-hosting",
      "campus-cloud",
    ]);
    const [idle, giver, taker] = standings;
    expect(idle).toMatchObject({ provided: 0, used: 0, factor: 1 });
    // Green and campus only trade with each other: one's S is the other's U.
    expect(giver.provided).toBeCloseTo(taker.used, 6);
    expect(giver.used).toBeCloseTo(taker.provided, 6);
    expect(giver.provided).toBeGreaterThan(giver.used);
    for (const standing of standings) expect(standing.factor).toBeCloseTo(fairShareFactor(standing), 12);
    // The database's closed form agrees with the pure one over the rows built above.
    const decayed = (rate: number, from: string, to: string | null) =>
      decayedIntervalSeconds(rate, at(from), to ? at(to) : NOW, NOW);
    expect(giver.provided).toBeCloseTo(
      decayed(2, "2026-10-31T22:00:00Z", "2026-11-01T02:00:00Z") + decayed(2, "2026-11-24T08:00:00Z", null),
      6,
    );
    expect(giver.used).toBeCloseTo(decayed(21, "2026-11-10T00:00:00Z", "2026-11-10T01:00:00Z"), 6);
  });

  it("are for members of approved cooperatives and stewards only", async () => {
    expectErrorCode(await graphql(hub.url, STANDINGS), "UNAUTHENTICATED");
    expectErrorCode(await graphql(hub.url, STANDINGS, {}, newcomer), "FORBIDDEN");
    expect(expectData(await graphql(hub.url, STANDINGS, {}, steward))).toBeTruthy();
  });
});

describe("CSV download", () => {
  const csvUrl = (slug: string, month: string) => `${hub.url}/ledger/${slug}/${month}.csv`;
  const download = (url: string, credentials: Credentials = {}) =>
    fetch(url, {
      headers: {
        ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
        ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
      },
    });

  it("sends the statement as an attachment to a member signed in with the browser session", async () => {
    const response = await download((await statement(green, "2026-11")).csvUrl, ada);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="ledger-green-hosting-2026-11.csv"',
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect((await response.text()).split("\r\n")).toEqual([
      "month,direction,counterparty_slug,counterparty_name,core_seconds,memory_gib_seconds,storage_gib_seconds,gpu_seconds,equivalent_seconds",
      "2026-11,provided,campus-cloud,Campus Cloud,100800.000,345600.000,0.000,0.000,187200.000",
      "2026-11,consumed,campus-cloud,Campus Cloud,0.000,0.000,360000.000,3600.000,75600.000",
      "",
    ]);
  });

  it("answers stewards and API tokens, and refuses others with the API's codes", async () => {
    expect((await download(csvUrl("green-hosting", "2026-11"), steward)).status).toBe(200);
    const refusals: Array<[string, Credentials, number, string]> = [
      [csvUrl("green-hosting", "2026-11"), {}, 401, "UNAUTHENTICATED"],
      [csvUrl("green-hosting", "2026-11"), milo, 403, "FORBIDDEN"],
      [csvUrl("green-hosting", "2026-11"), outsider, 403, "FORBIDDEN"],
      [csvUrl("no-such-cooperative", "2026-11"), ada, 404, "NOT_FOUND"],
      [csvUrl("odoo-collective", "2026-11"), milo, 404, "NOT_FOUND"],
      [csvUrl("green-hosting", "2026-13"), ada, 400, "BAD_USER_INPUT"],
      [csvUrl("green-hosting", "2026-11-01"), ada, 400, "BAD_USER_INPUT"],
    ];
    for (const [url, credentials, status, code] of refusals) {
      const response = await download(url, credentials);
      expect([url, response.status]).toEqual([url, status]);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });
});
