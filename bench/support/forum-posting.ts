import { setTimeout as sleep } from "node:timers/promises";
import { percentile } from "./percentile.js";

const REPLY = `mutation Reply($input: ReplyToForumTopicInput!) { replyToForumTopic(input: $input) { post { number } } }`;

/** One reply sent over HTTP: how long it took and how it ended. */
export interface ReplyOutcome {
  ms: number;
  /** `ok`, a GraphQL error code (e.g. `RATE_LIMITED`) or `HTTP <status>` / `network`. */
  outcome: string;
  number?: number;
}

/** Sends one reply as the holder of `token`; never throws (the outcome says what went wrong). */
export async function sendReply(
  url: string,
  token: string,
  topicId: string,
  markdown: string,
): Promise<ReplyOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: REPLY, variables: { input: { topicId, markdown } } }),
    });
    const body = (await response.json()) as {
      data?: { replyToForumTopic?: { post: { number: number } } | null };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const ms = performance.now() - started;
    const number = body.data?.replyToForumTopic?.post.number;
    if (number !== undefined) return { ms, outcome: "ok", number };
    return { ms, outcome: body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}` };
  } catch {
    return { ms: performance.now() - started, outcome: "network" };
  }
}

/** What a paced posting run achieved. */
export interface PostingRun {
  targetPerSecond: number;
  seconds: number;
  sent: number;
  /** Ticks skipped because `maxInFlight` replies were already waiting (the hub could not keep up). */
  skipped: number;
  ok: number;
  achievedPerSecond: number;
  outcomes: Record<string, number>;
  latencyP50: number;
  latencyP95: number;
  latencyMax: number;
  highestNumber: number;
}

/**
 * Replies to `topicId` at `perSecond` for `seconds` (open loop: one reply every 1/perSecond s whatever the
 * answers, rotating through `tokens`), with at most `maxInFlight` unanswered replies: past that, ticks are counted
 * as skipped instead of piling up requests. Waits for the replies in flight before returning.
 */
export async function runPostingLoad(options: {
  url: string;
  topicId: string;
  tokens: readonly string[];
  perSecond: number;
  seconds: number;
  maxInFlight: number;
}): Promise<PostingRun> {
  const { url, topicId, tokens, perSecond, seconds, maxInFlight } = options;
  const results: ReplyOutcome[] = [];
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;
  let skipped = 0;
  for (let tick = 0; tick < perSecond * seconds; tick++) {
    const due = started + (tick * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (pending.size >= maxInFlight) {
      skipped++;
      continue;
    }
    const markdown = `Reply ${tick} of the posting benchmark at ${Date.now()}: the upgrade went through on node ${tick % 7}.`;
    const reply = sendReply(url, tokens[sent % tokens.length], topicId, markdown).then((outcome) => {
      results.push(outcome);
      pending.delete(reply);
    });
    pending.add(reply);
    sent++;
  }
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(pending);
  const ok = results.filter((result) => result.outcome === "ok");
  const outcomes: Record<string, number> = {};
  for (const result of results) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
  const times = ok.map((result) => result.ms);
  return {
    targetPerSecond: perSecond,
    seconds: elapsed,
    sent,
    skipped,
    ok: ok.length,
    achievedPerSecond: ok.length / ((performance.now() - started) / 1000),
    outcomes,
    latencyP50: percentile(times, 50),
    latencyP95: percentile(times, 95),
    latencyMax: times.length ? Math.max(...times) : Number.NaN,
    highestNumber: Math.max(0, ...ok.map((result) => result.number ?? 0)),
  };
}
