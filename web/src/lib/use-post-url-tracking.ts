import { useEffect } from "react";
import { postPath } from "./forum-permalink.js";

/** How far below the top of the window a post must start to count as the one being read (its scroll margin). */
const READING_LINE_PX = 24;

/** The post being read: the last one that starts above the reading line, or null above the first post. */
function postAtTop(): number | null {
  let number: number | null = null;
  for (const post of document.querySelectorAll<HTMLElement>("[data-post-number]")) {
    if (post.getBoundingClientRect().top > READING_LINE_PX) break;
    number = Number(post.dataset.postNumber);
  }
  return number;
}

/**
 * Keeps the address bar on the post being read while scrolling, as Discourse does, so copying the URL shares the
 * place. `replaceState`: no history entry per post and no navigation (the page is not rendered again). Post 1, or
 * the top of a topic loaded from its start, is the topic's own URL. `skip()` returning true (just after the page
 * scrolled to a permalink itself) leaves the URL alone.
 */
export function usePostUrlTracking(topicPath: string | null, skip: () => boolean): void {
  useEffect(() => {
    if (!topicPath) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      if (skip()) return;
      const number = postAtTop();
      const startsAtOne =
        document.querySelector("[data-post-number]")?.getAttribute("data-post-number") === "1";
      if (number === null && !startsAtOne) return;
      const path = number === null || number === 1 ? topicPath : postPath(topicPath, number);
      if (path !== window.location.pathname) window.history.replaceState(window.history.state, "", path);
    };
    const onScroll = () => {
      if (!frame) frame = window.requestAnimationFrame(update);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      if (frame) window.cancelAnimationFrame(frame);
    };
  }, [topicPath, skip]);
}
