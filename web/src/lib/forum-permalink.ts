/**
 * Post permalinks: `/forum/t/<slug>/<topic id>/<post number>` (Discourse's scheme, the topic URL plus the number).
 * Older links in mail, search results and notifications end in `#post-<number>`; both open the topic at that post.
 */

/** The permalink of post `number` of the topic at `topicPath` (`/forum/t/<slug>/<id>`). */
export function postPath(topicPath: string, number: number): string {
  return `${topicPath.replace(/\/$/, "")}/${number}`;
}

/** A positive whole post number from text, or null. */
function postNumber(text: string | undefined): number | null {
  if (!text || !/^\d{1,9}$/.test(text)) return null;
  const number = Number(text);
  return number >= 1 ? number : null;
}

/**
 * The post a topic page should open at: the number in the path (`.../<id>/110`), else a legacy `#post-110`
 * fragment, else null (the start of the topic).
 */
export function permalinkTarget(pathNumber: string | undefined, hash: string): number | null {
  return postNumber(pathNumber) ?? postNumber(/^#post-(\d+)$/.exec(hash)?.[1]);
}
