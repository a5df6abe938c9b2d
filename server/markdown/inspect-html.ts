import sanitizeHtml from "sanitize-html";

/** An element as a browser would see it: lower-case tag and entity-decoded attributes. */
export interface InspectedElement {
  tag: string;
  attributes: Record<string, string>;
}

/** Tags that must never reach a page built from user content. */
export const FORBIDDEN_TAGS: readonly string[] = [
  "script",
  "style",
  "svg",
  "math",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "form",
  "input",
  "textarea",
  "select",
  "base",
  "meta",
  "link",
  "template",
  "noscript",
];

const URL_ATTRIBUTES = [
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "background",
  "srcset",
];
const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip these inside a scheme, so must the check.
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f\u200b-\u200f\ufeff]/g;

/**
 * Lists every element of an HTML fragment using sanitize-html's own parser (htmlparser2) with nothing filtered,
 * so tests look at the real tags and decoded attribute values rather than at regular expressions over text.
 */
export function inspectHtml(html: string): InspectedElement[] {
  const elements: InspectedElement[] = [];
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    transformTags: {
      "*": (tagName, attribs) => {
        elements.push({ tag: tagName.toLowerCase(), attributes: { ...attribs } });
        return { tagName, attribs };
      },
    },
  });
  return elements;
}

/**
 * Everything in an HTML fragment that could run script or load active content: forbidden tags, event handlers,
 * style attributes and javascript:/data:/vbscript: URLs. An empty list means the fragment is inert.
 */
export function findUnsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  const raw = /<\s*(script|svg|math|iframe|style)\b/i.exec(html);
  if (raw) problems.push(`raw <${raw[1]}> in output`);
  for (const element of inspectHtml(html)) {
    if (FORBIDDEN_TAGS.includes(element.tag)) problems.push(`<${element.tag}> element`);
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (/^on/.test(attribute)) problems.push(`${attribute} handler on <${element.tag}>`);
      if (attribute === "style" || attribute === "srcdoc") problems.push(`${attribute} on <${element.tag}>`);
      if (
        URL_ATTRIBUTES.includes(attribute) &&
        DANGEROUS_SCHEME.test(value.replace(IGNORED_BY_BROWSERS, ""))
      ) {
        problems.push(`${attribute}="${value}" on <${element.tag}>`);
      }
    }
  }
  return problems;
}
