import { escapeHtml } from "../../markdown/index.js";

/** One entry of a feed. */
export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  publishedAt: Date;
  author: string;
  /** Sanitised HTML, escaped into the description. */
  html: string;
  category?: string;
}

/** A feed's channel. */
export interface FeedChannel {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  items: FeedItem[];
}

const xml = escapeHtml;

/** An RSS 2.0 document with an Atom self link (what Discourse serves and every reader understands). */
export function renderRss(channel: FeedChannel): string {
  const items = channel.items
    .map(
      (item) => `    <item>
      <title>${xml(item.title)}</title>
      <link>${xml(item.link)}</link>
      <guid isPermaLink="false">${xml(item.guid)}</guid>
      <pubDate>${item.publishedAt.toUTCString()}</pubDate>
      <dc:creator>${xml(item.author)}</dc:creator>${item.category ? `\n      <category>${xml(item.category)}</category>` : ""}
      <description>${xml(item.html)}</description>
    </item>`,
    )
    .join("\n");
  const updated = channel.items[0]?.publishedAt ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xml(channel.title)}</title>
    <link>${xml(channel.link)}</link>
    <atom:link href="${xml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
    <description>${xml(channel.description)}</description>
    <lastBuildDate>${updated.toUTCString()}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}
