import { describe, expect, it } from "vitest";
import { matchMention } from "./mentions.js";
import { renderMarkdown } from "./render-markdown.js";

function mentionsIn(source: string) {
  const result = renderMarkdown(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.mentions;
}

describe("Mentions", () => {
  it.each([
    ["a person", "hi @ada", { people: ["ada"], cooperatives: [] }],
    ["a cooperative", "hi @coop:green-hosting", { people: [], cooperatives: ["green-hosting"] }],
    ["case-insensitively, once each", "@Ada @ada @ADA", { people: ["ada"], cooperatives: [] }],
    [
      "in order of first appearance",
      "@zoe @coop:b @ada @coop:a",
      { people: ["zoe", "ada"], cooperatives: ["b", "a"] },
    ],
    ["without trailing punctuation", "thanks @ada.", { people: ["ada"], cooperatives: [] }],
    ["handles with dots and dashes", "@ada.l-ove_1", { people: ["ada.l-ove_1"], cooperatives: [] }],
    ["the handle coop without a slug", "@coop and @coop: x", { people: ["coop"], cooperatives: [] }],
    ["inside headings and emphasis", "# Hi @ada\n\n*@bob*", { people: ["ada", "bob"], cooperatives: [] }],
  ])("finds %s", (_case, source, expected) => {
    expect(mentionsIn(source)).toEqual(expected);
  });

  it.each([
    ["e-mail addresses", "ada@example.org"],
    ["code spans", "`@ada`"],
    ["code blocks", "```\n@ada\n```"],
    ["link text", "[@ada](https://example.org)"],
    ["URL paths", "https://example.org/@ada"],
    ["escaped at signs", "\\@ada"],
    ["a lone at sign", "@ and @-"],
  ])("ignores %s", (_case, source) => {
    expect(mentionsIn(source)).toEqual({ people: [], cooperatives: [] });
  });

  it("links people and cooperatives to their pages", () => {
    const result = renderMarkdown("@ada @coop:green");
    expect(result.ok && result.html).toBe(
      '<p><a class="mention mention-person" href="/people/ada">@ada</a> ' +
        '<a class="mention mention-cooperative" href="/cooperatives/green">@coop:green</a></p>\n',
    );
  });

  it("uses the mentionHrefs option", () => {
    const result = renderMarkdown("@ada", {
      mentionHrefs: { person: (h) => `/u/${h}`, cooperative: (s) => `/c/${s}` },
    });
    expect(result.ok && result.html).toContain('href="/u/ada"');
  });

  it("accepts up to the limit of distinct mentions", () => {
    const source = Array.from({ length: 10 }, (_, index) => `@user${index}`).join(" ");
    expect(renderMarkdown(`${source} @user0`).ok).toBe(true);
  });

  it("returns an error, not an exception, above the limit", () => {
    const source = Array.from({ length: 6 }, (_, index) => `@user${index} @coop:c${index}`).join(" ");
    expect(renderMarkdown(source)).toEqual({
      ok: false,
      error: {
        code: "TOO_MANY_MENTIONS",
        message: "A post may mention at most 10 people or cooperatives; this one mentions 12.",
        limit: 10,
        count: 12,
      },
    });
  });

  it("honours the maxMentions option", () => {
    expect(renderMarkdown("@a @b", { maxMentions: 1 }).ok).toBe(false);
    expect(renderMarkdown("@a @b", { maxMentions: 2 }).ok).toBe(true);
  });
});

describe("matchMention", () => {
  it.each([
    ["@ada rest", { kind: "person", name: "ada", markup: "@ada" }],
    ["@coop:Green-1 rest", { kind: "cooperative", name: "green-1", markup: "@coop:Green-1" }],
    ["@-ada", undefined],
    ["ada", undefined],
  ])("reads %j", (text, expected) => {
    expect(matchMention(text)).toEqual(expected);
  });
});
