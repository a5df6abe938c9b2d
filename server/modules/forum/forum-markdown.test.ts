import { describe, expect, it } from "vitest";
import { HubError } from "../../errors.js";
import { forumTrustedHosts, renderPost } from "./forum-markdown.js";

describe("renderPost", () => {
  it("lists mentions and the numbers of quoted posts", () => {
    const rendered = renderPost("> [!quote @ada post:12]\n> quoted\n\nHi @bob and @coop:green-hosting", []);
    expect(rendered).toMatchObject({
      people: ["bob"],
      cooperatives: ["green-hosting"],
      quotedPostNumbers: [12],
    });
  });

  it("refuses more than ten mentions as BAD_USER_INPUT on input.markdown", () => {
    const crowd = Array.from({ length: 11 }, (_, index) => `@p${index}`).join(" ");
    expect(() => renderPost(crowd, [])).toThrowError(HubError);
    try {
      renderPost(crowd, []);
    } catch (error) {
      expect((error as HubError).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.markdown",
      });
    }
  });

  it("gives links to the hub itself and trusted hosts no rel, others nofollow ugc", () => {
    const hosts = forumTrustedHosts(["alliance.coop"], "https://hub.example:8443");
    const html = renderPost(
      "[a](https://hub.example/x) [b](https://docs.alliance.coop) [c](https://evil.example)",
      hosts,
    ).html;
    expect(html).toContain('<a href="https://hub.example/x">a</a>');
    expect(html).toContain('<a href="https://docs.alliance.coop">b</a>');
    expect(html).toContain('<a href="https://evil.example" rel="nofollow ugc noopener">c</a>');
  });
});
