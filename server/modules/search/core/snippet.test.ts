import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  HIGHLIGHT_START as START,
  HIGHLIGHT_STOP as STOP,
  highlightedTextToSafeHtml,
  plainSnippetHtml,
  stripHighlightMarkers,
} from "./snippet.js";

describe("Snippets from ts_headline", () => {
  it.each([
    { name: "plain text", input: "no highlight", html: "no highlight" },
    {
      name: "one highlight",
      input: `install ${START}MetalLB${STOP} first`,
      html: "install <mark>MetalLB</mark> first",
    },
    {
      name: "HTML in the source text",
      input: `<script>alert(1)</script> ${START}zebra${STOP} <b>bold</b>`,
      html: "&lt;script&gt;alert(1)&lt;/script&gt; <mark>zebra</mark> &lt;b&gt;bold&lt;/b&gt;",
    },
    {
      name: "HTML inside a highlight",
      input: `${START}<img src=x onerror=alert(1)>${STOP}`,
      html: "<mark>&lt;img src=x onerror=alert(1)&gt;</mark>",
    },
    { name: "quotes and ampersands", input: `a & b "c" 'd'`, html: "a &amp; b &quot;c&quot; &#39;d&#39;" },
    { name: "an already escaped entity", input: "&lt;", html: "&amp;lt;" },
    {
      name: "a literal <mark> in the source",
      input: "<mark>fake</mark>",
      html: "&lt;mark&gt;fake&lt;/mark&gt;",
    },
    { name: "a stray stop marker", input: `a${STOP}b`, html: "ab" },
    { name: "a nested start marker", input: `${START}a${START}b${STOP}c`, html: "<mark>ab</mark>c" },
    { name: "an unclosed highlight", input: `x ${START}open`, html: "x <mark>open</mark>" },
    {
      name: "other control characters",
      input: "bell\u0007 nul\u0000 tab\tline\n",
      html: "bell nul tab\tline\n",
    },
    {
      name: "two highlights",
      input: `${START}a${STOP} ${START}b${STOP}`,
      html: "<mark>a</mark> <mark>b</mark>",
    },
  ])("turns $name into safe HTML", ({ input, html }) => {
    expect(highlightedTextToSafeHtml(input)).toBe(html);
  });
});

describe("Snippets from Meilisearch _formatted", () => {
  it("uses custom pre and post tags", () => {
    const formatted = "<b>x</b> __HL__kubeadm__/HL__ & more";
    expect(highlightedTextToSafeHtml(formatted, { start: "__HL__", stop: "__/HL__" })).toBe(
      "&lt;b&gt;x&lt;/b&gt; <mark>kubeadm</mark> &amp; more",
    );
  });

  it("prefers the longer marker when one is a prefix of the other", () => {
    expect(highlightedTextToSafeHtml("[[a[[/b", { start: "[[", stop: "[[/" })).toBe("<mark>a</mark>b");
  });

  it.each([
    { start: "", stop: "x" },
    { start: "x", stop: "x" },
  ])("rejects unusable markers $start / $stop", (markers) => {
    expect(() => highlightedTextToSafeHtml("text", markers)).toThrow(RangeError);
  });
});

describe("Snippet helpers", () => {
  it("escapes the five HTML metacharacters", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });

  it("removes highlight markers from text before indexing", () => {
    expect(stripHighlightMarkers(`a${START}b${STOP}c`)).toBe("abc");
  });

  it("cuts a plain snippet at a word boundary and escapes it", () => {
    expect(plainSnippetHtml("alpha <beta> gamma delta", 14)).toBe("alpha &lt;beta&gt; …");
    expect(plainSnippetHtml("  short\n text ")).toBe("short text");
  });
});
