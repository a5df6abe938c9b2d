import sanitizeHtml from "sanitize-html";

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

/** Every tag the renderer may emit; anything else is dropped (its text kept, except script/style content). */
export const ALLOWED_TAGS: readonly string[] = [
  ...HEADINGS,
  "p",
  "br",
  "hr",
  "blockquote",
  "ul",
  "ol",
  "li",
  "strong",
  "em",
  "s",
  "code",
  "pre",
  "a",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "figure",
  "button",
  "aside",
  "span",
];

/** Classes allowed per tag; `hljs-*` and `*_` cover highlight.js token classes, `language-*` the code language. */
export const ALLOWED_CLASSES: Readonly<Record<string, string[]>> = {
  a: ["mention", "mention-person", "mention-cooperative", "header-anchor"],
  // highlight.js 11 marks sub-scopes with a trailing underscore: `hljs-title function_`.
  span: [
    "hljs-*",
    "*_",
    "visually-hidden",
    "broken-link",
    "mention",
    "mention-person",
    "mention-cooperative",
  ],
  code: ["hljs", "language-*"],
  figure: ["code-block"],
  button: ["copy-code"],
  aside: ["admonition", "note", "tip", "warning", "danger"],
  p: ["admonition-title", "quote-author"],
  blockquote: ["quote"],
  th: ["align-left", "align-center", "align-right"],
  td: ["align-left", "align-center", "align-right"],
};

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  ...Object.fromEntries(HEADINGS.map((heading) => [heading, ["id"]])),
  a: ["href", "title", "rel"],
  img: ["src", "alt", "title"],
  ol: ["start"],
  span: ["aria-hidden"],
  button: ["type", "data-copy"],
  aside: ["role"],
  blockquote: ["data-post"],
};
// `class` is allowed exactly where ALLOWED_CLASSES filters it.
for (const tag of Object.keys(ALLOWED_CLASSES)) {
  ALLOWED_ATTRIBUTES[tag] = [...(ALLOWED_ATTRIBUTES[tag] ?? []), "class"];
}

/** Values allowed for attributes whose value matters; an attribute with any other value is removed whole. */
const ALLOWED_VALUES: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  a: { rel: /^(nofollow|ugc|noopener)$/ },
  span: { "aria-hidden": /^true$/ },
  button: { type: /^button$/, "data-copy": /^$/ },
  aside: { role: /^note$/ },
  blockquote: { "data-post": /^\d{1,18}$/ },
};

// sanitize-html's own value lists leave an empty attribute behind (`<button type>`), so values are checked in a
// transform, which runs before the attribute allowlist. Space-separated lists (rel) are checked per word.
function restrictValues(restrictions: Readonly<Record<string, RegExp>>): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const kept: sanitizeHtml.Attributes = {};
    for (const [name, value] of Object.entries(attribs)) {
      const pattern = restrictions[name];
      if (pattern === undefined) {
        kept[name] = value;
        continue;
      }
      const words = name === "rel" ? value.split(/\s+/).filter((word) => pattern.test(word)) : [value];
      if (name === "rel" ? words.length > 0 : pattern.test(value)) kept[name] = words.join(" ");
    }
    return { tagName, attribs: kept };
  };
}

/** The sanitize-html options of the hub: an allowlist, nothing else. */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedClasses: { ...ALLOWED_CLASSES },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  allowedStyles: {},
  parseStyleAttributes: false,
  disallowedTagsMode: "discard",
  allowVulnerableTags: false,
  transformTags: Object.fromEntries(
    Object.entries(ALLOWED_VALUES).map(([tag, restrictions]) => [tag, restrictValues(restrictions)]),
  ),
};

/**
 * Sanitises HTML produced by the Markdown renderer. Always applied, even though raw HTML is off in markdown-it:
 * it is the second wall if a plugin or a markdown-it bug ever lets markup through.
 */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
