import { setTimeout as sleep } from "node:timers/promises";
import { encodeCursor } from "../server/graphql/connection.js";
import { loadBenchEnvironment, scenarioSelected } from "./support/bench-environment.js";
import type { ChildServer } from "./support/child-server.js";
import { type DetailedScenarioResult, formatDetailedTable } from "./support/detailed-report.js";
import { type FanoutWatch, openFanoutWatch } from "./support/forum-fanout-watch.js";
import { type PostingRun, runPostingLoad, sendReply } from "./support/forum-posting.js";
import { FORUM_QUERY, type ForumAnswer, TOPIC_QUERY, type TopicAnswer } from "./support/forum-queries.js";
import { expectGraphqlSuccess } from "./support/graphql-load.js";
import { graphqlTarget, runHttpLoad } from "./support/http-load.js";
import { mean } from "./support/percentile.js";
import {
  baselineRequestsPerSecond,
  formatMilliseconds,
  formatPercent,
  throughputRatio,
} from "./support/report.js";
import { writeResultsFile } from "./support/results-file.js";
import { seedForum } from "./support/seed-forum.js";
import { startBaselineServer, startBenchHub } from "./support/servers.js";

/**
 * Forum benchmark (issue 5): 100,000 posts in 5,000 topics (one with 5,000 replies), then the web app's hot reads
 * at 50 connections next to a bare Apollo Server (targets: p95 under 25 ms, at least 1,000 req/s), and posting at
 * 100 replies/s into the big topic, whose 1,000 watchers are notified, while the topic page is read.
 */
const P95_TARGET_MS = 25;
const RATE_TARGET = 1_000;
const POSTS_PER_SECOND = 100;
const PAGE = 50;
const PROBES = 5;

const environment = loadBenchEnvironment();
const load = { connections: 50, seconds: environment.seconds, warmupSeconds: environment.warmupSeconds };
const startedAt = new Date();
console.log(`forum: 50 connections, database ${environment.databaseUrl ? "PostgreSQL" : "PGlite"}`);

const seedStarted = performance.now();
// One reply a second per person (Discourse's 5 s would need 500 posters for 100 posts/s); the rest as configured.
const hub = await startBenchHub(environment, {
  seed: seedForum,
  hubEnv: { FORUM_POST_INTERVAL_SECONDS: "1" },
});
const seedSeconds = (performance.now() - seedStarted) / 1000;
const seed = hub.extra;
console.log(
  `  seeded ${seed.posts} posts in ${seed.topics} topics; hub up after ${seedSeconds.toFixed(1)} s`,
);

const deepStart = seed.bigTopicPosts - PAGE;
const READS = [
  { scenario: "latest list (/forum)", query: FORUM_QUERY, variables: { order: "LATEST", filter: {} } },
  {
    scenario: `category list (/forum?c=${seed.categorySlug})`,
    query: FORUM_QUERY,
    variables: { order: "LATEST", filter: { categorySlug: seed.categorySlug } },
  },
  {
    scenario: "topic page 1 (50 posts)",
    query: TOPIC_QUERY,
    variables: { id: seed.bigTopicId, first: PAGE },
  },
  {
    scenario: `topic deep page, after cursor (posts ${deepStart + 1}+)`,
    query: TOPIC_QUERY,
    variables: { id: seed.bigTopicId, first: PAGE, after: encodeCursor([deepStart]) },
  },
  {
    scenario: `topic permalink, fromNumber ${deepStart + 1}`,
    query: TOPIC_QUERY,
    variables: { id: seed.bigTopicId, first: PAGE, fromNumber: deepStart + 1 },
  },
  {
    scenario: "topic page 1 as the web sends it (100 posts)",
    query: TOPIC_QUERY,
    variables: { id: seed.bigTopicId, first: 100 },
  },
  {
    scenario: "topic page 1, signed in (Bearer)",
    query: TOPIC_QUERY,
    variables: { id: seed.bigTopicId, first: PAGE },
    token: hub.seed.token,
  },
];

async function check(read: (typeof READS)[number]): Promise<void> {
  const data = await expectGraphqlSuccess({
    url: hub.url,
    query: read.query,
    variables: read.variables,
    token: read.token,
  });
  if (read.query === TOPIC_QUERY) {
    const posts = (data as TopicAnswer).forumTopic?.posts.edges ?? [];
    const first =
      (read.variables.fromNumber as number | undefined) ?? (read.variables.after ? deepStart + 1 : 1);
    if (posts.length !== read.variables.first || posts[0].node.number !== first || !posts[0].node.html)
      throw new Error(`${read.scenario}: expected ${read.variables.first} posts from ${first}`);
  } else if ((data as ForumAnswer).forumTopics.edges.length !== PAGE) {
    throw new Error(`${read.scenario}: expected ${PAGE} topics`);
  }
}

