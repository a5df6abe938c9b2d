import { escapeHtml } from "../../markdown/escape-html.js";

export { escapeHtml };

// Inline style only: no scripts, and nothing fetched from elsewhere, so the page works offline and under CSP.
const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem;line-height:1.5}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;padding:.4rem .9rem;cursor:pointer}
.person{min-width:12rem;text-align:left}.error{border-left:4px solid #b00020;padding:.3rem .8rem;color:#7a0016}
fieldset{border:1px solid #ccc;padding:.5rem 1rem}.note{color:#444}`;

/** Wraps a page body in the development provider's layout (one `<main>`, language set, responsive). */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Alliance Hub development sign-in</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** A page explaining a failed sign-in step; `message` is plain text. */
export function renderErrorPage(title: string, message: string): string {
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
