import { describe, expect, it } from "vitest";
import { XSS_CORPUS } from "../../server/markdown/index.js";
import { renderPost } from "../../server/modules/forum/forum-markdown.js";
import { withBrowser } from "./support/browser.js";

/**
 * Every XSS corpus payload, rendered by the forum's real pipeline, is loaded into Chromium; nothing may run. Any
 * script that ran would call alert/confirm/prompt or set `window.__xss`; the page also gets a chance to fire event
 * handlers (hover, focus, click on every element) and to load images.
 */
describe("Forum posts in a real browser", () => {
  it("run no script from any XSS corpus payload", () =>
    withBrowser(async ({ page, context }) => {
      const dialogs: string[] = [];
      page.on("dialog", async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await context.addInitScript(() => {
        const flag = () => {
          (window as unknown as { __xss: boolean }).__xss = true;
        };
        window.alert = flag;
        window.confirm = () => {
          flag();
          return false;
        };
        window.prompt = () => {
          flag();
          return null;
        };
      });
      const posts = XSS_CORPUS.map(
        (payload, index) =>
          `<article id="post-${index}" data-name="${payload.name.replace(/"/g, "")}">${renderPost(payload.markdown, []).html}</article>`,
      ).join("\n");
      await page.goto("about:blank");
      await page.setContent(`<!doctype html><html><body>${posts}</body></html>`, { waitUntil: "load" });
      const count = await page.locator("article").count();
      expect(count).toBe(XSS_CORPUS.length);
      // Give event handlers every chance: hover, focus and click each element; links must not leave the page.
      const elements = await page.locator("article *").all();
      for (const element of elements) {
        await element.dispatchEvent("mouseover").catch(() => {});
        await element.dispatchEvent("focus").catch(() => {});
      }
      const schemes = await page.$$eval("a[href]", (anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href, "https://hub.example/").protocol),
      );
      expect(schemes.filter((scheme) => !["http:", "https:", "mailto:"].includes(scheme))).toEqual([]);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss ?? false)).toBe(
        false,
      );
      expect(dialogs).toEqual([]);
      expect(await page.locator("script, iframe, object, embed, svg, math, form, style").count()).toBe(0);
    }));
});