async function measure(
  scenario: string,
  server: ChildServer,
  query: string,
  variables: object,
  token?: string,
) {
  process.stdout.write(`  ${scenario}: ${load.warmupSeconds}s warm-up + ${load.seconds}s...`);
  const result = await runHttpLoad(graphqlTarget(server.url, query, { ...variables }, token), {
    ...load,
    serverPid: server.pid,
  });
  process.stdout.write(
    ` ${Math.round(result.requestsPerSecond)} req/s, p95 ${formatMilliseconds(result.latencyP95)} ms\n`,
  );
  return { scenario, baseline: server !== hub, load: result };
}

/**
 * Single replies, one after the other, each by a poster who has not posted yet: their mean latency and, when
 * `watch` and `watchers` are given, the mean time from each answer until that many watchers are notified of it.
 */
async function probe(
  topicId: string,
  tokens: readonly string[],
  watch?: FanoutWatch,
  watchers = 0,
): Promise<{ replyMs: number; notifiedMs: number }> {
  const times: number[] = [];
  const delays: number[] = [];
  for (const token of tokens) {
    const reply = await sendReply(
      hub.url,
      token,
      topicId,
      `Probe ${Date.now()} ${Math.random()}: works for us.`,
    );
    if (reply.outcome !== "ok" || reply.number === undefined)
      throw new Error(`probe reply refused: ${reply.outcome}`);
    times.push(reply.ms);
    if (watch && watchers > 0) delays.push(await watch.waitForNotified(reply.number, watchers, 10_000));
  }
  return { replyMs: mean(times), notifiedMs: delays.length > 0 ? mean(delays) : Number.NaN };
}

let baseline: ChildServer | undefined;
const results: DetailedScenarioResult[] = [];
let posting: PostingRun | undefined;
let postingAlone: PostingRun | undefined;
let duringPosting: DetailedScenarioResult | undefined;
let fanOut = {
  quietMs: Number.NaN,
  watchedMs: Number.NaN,
  /** Mean ms from a single reply's answer until all watchers are notified of it (PostgreSQL only). */
  notifiedAfterReplyMs: Number.NaN,
  /** Ms from the end of the posting run until no fan-out is due any more (PostgreSQL only). */
  drainedAfterPostingMs: Number.NaN,
  notified: undefined as number | undefined,
};
let watch: FanoutWatch | undefined;
try {
  baseline = await startBaselineServer();
  for (const read of READS) await check(read);
  await expectGraphqlSuccess({ url: baseline.url, query: "{ hello }" });
  results.push(await measure("bare Apollo Server (before)", baseline, "{ hello }", {}));
  for (const read of READS) {
    if (scenarioSelected(environment, read.scenario))
      results.push(await measure(read.scenario, hub, read.query, read.variables, read.token));
  }
  results.push(await measure("bare Apollo Server (after)", baseline, "{ hello }", {}));

  if (scenarioSelected(environment, "posting")) {
    watch = await openFanoutWatch(hub.databaseConfig);
    const probeTokens = seed.posterTokens.slice(-2 * PROBES);
    const quiet = await probe(seed.quietTopicId, probeTokens.slice(0, PROBES));
    const watched = await probe(seed.bigTopicId, probeTokens.slice(PROBES), watch, seed.watchers);
    console.log(
      `  single reply: ${quiet.replyMs.toFixed(1)} ms without watchers, ${watched.replyMs.toFixed(1)} ms with ${seed.watchers}; all notified ${watched.notifiedMs.toFixed(1)} ms after the answer`,
    );
    const postingLoad = {
      url: hub.url,
      topicId: seed.bigTopicId,
      tokens: seed.posterTokens.slice(0, -2 * PROBES),
      perSecond: POSTS_PER_SECOND,
      seconds: load.seconds,
      maxInFlight: 50,
    };
    // Posting with no reads beside it: what the write path itself sustains on this machine.
    process.stdout.write(`  posting ${POSTS_PER_SECOND}/s for ${load.seconds}s alone...`);
    postingAlone = await runPostingLoad(postingLoad);
    console.log(
      ` ${postingAlone.achievedPerSecond.toFixed(1)} posts/s, reply p95 ${formatMilliseconds(postingAlone.latencyP95)} ms`,
    );
    if (watch) await watch.waitForDrained(60_000);
    await sleep(1_500); // past every poster's one-reply-a-second limit
    const topicPage = READS[2];
    process.stdout.write(
      `  posting ${POSTS_PER_SECOND}/s for ${load.seconds}s while reading the topic page...`,
    );
    const [postingRun, readRun] = await Promise.all([
      runPostingLoad(postingLoad),
      runHttpLoad(graphqlTarget(hub.url, topicPage.query, topicPage.variables), {
        connections: load.connections,
        seconds: load.seconds,
        warmupSeconds: 0,
        serverPid: hub.pid,
      }),
    ]);
    posting = postingRun;
    duringPosting = { scenario: `${topicPage.scenario}, while posting`, baseline: false, load: readRun };
    console.log(` ${postingRun.achievedPerSecond.toFixed(1)} posts/s`);
    fanOut = {
      quietMs: quiet.replyMs,
      watchedMs: watched.replyMs,
      notifiedAfterReplyMs: watched.notifiedMs,
      drainedAfterPostingMs: watch ? await watch.waitForDrained(60_000) : Number.NaN,
      notified: await watch?.notifiedOf(postingRun.highestNumber),
    };
  }
} finally {
  await watch?.close();
  await baseline?.stop();
  await hub.stop();
}

