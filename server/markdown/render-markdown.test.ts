import { describe, expect, it } from "vitest";
import { type RenderedMarkdown, type RenderMarkdownOptions, renderMarkdown } from "./render-markdown.js";

function render(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const result = renderMarkdown(source, options);
  if (!result.ok) throw new Error(`expected a rendering, got ${result.error.code}`);
  return result;
}

describe("Markdown rendering", () => {
  it.each([
    ["paragraphs", "Hello *world*", "<p>Hello <em>world</em></p>"],
    ["raw HTML as text", "<b>bold</b>", "<p>&lt;b&gt;bold&lt;/b&gt;</p>"],
    ["straight quotes (typographer off)", '"quoted" -- text', '<p>"quoted" -- text</p>'],
    ["bare URLs as links", "see https://example.org/a", '<a href="https://example.org/a"'],
    ["www domains as links", "see www.example.org", '<a href="http://www.example.org"'],
    ["e-mail addresses as mailto links", "mail ada@example.org", '<a href="mailto:ada@example.org">'],
    ["strikethrough", "~~gone~~", "<s>gone</s>"],
    ["ordered list start", "3. three\n4. four", '<ol start="3">'],
  ])("renders %s", (_feature, source, expected) => {
    expect(render(source).html).toContain(expected);
  });

  it("does not link file names that happen to end in a country domain", () => {
    expect(render("run install.sh then read README.md").html).toBe(
      "<p>run install.sh then read README.md</p>\n",
    );
  });

  it("renders the same source to the same result every time", () => {
    const source = "# A\n\n## B @ada\n\n```ts\nconst a = 1;\n```\n\n[x](../y.md) https://example.org";
    const options: RenderMarkdownOptions = {
      resolveLink: (href) => ({ href: `/m/${href}` }),
      permalinks: true,
    };
    expect(renderMarkdown(source, options)).toEqual(renderMarkdown(source, options));
  });
});

describe("Markdown rendering: headings and table of contents", () => {
  const source =
    "# Title\n\n## Install `kubeadm`\n\n### Étape un\n\n#### Deep\n\n## Install `kubeadm`\n\n## ???";

  it("gives every heading a prefixed, unique id", () => {
    const ids = render(source).headings.map((heading) => heading.id);
    expect(ids).toEqual([
      "h-title",
      "h-install-kubeadm",
      "h-etape-un",
      "h-deep",
      "h-install-kubeadm-1",
      "h-section",
    ]);
  });

  it("uses the idPrefix option", () => {
    expect(render("## Hello", { idPrefix: "doc-" }).html).toContain('<h2 id="doc-hello">');
  });

  it("builds the table of contents from h2 and h3", () => {
    expect(render(source).toc).toEqual([
      { level: 2, id: "h-install-kubeadm", text: "Install kubeadm" },
      { level: 3, id: "h-etape-un", text: "Étape un" },
      { level: 2, id: "h-install-kubeadm-1", text: "Install kubeadm" },
      { level: 2, id: "h-section", text: "???" },
    ]);
  });

  it("adds no permalinks by default", () => {
    expect(render("## Hello").html).toBe('<h2 id="h-hello">Hello</h2>\n');
  });

  it("adds accessible permalinks when asked", () => {
    const html = render("## Hello", { permalinks: true }).html;
    expect(html).toContain('<a class="header-anchor" href="#h-hello">');
    expect(html).toContain('<span class="visually-hidden">Permalink to “Hello”</span>');
    expect(html).toContain('<span aria-hidden="true">#</span>');
  });
});

describe("Markdown rendering: code", () => {
  it("highlights a registered language on the server inside a figure with a copy button", () => {
    const html = render("```ts\nconst answer = 42;\n```").html;
    expect(html).toContain(
      '<figure class="code-block"><button type="button" class="copy-code" data-copy>Copy</button>',
    );
    expect(html).toContain('<code class="hljs language-ts"><span class="hljs-keyword">const</span>');
  });

  it.each([
    ["an unknown language", "```klingon\n<b>&</b>\n```"],
    ["no language", "```\n<b>&</b>\n```"],
    ["an indented block", "    <b>&</b>"],
  ])("renders %s as escaped plain text", (_case, source) => {
    const html = render(source).html;
    expect(html).toContain("<pre><code>&lt;b&gt;&amp;&lt;/b&gt;\n</code></pre>");
    expect(html).toContain('class="copy-code"');
  });
});

describe("Markdown rendering: tables", () => {
  it("aligns cells with classes instead of style attributes", () => {
    const html = render("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |").html;
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
    expect(html).not.toContain("style=");
  });
});

describe("Markdown rendering: admonitions", () => {
  it.each([
    ["note", "Note"],
    ["tip", "Tip"],
    ["warning", "Warning"],
    ["danger", "Danger"],
  ])("renders ::: %s as an aside with a default title", (kind, title) => {
    expect(render(`::: ${kind}\nBody\n:::`).html).toBe(
      `<aside class="admonition ${kind}" role="note"><p class="admonition-title">${title}</p>\n<p>Body</p>\n</aside>\n`,
    );
  });

  it("uses the title given after the kind, escaped", () => {
    expect(render("::: warning Back up <etcd> first\nBody\n:::").html).toContain(
      '<p class="admonition-title">Back up &lt;etcd&gt; first</p>',
    );
  });

  it("leaves unknown kinds as text", () => {
    expect(render("::: spoiler\nBody\n:::").html).toBe("<p>::: spoiler\nBody\n:::</p>\n");
  });
});

describe("Markdown rendering: quotes", () => {
  it("renders an attributed quote with author and post", () => {
    expect(render("> [!quote @ada post:12]\n> Use MetalLB.").html).toBe(
      '<blockquote class="quote" data-post="12">\n<p class="quote-author">@ada</p>\n<p>Use MetalLB.</p>\n</blockquote>\n',
    );
  });

  it("keeps later paragraphs of the quote", () => {
    const html = render("> [!quote @ada]\n>\n> First\n>\n> Second").html;
    expect(html).toBe(
      '<blockquote class="quote">\n<p class="quote-author">@ada</p>\n<p>First</p>\n<p>Second</p>\n</blockquote>\n',
    );
  });

  it.each([
    ["no author", "> [!quote post:3]\n> Text", '<blockquote class="quote" data-post="3">\n<p>Text</p>'],
    ["nested quotes", "> [!quote @ada]\n> > [!quote @bob]\n> > Inner", '<p class="quote-author">@bob</p>'],
  ])("handles %s", (_case, source, expected) => {
    expect(render(source).html).toContain(expected);
  });

  it("does not count the quoted author as a mention", () => {
    expect(render("> [!quote @ada post:12]\n> Text").mentions.people).toEqual([]);
  });

  it("leaves an ordinary blockquote alone", () => {
    expect(render("> [!quote with words]\n> Text").html).toBe(
      "<blockquote>\n<p>[!quote with words]\nText</p>\n</blockquote>\n",
    );
  });
});
