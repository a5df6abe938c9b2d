import { describe, expect, it } from "vitest";
import { fenceLanguage, highlightCode } from "./highlight.js";

describe("Code highlighting", () => {
  it.each([
    ["ts", "ts"],
    ["YAML title=values.yaml", "yaml"],
    ["bash", "bash"],
    ["klingon", undefined],
    ["", undefined],
    ['js"onmouseover="x', undefined],
  ])("reads the language of info string %j as %j", (info, language) => {
    expect(fenceLanguage(info)).toBe(language);
  });

  it("escapes code without a language", () => {
    expect(highlightCode("<a href='x'>&</a>", undefined)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("escapes code inside highlighted output", () => {
    expect(highlightCode('echo "<b>"', "bash")).toContain("&lt;b&gt;");
  });
});
