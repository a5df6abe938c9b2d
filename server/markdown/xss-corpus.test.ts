import { describe, expect, it } from "vitest";
import { findUnsafeMarkup, inspectHtml } from "./inspect-html.js";
import { renderMarkdown } from "./render-markdown.js";
import { ALLOWED_TAGS } from "./sanitize.js";
import { XSS_CORPUS } from "./xss-corpus.js";

function renderedHtml(markdown: string): string {
  const result = renderMarkdown(markdown, { permalinks: true, resolveLink: (href) => ({ href }) });
  if (!result.ok) throw new Error(result.error.message);
  return result.html;
}

describe("XSS corpus", () => {
  it("holds at least 40 distinct payloads", () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(XSS_CORPUS.map((payload) => payload.name)).size).toBe(XSS_CORPUS.length);
  });

  describe.each(XSS_CORPUS.map((payload) => [payload.name, payload.markdown]))("%s", (_name, markdown) => {
    it("renders to inert HTML", () => {
      expect(findUnsafeMarkup(renderedHtml(markdown))).toEqual([]);
    });

    it("renders only allowlisted tags", () => {
      const tags = inspectHtml(renderedHtml(markdown)).map((element) => element.tag);
      expect(tags.filter((tag) => !ALLOWED_TAGS.includes(tag))).toEqual([]);
    });
  });

  it("stays inert when the whole corpus is one document", () => {
    const document = XSS_CORPUS.map((payload) => payload.markdown).join("\n\n");
    expect(findUnsafeMarkup(renderedHtml(document))).toEqual([]);
  });
});
