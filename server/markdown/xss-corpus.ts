/** One hostile Markdown input and the trick it tries. */
export interface XssPayload {
  name: string;
  markdown: string;
}

/**
 * Hostile Markdown inputs for the renderer. Unit tests check the produced HTML structurally; a browser test
 * renders the same list in Chromium and fails on any script execution, so keep it exported and data only.
 * Each entry names the trick it tries, so a failure says what broke.
 */
export const XSS_CORPUS: readonly XssPayload[] = [
  // Raw HTML (off in markdown-it, and the sanitiser would drop it anyway).
  { name: "script tag", markdown: "<script>alert(1)</script>" },
  { name: "script tag split over lines", markdown: "<scr\nipt>alert(1)</script>" },
  { name: "img onerror", markdown: '<img src=x onerror="alert(1)">' },
  { name: "uppercase event handler", markdown: "<IMG SRC=x ONERROR=alert(1)>" },
  { name: "svg onload", markdown: "<svg onload=alert(1)>" },
  { name: "svg with script", markdown: "<svg><script>alert(1)</script></svg>" },
  { name: "math with xlink", markdown: '<math><mi xlink:href="javascript:alert(1)">x</mi></math>' },
  { name: "iframe", markdown: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: "iframe srcdoc", markdown: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' },
  { name: "style tag", markdown: "<style>body{background:url(javascript:alert(1))}</style>" },
  {
    name: "form with formaction",
    markdown: '<form><button formaction="javascript:alert(1)">x</button></form>',
  },
  { name: "details ontoggle", markdown: "<details open ontoggle=alert(1)>" },
  { name: "html block after blank line", markdown: "text\n\n<div onclick=alert(1)>click</div>" },
  { name: "html comment breakout", markdown: "<!-- --><script>alert(1)</script> -->" },
  { name: "object data", markdown: '<object data="javascript:alert(1)"></object>' },
  // Links.
  { name: "javascript link", markdown: "[click](javascript:alert(1))" },
  { name: "javascript link mixed case", markdown: "[click](JaVaScRiPt:alert(1))" },
  { name: "javascript link with entity colon", markdown: "[click](javascript&colon;alert(1))" },
  { name: "javascript link with numeric entities", markdown: "[click](&#106;avascript:alert(1))" },
  { name: "javascript link with hex entity tab", markdown: "[click](java&#x09;script:alert(1))" },
  { name: "javascript link with leading space", markdown: "[click](< javascript:alert(1)>)" },
  { name: "javascript link with newline entity", markdown: "[click](java&#10;script:alert(1))" },
  { name: "javascript link percent encoded", markdown: "[click](javascript%3Aalert(1))" },
  { name: "vbscript link", markdown: '[click](vbscript:msgbox("x"))' },
  { name: "data html link", markdown: "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
  { name: "javascript autolink", markdown: "<javascript:alert(1)>" },
  { name: "data autolink", markdown: "<data:text/html,<script>alert(1)</script>>" },
  { name: "javascript reference link", markdown: "[click][x]\n\n[x]: javascript:alert(1)" },
  { name: "javascript reference link with title", markdown: '[click][x]\n\n[x]: javascript:alert(1) "t"' },
  { name: "link title breakout", markdown: '[click](https://example.org "a\\" onmouseover=\\"alert(1)")' },
  { name: "link href quote breakout", markdown: '[click](https://example.org/"onmouseover="alert(1))' },
  { name: "protocol relative link", markdown: "[click](//evil.example/x)" },
  { name: "backslash protocol relative link", markdown: "[click](\\\\evil.example/x)" },
  { name: "nested brackets", markdown: "[[click](javascript:alert(1))](https://example.org)" },
  { name: "link inside image alt", markdown: "![[x](javascript:alert(1))](https://example.org/a.png)" },
  { name: "linkified javascript", markdown: "javascript:alert(1) and jAvAsCrIpT://example.org/%0Aalert(1)" },
  // Images.
  { name: "javascript image", markdown: "![x](javascript:alert(1))" },
  { name: "data svg image", markdown: "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)" },
  { name: "data png image", markdown: "![x](data:image/png;base64,iVBORw0KGgo=)" },
  { name: "image alt breakout", markdown: '![x" onerror="alert(1)](https://example.org/a.png)' },
  { name: "image title breakout", markdown: '![x](https://example.org/a.png "t\\" onerror=\\"alert(1)")' },
  { name: "image src quote breakout", markdown: '![x](https://example.org/a.png"onerror="alert(1))' },
  // Entities and Unicode.
  { name: "entity encoded script", markdown: "&lt;script&gt;alert(1)&lt;/script&gt;" },
  { name: "double encoded entities", markdown: "&amp;lt;script&amp;gt;alert(1)" },
  { name: "fullwidth angle brackets", markdown: "＜script＞alert(1)＜/script＞" },
  { name: "zero width space in scheme", markdown: "[click](java\u200bscript:alert(1))" },
  { name: "right to left override", markdown: "[\u202egnp.exe](https://example.org/\u202egnp.exe)" },
  { name: "null byte in scheme", markdown: "[click](java\u0000script:alert(1))" },
  // Features of the hub's own syntax.
  { name: "code fence language injection", markdown: '```js" onmouseover="alert(1)\nx\n```' },
  { name: "code fence with html", markdown: "```html\n<script>alert(1)</script>\n```" },
  { name: "admonition title injection", markdown: "::: warning <img src=x onerror=alert(1)>\ntext\n:::" },
  { name: "quote header injection", markdown: '> [!quote @ada" onmouseover="x post:1]\n> text' },
  { name: "quote post id injection", markdown: '> [!quote @ada post:1"onclick="alert(1)]\n> text' },
  {
    name: "mention with markup",
    markdown: "@ada<script>alert(1)</script> @coop:x<img src=x onerror=alert(1)>",
  },
  { name: "heading id injection", markdown: '# x" onclick="alert(1)\n\n## <script>' },
  { name: "table cell injection", markdown: "| a |\n|---|\n| <img src=x onerror=alert(1)> |" },
  { name: "malformed nested emphasis and links", markdown: "*[**[x](javascript:alert(1))**](y)*" },
];
