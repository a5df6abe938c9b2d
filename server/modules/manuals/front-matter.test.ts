import { describe, expect, it } from "vitest";
import { formatFrontMatter, parsePageFile } from "./front-matter.js";

const FILE = "manuals/m/1.0/01-start/page.md";

describe("page front matter", () => {
  it("splits front matter and body, keeping the body byte for byte", () => {
    const source = `---\ntitle: "Edge: TLS"\norder: 3\nsummary: Certificates.\n---\n\n# Edge\n\nText.\n`;
    const parsed = parsePageFile(FILE, source);
    expect(parsed).toEqual({
      ok: true,
      frontMatter: { title: "Edge: TLS", order: 3, summary: "Certificates." },
      body: "\n# Edge\n\nText.\n",
      bodyStartLine: 6,
    });
    if (parsed.ok) expect(formatFrontMatter(parsed.frontMatter) + parsed.body).toBe(source);
  });

  it("reports a missing block, an unclosed block, bad values and unknown keys with their lines", () => {
    expect(parsePageFile(FILE, "# No front matter\n")).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    expect(parsePageFile(FILE, "---\ntitle: x\n")).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    const bad = parsePageFile(FILE, "---\ntitle: ''\norder: -1\nsummary: x\nauthor: me\n---\nBody\n");
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(
        bad.problems.map((problem) => [problem.line, problem.message.split(":")[1]?.trim().split(" ")[0]]),
      ).toEqual([
        [5, "unknown"],
        [2, "title"],
        [3, "order"],
      ]);
    }
    const broken = parsePageFile(FILE, "---\ntitle: [unclosed\norder: 1\n---\n");
    expect(broken).toMatchObject({ ok: false, problems: [{ file: FILE }] });
  });

  it("refuses front matter an export could not write back identically", () => {
    const reordered = parsePageFile(FILE, "---\norder: 1\ntitle: T\nsummary: S\n---\nBody\n");
    expect(reordered).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining("canonical") }],
    });
  });
});
