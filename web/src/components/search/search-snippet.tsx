/**
 * A result snippet. The hub escapes everything in it except `<mark>` (server/modules/search/core/snippet.ts), so it
 * is the one place the web app renders HTML from the API.
 */
export function SearchSnippet({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the API guarantees escaped text with <mark> only
  return <p className="search-snippet" dangerouslySetInnerHTML={{ __html: html }} />;
}
