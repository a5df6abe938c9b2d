import { describe, expect, it } from "vitest";
import { countChanges, lineDiff, renderDiffHtml } from "./diff-text.js";

describe("Line diff", () => {
  it("finds no hunks between equal texts", () => {
    expect(lineDiff("a\nb\n", "a\nb\n")).toEqual([]);
  });

  it("numbers context, removed and added lines in both versions", () => {
    expect(lineDiff("one\ntwo\nthree\n", "one\n2\nthree\n")).toEqual([
      {
        oldStart: 1,
        oldLines: 3,
        newStart: 1,
        newLines: 3,
        lines: [
          { kind: "context", text: "one", oldNumber: 1, newNumber: 1 },
          { kind: "removed", text: "two", oldNumber: 2, newNumber: null },
          { kind: "added", text: "2", oldNumber: null, newNumber: 2 },
          { kind: "context", text: "three", oldNumber: 3, newNumber: 3 },
        ],
      },
    ]);
  });

  it("splits distant changes into hunks with the given context", () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join("\n");
    const after = before.replace("line 2\n", "line two\n").replace("line 19\n", "line nineteen\n");
    const hunks = lineDiff(before, after, { context: 1 });
    expect(hunks.map((hunk) => [hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines])).toEqual([
      [1, 3, 1, 3],
      [18, 3, 18, 3],
    ]);
  });

  it.each([
    ["Windows line endings", "a\r\nb\r\n", "a\nb\n"],
    ["a missing final newline", "a\nb", "a\nb\n"],
  ])("ignores %s", (_case, before, after) => {
    expect(lineDiff(before, after)).toEqual([]);
  });

  it("diffs from an empty text", () => {
    expect(lineDiff("", "new\n")).toEqual([
      {
        oldStart: 1,
        oldLines: 0,
        newStart: 1,
        newLines: 1,
        lines: [{ kind: "added", text: "new", oldNumber: null, newNumber: 1 }],
      },
    ]);
  });

  it("numbers a pure insertion without context from where it lands", () => {
    expect(lineDiff("a\nb\n", "a\nx\nb\n", { context: 0 })).toEqual([
      {
        oldStart: 2,
        oldLines: 0,
        newStart: 2,
        newLines: 1,
        lines: [{ kind: "added", text: "x", oldNumber: null, newNumber: 2 }],
      },
    ]);
  });

  it("counts added and removed lines", () => {
    expect(countChanges(lineDiff("a\nb\nc\n", "a\nx\ny\n"))).toEqual({ added: 2, removed: 2 });
  });
});

describe("Diff HTML", () => {
  it("says when nothing changed", () => {
    expect(renderDiffHtml([])).toBe('<p class="diff-empty">No changes</p>\n');
  });

  it("renders a hunk as table rows with line numbers", () => {
    const html = renderDiffHtml(lineDiff("a\nb\n", "a\nc\n"));
    expect(html).toContain('<tr class="diff-hunk-header"><th colspan="4">@@ -1,2 +1,2 @@</th></tr>');
    expect(html).toContain(
      '<tr class="diff-line diff-removed"><td class="diff-old-number">2</td><td class="diff-new-number"></td>' +
        '<td class="diff-marker">-</td><td class="diff-text"><del>b</del></td></tr>',
    );
    expect(html).toContain('<td class="diff-text"><ins>c</ins></td>');
  });

  it.each([
    ["an insertion", "a\nb\n", "a\nx\nb\n", "@@ -1,0 +2,1 @@"],
    ["a deletion", "a\nx\nb\n", "a\nb\n", "@@ -2,1 +1,0 @@"],
    ["a new text", "", "new\n", "@@ -0,0 +1,1 @@"],
  ])("writes unified hunk headers for %s", (_case, before, after, header) => {
    expect(renderDiffHtml(lineDiff(before, after, { context: 0 }))).toContain(
      `<th colspan="4">${header}</th>`,
    );
  });

  it("escapes every piece of text", () => {
    const html = renderDiffHtml(
      lineDiff("safe\n", '<script>alert("x")</script>\n<img src=x onerror=alert(1)>\n'),
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});