const table = duringPosting ? [...results, duringPosting] : results;
console.log(`\n${formatDetailedTable(table)}\n`);
const baselineRate = baselineRequestsPerSecond(results);
for (const result of table.filter((candidate) => !candidate.baseline)) {
  const { latencyP95: p95, requestsPerSecond: rate } = result.load;
  const verdict = p95 < P95_TARGET_MS && rate >= RATE_TARGET ? "meets" : "MISSES";
  console.log(
    `${verdict} p95 < ${P95_TARGET_MS} ms and >= ${RATE_TARGET} req/s: ${result.scenario} (p95 ${formatMilliseconds(p95)} ms, ${Math.round(rate)} req/s, ${formatPercent(throughputRatio(rate, baselineRate))} of baseline)`,
  );
}
if (postingAlone) {
  console.log(
    `posting alone: ${postingAlone.achievedPerSecond.toFixed(1)} of ${postingAlone.targetPerSecond} posts/s (${postingAlone.ok} ok of ${postingAlone.sent} sent, ${postingAlone.skipped} ticks skipped; outcomes ${JSON.stringify(postingAlone.outcomes)}); reply p50 ${formatMilliseconds(postingAlone.latencyP50)} ms, p95 ${formatMilliseconds(postingAlone.latencyP95)} ms`,
  );
}
if (posting) {
  console.log(
    `posting: ${posting.achievedPerSecond.toFixed(1)} of ${posting.targetPerSecond} posts/s (${posting.ok} ok of ${posting.sent} sent, ${posting.skipped} ticks skipped at 50 in flight; outcomes ${JSON.stringify(posting.outcomes)}); reply p50 ${formatMilliseconds(posting.latencyP50)} ms, p95 ${formatMilliseconds(posting.latencyP95)} ms, max ${formatMilliseconds(posting.latencyMax)} ms`,
  );
  console.log(
    `fan-out to ${seed.watchers} watchers: ${(fanOut.watchedMs - fanOut.quietMs).toFixed(1)} ms added to a reply (a single reply ${fanOut.watchedMs.toFixed(1)} ms vs ${fanOut.quietMs.toFixed(1)} ms in an unwatched topic); all watchers notified ${fanOut.notifiedAfterReplyMs.toFixed(1)} ms after a single reply's answer, and ${fanOut.drainedAfterPostingMs.toFixed(0)} ms after the posting run ended; ${fanOut.notified ?? "(not counted on PGlite)"} watchers' notifications point at the last post ${posting.highestNumber}`,
  );
}

const file = await writeResultsFile("forum", hub.databaseKind, startedAt, {
  settings: { ...load, hubLogLevel: environment.hubLogLevel, postsPerSecond: POSTS_PER_SECOND },
  seed: { ...seed, posterTokens: seed.posterTokens.length, seedAndStartSeconds: seedSeconds },
  targets: { p95Ms: P95_TARGET_MS, requestsPerSecond: RATE_TARGET },
  results: table.map((result) => ({
    ...result,
    ratio: throughputRatio(result.load.requestsPerSecond, baselineRate),
  })),
  posting,
  postingAlone,
  fanOut,
});
console.log(`results written to ${file}`);
