import type { Token } from "markdown-it";
import { tokenAttribute } from "./token-attribute.js";

const ALIGNMENT = /^text-align:(left|center|right)$/;

/**
 * Replaces markdown-it's `style="text-align:…"` on table cells with an `align-…` class, because the sanitiser
 * allows no style attributes at all.
 */
export function alignTableCellsWithClasses(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.type !== "th_open" && token.type !== "td_open") continue;
    const style = tokenAttribute(token, "style");
    if (style === undefined) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    const alignment = ALIGNMENT.exec(style);
    if (alignment) token.attrJoin("class", `align-${alignment[1]}`);
  }
}
