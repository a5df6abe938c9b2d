import { escapeHtml } from "../../../markdown/escape-html.js";
import type { ForumTopic } from "../forum-topic.entity.js";
import { topicPath } from "../forum-resolver-support.js";
import type { ForumSmallActionKind } from "./forum-small-action.entity.js";

const SENTENCES: Record<ForumSmallActionKind, (count: string) => string> = {
  split_to: (count) => `Moved ${count} to a new topic:`,
  split_from: (count) => `${count} were split from`,
  merged_into: (count) => `Merged ${count} into`,
  merged_from: (count) => `Merged ${count} from`,
};

/**
 * The readable text of a moderation note, as Markdown and as HTML (built here, escaped, rather than rendered: the
 * only user text in it is the other topic's title).
 */
export function smallActionText(
  kind: ForumSmallActionKind,
  postCount: number,
  other: ForumTopic,
): { markdown: string; html: string } {
  const count = postCount === 1 ? "1 post" : `${postCount} posts`;
  const sentence = SENTENCES[kind](count);
  const path = topicPath(other);
  const title = other.title.replace(/[[\]\\]/g, "\\$&");
  return {
    markdown: `${sentence} [${title}](${path})`,
    html: `<p>${escapeHtml(sentence)} <a href="${escapeHtml(path)}">${escapeHtml(other.title)}</a></p>`,
  };
}
