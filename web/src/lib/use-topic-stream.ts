import { useCallback, useEffect, useRef, useState } from "react";
import { type GraphqlError, graphqlRequest } from "./graphql.js";

/** Posts per request, as Discourse loads them: small answers whatever the length of the topic. */
export const POSTS_PER_PAGE = 50;
/** The API's largest page (`MAX_PAGE_SIZE`); refreshing a long loaded run takes several. */
const MAX_PAGE = 100;

/** The `posts` connection as the stream's query selects it. */
export interface PostsConnection<Post> {
  edges: Array<{ node: Post }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The posts loaded so far: a run of consecutive post numbers, and whether more follow. */
interface Run<Post> {
  posts: Post[];
  endCursor: string | null;
  hasMore: boolean;
}

type PageVariables = { first: number; after?: string | null; fromNumber?: number };

/** What the topic page gets: the topic, the loaded run of posts, and the ways to extend or reload it. */
export interface TopicStream<Topic, Post> {
  topic: Topic | null;
  posts: Post[];
  errors: GraphqlError[];
  loading: boolean;
  /** "earlier" or "more" while that page loads (its button is disabled meanwhile). */
  pending: "earlier" | "more" | null;
  hasEarlier: boolean;
  hasMore: boolean;
  loadEarlier: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Loads the topic again from post `number` (a permalink to a post outside the loaded run). */
  openAt: (number: number | null) => Promise<void>;
  /** Reloads the topic and the loaded run (after an action), and replies that arrived if the run reached the end. */
  refresh: () => Promise<void>;
}

/**
 * A topic page's posts, loaded 50 at a time around a starting post. `query` takes `$id`, `$withTopic`, `$first`,
 * `$after` and `$fromNumber`, selects the topic's own fields under `@include(if: $withTopic)` (so "Load more"
 * does not fetch them again) and `posts(first: $first, after: $after, fromNumber: $fromNumber)`.
 */
export function useTopicStream<Topic, Post extends { number: number }>(
  query: string,
  id: string,
  startAt: number | null,
): TopicStream<Topic, Post> {
  type Answer = { forumTopic: (Topic & { posts: PostsConnection<Post> }) | null };
  const [topic, setTopic] = useState<Topic | null>(null);
  const [run, setRun] = useState<Run<Post>>({ posts: [], endCursor: null, hasMore: false });
  const [errors, setErrors] = useState<GraphqlError[]>([]);
  const [loading, setLoading] = useState(true);
  const [pending, setPending] = useState<"earlier" | "more" | null>(null);
  const current = useRef(run);
  current.current = run;
  // Bumped by every full (re)load, so a page answered for an older run is dropped rather than spliced in.
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (page: PageVariables, withTopic: boolean) => {
      const response = await graphqlRequest<Answer>(query, { id, withTopic, ...page });
      setErrors(response.errors);
      return response.data?.forumTopic ?? null;
    },
    [query, id],
  );

  /** The topic and up to `count` posts from post `fromNumber`, in pages of at most 100. */
  const fetchRun = useCallback(
    async (fromNumber: number, count: number) => {
      const first = await fetchPage({ first: Math.min(count, MAX_PAGE), fromNumber }, true);
      if (!first) return null;
      const posts = first.posts.edges.map((edge) => edge.node);
      let info = first.posts.pageInfo;
      while (info.hasNextPage && posts.length < count) {
        const next = await fetchPage(
          { first: Math.min(count - posts.length, MAX_PAGE), after: info.endCursor },
          false,
        );
        if (!next) break;
        posts.push(...next.posts.edges.map((edge) => edge.node));
        info = next.posts.pageInfo;
      }
      return { topic: first as Topic, run: { posts, endCursor: info.endCursor, hasMore: info.hasNextPage } };
    },
    [fetchPage],
  );

  const load = useCallback(
    async (fromNumber: number, count: number) => {
      const mine = ++generation.current;
      const loaded = await fetchRun(fromNumber, count);
      if (mine !== generation.current) return;
      setTopic(loaded?.topic ?? null);
      if (loaded) setRun(loaded.run);
      setLoading(false);
    },
    [fetchRun],
  );

  const openAt = useCallback(
    async (number: number | null) => {
      setLoading(true);
      await load(number ?? 1, POSTS_PER_PAGE);
    },
    [load],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens once; later permalinks go through openAt
  useEffect(() => {
    void openAt(startAt);
  }, [openAt]);

  const refresh = useCallback(async () => {
    const { posts, hasMore } = current.current;
    // At the end of the topic, also pick up the replies posted since (one's own among them).
    await load(
      posts[0]?.number ?? 1,
      Math.max(POSTS_PER_PAGE, posts.length + (hasMore ? 0 : POSTS_PER_PAGE)),
    );
  }, [load]);

  const extend = useCallback(
    async (direction: "earlier" | "more", page: PageVariables) => {
      const mine = generation.current;
      setPending(direction);
      const answer = await fetchPage(page, false);
      setPending(null);
      if (!answer || mine !== generation.current) return;
      const nodes = answer.posts.edges.map((edge) => edge.node);
      setRun((previous) => {
        const firstNumber = previous.posts[0]?.number ?? 1;
        const lastNumber = previous.posts.at(-1)?.number ?? 0;
        if (direction === "earlier") {
          return {
            ...previous,
            posts: [...nodes.filter((post) => post.number < firstNumber), ...previous.posts],
          };
        }
        return {
          posts: [...previous.posts, ...nodes.filter((post) => post.number > lastNumber)],
          endCursor: answer.posts.pageInfo.endCursor ?? previous.endCursor,
          hasMore: answer.posts.pageInfo.hasNextPage,
        };
      });
    },
    [fetchPage],
  );

  const loadMore = useCallback(async () => {
    const { endCursor } = current.current;
    if (endCursor) await extend("more", { first: POSTS_PER_PAGE, after: endCursor });
  }, [extend]);

  const loadEarlier = useCallback(async () => {
    const firstNumber = current.current.posts[0]?.number ?? 1;
    const fromNumber = Math.max(1, firstNumber - POSTS_PER_PAGE);
    if (firstNumber > 1) await extend("earlier", { first: firstNumber - fromNumber, fromNumber });
  }, [extend]);

  return {
    topic,
    posts: run.posts,
    errors,
    loading,
    pending,
    hasEarlier: (run.posts[0]?.number ?? 1) > 1,
    hasMore: run.hasMore,
    loadEarlier,
    loadMore,
    openAt,
    refresh,
  };
}
