import { useCallback, useEffect, useRef, useState } from "react";
import { permalinkTarget, postPath } from "./forum-permalink.js";
import { usePostUrlTracking } from "./use-post-url-tracking.js";
import { POSTS_PER_PAGE, type TopicStream } from "./use-topic-stream.js";

/** How long after the page itself scrolls or a post is chosen the address bar is not moved by scrolling. */
const SETTLE_MS = 600;

/** The marked post of a topic page and the ways to change it. */
export interface PostTarget {
  /** The post opened by a permalink, chosen by its number link, or just posted (marked on the page). */
  target: number | null;
  /** Marks a loaded post and shows its permalink in the address bar, without scrolling. */
  select: (number: number) => void;
  /** Marks post `number` and scrolls to it, loading the topic from there unless `loaded`. */
  goTo: (number: number, loaded: boolean) => void;
}

/**
 * Permalinks on a topic page: opens at `startAt` (scrolled to, focused and marked), follows later navigations to
 * another post of the same topic (`postNumber` from the path), falls back to the end of the topic for a number past
 * the last post, and keeps the address bar on the post being read.
 */
export function usePostTarget(
  stream: TopicStream<{ path: string; highestPostNumber: number }, { number: number }>,
  startAt: number | null,
  postNumber: string | undefined,
): PostTarget {
  const { topic, posts, loading, openAt } = stream;
  const [target, setTarget] = useState(startAt);
  const scrollPending = useRef(startAt !== null);
  const settleUntil = useRef(0);
  const fellBack = useRef(false);
  const topicPath = topic?.path ?? null;
  usePostUrlTracking(
    topicPath,
    useCallback(() => performance.now() < settleUntil.current, []),
  );

  const goTo = useCallback(
    (number: number, loaded: boolean) => {
      setTarget(number);
      scrollPending.current = true;
      if (!loaded) void openAt(number);
    },
    [openAt],
  );

  const select = useCallback(
    (number: number) => {
      // The chosen post wins over a scroll still being tracked (the click may follow one).
      settleUntil.current = performance.now() + SETTLE_MS;
      setTarget(number);
      if (topicPath) window.history.replaceState(window.history.state, "", postPath(topicPath, number));
    },
    [topicPath],
  );

  // A navigation to another post of this topic (back, forward, a link) keeps the page and goes to that post.
  const requested = permalinkTarget(postNumber, "");
  const lastRequested = useRef(requested);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the requested number only
  useEffect(() => {
    if (requested === lastRequested.current) return;
    lastRequested.current = requested;
    if (requested !== null)
      goTo(
        requested,
        posts.some((post) => post.number === requested),
      );
  }, [requested]);

  // A permalink past the last post opens the end of the topic instead of an empty page (once).
  useEffect(() => {
    if (loading || !topic || posts.length > 0 || topic.highestPostNumber < 1 || fellBack.current) return;
    fellBack.current = true;
    setTarget(topic.highestPostNumber);
    scrollPending.current = true;
    void openAt(Math.max(1, topic.highestPostNumber - POSTS_PER_PAGE + 1));
  }, [loading, topic, posts.length, openAt]);

  // Once the target post is on the page: scroll to it, focus it, and show its permalink in the address bar.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `posts` is read through the DOM once they render
  useEffect(() => {
    if (!scrollPending.current || target === null || loading || !topicPath) return;
    const element = document.getElementById(`post-${target}`);
    if (!element) return;
    scrollPending.current = false;
    settleUntil.current = performance.now() + SETTLE_MS;
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
    const path = postPath(topicPath, target);
    if (window.location.pathname !== path || window.location.hash)
      window.history.replaceState(window.history.state, "", path);
  }, [target, posts, loading, topicPath]);

  return { target, select, goTo };
}
