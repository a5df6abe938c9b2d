import { toGlobalId } from "../../../graphql/global-id.js";
import { escapeHtml, sanitizeRenderedHtml } from "../../../markdown/index.js";
import type { StoredMessage } from "./forum-mail.entity.js";
import { signUnsubscribeToken, type UnsubscribeTopic } from "./unsubscribe-token.js";

/** What every forum email needs to build its links. */
export interface MailContext {
  publicUrl: string;
  signingKey: string;
}

/** What one email says; the layout adds the footer, the unsubscribe link and headers. */
export interface MailContent {
  to: string;
  subject: string;
  /** Plain-text body, before the footer. */
  text: string;
  /** HTML body fragment before the footer; sanitised by the Markdown allowlist here. */
  html: string;
  personId: string;
  unsubscribe: UnsubscribeTopic;
  /** Why the person gets it, e.g. "you were mentioned". */
  reason: string;
}

const TOPIC_LABEL: Record<UnsubscribeTopic, string> = {
  mentions: "mention emails",
  replies: "reply emails",
  digest: "the digest",
};

/**
 * Wraps content into the delivered message: plain text and sanitised HTML with the same footer, and a
 * List-Unsubscribe header (RFC 2369) with one-click POST (RFC 8058) that turns off exactly this kind of email.
 */
export function layoutMessage(context: MailContext, content: MailContent): StoredMessage {
  const token = signUnsubscribeToken(context.signingKey, content.personId, content.unsubscribe);
  const unsubscribeUrl = `${context.publicUrl}/mail/unsubscribe?token=${token}`;
  const preferencesUrl = `${context.publicUrl}/forum/preferences`;
  const label = TOPIC_LABEL[content.unsubscribe];
  const text = [
    content.text.trimEnd(),
    "",
    "-- ",
    `You get this email because ${content.reason}.`,
    `Turn off ${label}: ${unsubscribeUrl}`,
    `All email settings: ${preferencesUrl}`,
    "",
  ].join("\n");
  const footer = `<hr><p>You get this email because ${escapeHtml(content.reason)}. <a href="${escapeHtml(
    unsubscribeUrl,
  )}">Turn off ${label}</a> · <a href="${escapeHtml(preferencesUrl)}">All email settings</a></p>`;
  const body = sanitizeRenderedHtml(`${content.html}${footer}`);
  return {
    to: content.to,
    subject: content.subject,
    text,
    html: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body>${body}</body></html>`,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}

/** Cuts long text at a line boundary so one huge post cannot make a huge email. */
export function excerpt(text: string, limit = 4_000): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf("\n", limit);
  return `${text.slice(0, cut > limit / 2 ? cut : limit)}\n…`;
}

/** A topic's absolute address in the web app (the same path as `ForumTopic.path`). */
export function forumTopicUrl(context: MailContext, topic: { id: string; slug: string }): string {
  return `${context.publicUrl}/forum/t/${topic.slug}/${toGlobalId("ForumTopic", topic.id)}`;
}
