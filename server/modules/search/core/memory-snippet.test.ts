import { describe, expect, it } from "vitest";
import { memorySnippetHtml } from "./memory-snippet.js";

describe("Reference provider snippets", () => {
  it("marks every chunk holding a matched word, punctuation included", () => {
    expect(memorySnippetHtml("Install MetalLB, then kube-proxy.", new Set(["metallb", "proxy"]))).toBe(
      "Install <mark>MetalLB,</mark> then <mark>kube-proxy.</mark>",
    );
  });

  it("escapes HTML around and inside marks", () => {
    expect(memorySnippetHtml("<b>zebra</b> & <i>x</i>", new Set(["zebra"]))).toBe(
      "<mark>&lt;b&gt;zebra&lt;/b&gt;</mark> &amp; &lt;i&gt;x&lt;/i&gt;",
    );
  });

  it("shows a window around the first match with ellipses", () => {
    const words = Array.from({ length: 100 }, (_, index) => `w${index}`);
    const html = memorySnippetHtml(words.join(" "), new Set(["w50"]));
    expect(html.startsWith("… w38 ")).toBe(true);
    expect(html).toContain("<mark>w50</mark>");
    expect(html.endsWith("w77 …")).toBe(true);
  });

  it("cannot be tricked by highlight markers in the body", () => {
    expect(memorySnippetHtml("a\u0002b\u0003c zebra", new Set(["zebra"]))).toBe("abc <mark>zebra</mark>");
  });

  it("falls back to the start of the body when nothing in it matched", () => {
    expect(memorySnippetHtml("Only the title matched <here>.", new Set(["absent"]))).toBe(
      "Only the title matched &lt;here&gt;.",
    );
  });
});
