import { type ReactNode, useLayoutEffect, useRef } from "react";
import "./forum.css";

/** The paging state the stream shows buttons for (from `useTopicStream`). */
export interface PostStreamPaging {
  hasEarlier: boolean;
  hasMore: boolean;
  pending: "earlier" | "more" | null;
  loadEarlier: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A topic's loaded posts between "Load earlier posts" (shown when the page opened at a permalink past the start)
 * and "Load more posts". Loading earlier posts keeps the post being read where it was on the screen.
 */
export function ForumPostStream<Post extends { number: number }>(props: {
  posts: Post[];
  paging: PostStreamPaging;
  renderPost: (post: Post) => ReactNode;
}) {
  const { posts, paging } = props;
  // The first post before "Load earlier" and its distance from the top of the window.
  const anchor = useRef<{ number: number; top: number } | null>(null);
  const firstNumber = posts[0]?.number;

  // Runs before paint: the posts above have been inserted, so scroll by exactly what they pushed the anchor down.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the first loaded post changes
  useLayoutEffect(() => {
    const kept = anchor.current;
    if (!kept) return;
    anchor.current = null;
    const element = document.getElementById(`post-${kept.number}`);
    if (element) window.scrollBy(0, element.getBoundingClientRect().top - kept.top);
  }, [firstNumber]);

  const loadEarlier = () => {
    const element = firstNumber ? document.getElementById(`post-${firstNumber}`) : null;
    if (element && firstNumber)
      anchor.current = { number: firstNumber, top: element.getBoundingClientRect().top };
    void paging.loadEarlier();
  };

  return (
    <div className="forum-post-stream">
      {paging.hasEarlier ? (
        <button
          type="button"
          className="button forum-load-button"
          onClick={loadEarlier}
          disabled={paging.pending !== null}
        >
          {paging.pending === "earlier" ? "Loading…" : "Load earlier posts"}
        </button>
      ) : null}
      <div className="stack">{posts.map((post) => props.renderPost(post))}</div>
      {paging.hasMore ? (
        <button
          type="button"
          className="button forum-load-button"
          onClick={() => void paging.loadMore()}
          disabled={paging.pending !== null}
        >
          {paging.pending === "more" ? "Loading…" : "Load more posts"}
        </button>
      ) : null}
    </div>
  );
}
