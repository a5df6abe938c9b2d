import { describe, expect, it } from "vitest";
import { markdownPlainText } from "./markdown-plain-text.js";

describe("markdownPlainText", () => {
  it("keeps the words and code, drops markup, link targets and HTML", () => {
    const markdown = [
      "## Address *pools*",
      "",
      "Use [MetalLB](https://metallb.io/docs) with `IPAddressPool` <b>now</b>.",
      "",
      "- one",
      "- **two**",
      "",
      "```yaml",
      "kind: IPAddressPool",
      "```",
      "",
      ":::warning Careful",
      "Do not <script>alert(1)</script> overlap ranges.",
      ":::",
      "",
      "| a | b |",
      "|---|---|",
      "| c | d |",
      "",
      "![diagram of layer 2](img.png)",
    ].join("\n");
    expect(markdownPlainText(markdown)).toBe(
      [
        "Address pools",
        "Use MetalLB with IPAddressPool now.",
        "one",
        "two",
        "kind: IPAddressPool",
        "Careful Do not alert(1) overlap ranges.",
        "a",
        "b",
        "c",
        "d",
        "diagram of layer 2",
      ].join("\n"),
    );
  });

  it("answers an empty string for empty input", () => {
    expect(markdownPlainText("")).toBe("");
  });
});
