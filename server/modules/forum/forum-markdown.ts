import { badUserInput } from "../../errors.js";
import { renderMarkdown } from "../../markdown/index.js";

/** A post rendered for storage, with what it mentions and quotes (for notifications). */
export interface RenderedPost {
  html: string;
  people: string[];
  cooperatives: string[];
  /** Numbers of the posts of the same topic it quotes (`> [!quote @ada post:12]`). */
  quotedPostNumbers: number[];
}

const QUOTED_POST = /<blockquote class="quote" data-post="(\d{1,9})"/g;

/**
 * Renders a post's Markdown once, at write time. More than 10 mentions is BAD_USER_INPUT on `input.markdown`,
 * with the renderer's limit and count in the problem message.
 */
export function renderPost(markdown: string, trustedHosts: readonly string[]): RenderedPost {
  const result = renderMarkdown(markdown, { trustedHosts: [...trustedHosts], breaks: true });
  if (!result.ok) {
    throw badUserInput(result.error.message, [{ field: "input.markdown", message: result.error.message }]);
  }
  const quoted = new Set<number>();
  for (const match of result.html.matchAll(QUOTED_POST)) quoted.add(Number(match[1]));
  return {
    html: result.html,
    people: result.mentions.people,
    cooperatives: result.mentions.cooperatives,
    quotedPostNumbers: [...quoted],
  };
}

/** The hosts whose links are the alliance's own: configured ones plus the hub itself. */
export function forumTrustedHosts(configured: readonly string[], publicUrl: string): string[] {
  return [...configured, new URL(publicUrl).hostname];
}
