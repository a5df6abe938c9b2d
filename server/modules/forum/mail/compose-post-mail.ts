import type { EntityManager } from "typeorm";
import { escapeHtml } from "../../../markdown/index.js";
import type { ForumAudience } from "../forum-category.entity.js";
import { filterAudience } from "../forum-recipients.js";
import type { ForumMailOutbox, StoredMessage } from "./forum-mail.entity.js";
import { excerpt, forumTopicUrl, layoutMessage, type MailContext } from "./mail-layout.js";

interface PostMailRow {
  email: string | null;
  email_mentions: boolean | null;
  email_replies: boolean | null;
  topic_id: string;
  title: string;
  slug: string;
  topic_hidden: boolean;
  number: number;
  markdown: string;
  html: string;
  post_hidden: boolean;
  actor_handle: string | null;
  read_audience: ForumAudience;
}

/**
 * The email of a mention or reply, composed when it is delivered: null (skip) when the post or topic was hidden
 * since, the recipient lost access to the category, switched this kind off or has no address any more.
 */
export async function composePostMail(
  manager: EntityManager,
  context: MailContext,
  row: ForumMailOutbox,
): Promise<StoredMessage | null> {
  const [found] = (await manager.query(
    `SELECT p.email, mp.email_mentions, mp.email_replies, t.id AS topic_id, t.title, t.slug, t.hidden AS topic_hidden,
       po.number, po.markdown, po.html, po.hidden AS post_hidden, a.handle AS actor_handle, c.read_audience
     FROM person p
     JOIN forum_post po ON po.id = $2
     JOIN forum_topic t ON t.id = po.topic_id
     JOIN forum_category c ON c.id = t.category_id
     LEFT JOIN person a ON a.id = po.author_id
     LEFT JOIN forum_mail_preference mp ON mp.person_id = p.id
     WHERE p.id = $1`,
    [row.personId, row.postId],
  )) as PostMailRow[];
  if (!found?.email || found.topic_hidden || found.post_hidden) return null;
  const wanted = row.kind === "mention" ? found.email_mentions : found.email_replies;
  if (wanted === false) return null;
  const readers = await filterAudience(manager, found.read_audience, [row.personId]);
  if (!readers.has(row.personId)) return null;

  const actor = `@${found.actor_handle ?? "someone"}`;
  const verb = row.kind === "mention" ? "mentioned you in" : "replied to you in";
  const link = `${forumTopicUrl(context, { id: found.topic_id, slug: found.slug })}#post-${found.number}`;
  return layoutMessage(context, {
    to: found.email,
    subject: `[Alliance Hub] ${actor} ${verb} "${found.title}"`,
    text: `${actor} ${verb} "${found.title}" (post #${found.number}):\n\n${excerpt(found.markdown)}\n\nOpen the post: ${link}`,
    html: `<p><strong>${escapeHtml(actor)}</strong> ${verb} <a href="${escapeHtml(link)}">${escapeHtml(
      found.title,
    )}</a> (post #${found.number}):</p><blockquote>${absoluteLinks(context, found.html)}</blockquote><p><a href="${escapeHtml(
      link,
    )}">Open the post</a></p>`,
    personId: row.personId,
    unsubscribe: row.kind === "mention" ? "mentions" : "replies",
    reason: row.kind === "mention" ? "you were mentioned on the forum" : "someone replied to your post",
  });
}

/** Hub-relative links and images of a post (mentions, quotes) would point nowhere in a mail client. */
function absoluteLinks(context: MailContext, html: string): string {
  return html.replace(
    / (href|src)="\/(?!\/)/g,
    (_match, attribute: string) => ` ${attribute}="${context.publicUrl}/`,
  );
}
