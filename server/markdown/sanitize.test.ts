import { describe, expect, it } from "vitest";
import { findUnsafeMarkup } from "./inspect-html.js";
import { sanitizeRenderedHtml } from "./sanitize.js";

describe("Sanitiser", () => {
  it.each([
    ["script elements with their content", "<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"],
    ["style elements with their content", "<style>p{}</style><p>a</p>", "<p>a</p>"],
    ["event handlers", '<p onclick="alert(1)">a</p>', "<p>a</p>"],
    ["style attributes", '<p style="color:red">a</p>', "<p>a</p>"],
    ["javascript: hrefs", '<a href="javascript:alert(1)">a</a>', "<a>a</a>"],
    ["entity-encoded javascript: hrefs", '<a href="&#106;avascript:alert(1)">a</a>', "<a>a</a>"],
    ["vbscript: hrefs", '<a href="vbscript:x">a</a>', "<a>a</a>"],
    ["data: hrefs", '<a href="data:text/html,x">a</a>', "<a>a</a>"],
    ["protocol-relative hrefs", '<a href="//evil.org">a</a>', "<a>a</a>"],
    ["data: images", '<img src="data:image/png;base64,AA" alt="a" />', '<img alt="a" />'],
    ["mailto images", '<img src="mailto:a@b.org" alt="a" />', '<img alt="a" />'],
    ["targets", '<a href="/a" target="_blank">a</a>', '<a href="/a">a</a>'],
    ["unknown rel values", '<a href="/a" rel="nofollow opener">a</a>', '<a href="/a" rel="nofollow">a</a>'],
    [
      "classes outside the allowlist",
      '<p class="admonition-title evil">a</p>',
      '<p class="admonition-title">a</p>',
    ],
    ["classes on tags without an allowlist", '<li class="x">a</li>', "<li>a</li>"],
    ["ids outside headings", '<p id="x">a</p>', "<p>a</p>"],
    [
      "buttons that are not plain buttons",
      '<button type="submit" class="copy-code">a</button>',
      '<button class="copy-code">a</button>',
    ],
    [
      "quote post ids that are not numbers",
      '<blockquote data-post="1 x">a</blockquote>',
      "<blockquote>a</blockquote>",
    ],
    ["rel values that are all unknown", '<a href="/a" rel="opener">a</a>', '<a href="/a">a</a>'],
    ["roles other than note", '<aside role="alert">a</aside>', "<aside>a</aside>"],
    ["svg", "<svg><circle /></svg><p>a</p>", "<p>a</p>"],
    ["math", "<math><mi>x</mi></math>", "x"],
    ["iframes", '<iframe src="https://x.org"></iframe>', ""],
    ["forms", '<form action="/x"><input name="a" /></form>', ""],
  ])("removes %s", (_case, input, expected) => {
    expect(sanitizeRenderedHtml(input)).toBe(expected);
  });

  it.each([
    ["headings with ids", '<h2 id="h-a">A</h2>'],
    ["external links", '<a href="https://x.org" title="t" rel="nofollow ugc noopener">a</a>'],
    ["mentions", '<a class="mention mention-person" href="/people/ada">@ada</a>'],
    [
      "code figures",
      '<figure class="code-block"><button type="button" class="copy-code" data-copy>Copy</button></figure>',
    ],
    ["highlighted code", '<code class="hljs language-ts"><span class="hljs-title function_">f</span></code>'],
    [
      "admonitions",
      '<aside class="admonition danger" role="note"><p class="admonition-title">Danger</p></aside>',
    ],
    ["quotes", '<blockquote class="quote" data-post="12"><p class="quote-author">@ada</p></blockquote>'],
    ["aligned table cells", '<table><tbody><tr><td class="align-right">1</td></tr></tbody></table>'],
    ["permalinks", '<a class="header-anchor" href="#h-a"><span aria-hidden="true">#</span></a>'],
    ["relative images", '<img src="/content/a.png" alt="a" title="t" />'],
    ["mailto links", '<a href="mailto:a@b.org">a</a>'],
  ])("keeps %s", (_case, html) => {
    expect(sanitizeRenderedHtml(html)).toBe(html);
  });

  it("is idempotent", () => {
    const once = sanitizeRenderedHtml('<p onclick="x">a<script>b</script><a href="javascript:c">d</a></p>');
    expect(sanitizeRenderedHtml(once)).toBe(once);
  });
});

describe("Unsafe markup finder", () => {
  it.each([
    ["<script>x</script>", ["raw <script> in output", "<script> element"]],
    ['<p onclick="x">a</p>', ["onclick handler on <p>"]],
    ['<a href="java&#x09;script:x">a</a>', ['href="java\tscript:x" on <a>']],
    ['<img src="data:image/png;base64,AA">', ['src="data:image/png;base64,AA" on <img>']],
    ['<p style="x">a</p>', ["style on <p>"]],
    ["<p>onclick=alert(1) as text</p>", []],
  ])("reports %j", (html, problems) => {
    expect(findUnsafeMarkup(html)).toEqual(problems);
  });
});
