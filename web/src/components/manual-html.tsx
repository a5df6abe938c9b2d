import { type MouseEvent, useEffect, useRef } from "react";
import { navigate } from "../lib/router.js";

/**
 * Shows HTML the hub rendered and sanitised when the revision was written. Wires the copy buttons of code blocks
 * (`button.copy-code[data-copy]`) and keeps links to other manual pages inside the app.
 */
export function ManualHtml({ html, className = "manual-content" }: { html: string; className?: string }) {
  const container = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the HTML under the container is replaced when html changes.
  useEffect(() => {
    // Code blocks scroll sideways: keyboard users must be able to focus them to scroll.
    for (const pre of container.current?.querySelectorAll("pre") ?? []) pre.tabIndex = 0;
  }, [html]);
  const handleClick = async (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const button = target.closest("button.copy-code");
    if (button instanceof HTMLButtonElement) {
      const code = button.closest("figure")?.querySelector("pre code")?.textContent ?? "";
      try {
        await navigator.clipboard.writeText(code);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy failed";
      }
      window.setTimeout(() => {
        button.textContent = "Copy";
      }, 2000);
      return;
    }
    const link = target.closest("a");
    const href = link?.getAttribute("href") ?? "";
    if (!link || !href.startsWith("/manuals/") || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const [path, hash] = href.split("#");
    navigate(path);
    if (hash) window.setTimeout(() => document.getElementById(hash)?.scrollIntoView(), 50);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: delegates clicks of the buttons and links inside, which are keyboard-operable themselves.
    // biome-ignore lint/a11y/noStaticElementInteractions: see above.
    <div
      ref={container}
      className={className}
      onClick={handleClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by server/markdown with raw HTML off and an allowlist sanitiser.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
