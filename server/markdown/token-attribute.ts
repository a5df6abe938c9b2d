import type { Token } from "markdown-it";

/** A token attribute as a string (markdown-it types values as string | number), or undefined when absent. */
export function tokenAttribute(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}
