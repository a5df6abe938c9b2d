import { describe, expect, it } from "vitest";
import { parseAssetPath } from "./asset-file.js";

describe("parseAssetPath", () => {
  it("accepts image files in the release folder and below", () => {
    expect(parseAssetPath(["02-planning", "ip-plan.svg"])).toEqual({
      file: "02-planning/ip-plan.svg",
      contentType: "image/svg+xml",
    });
    expect(parseAssetPath(["images", "Rack_Front.PNG"])?.contentType).toBe("image/png");
    expect(parseAssetPath(["photo.jpg"])?.contentType).toBe("image/jpeg");
    expect(parseAssetPath(["a.webp"])?.contentType).toBe("image/webp");
    expect(parseAssetPath(["a.gif"])?.contentType).toBe("image/gif");
  });

  it.each([
    ["parent segments", ["..", "manual.yaml"]],
    ["a dot segment", [".", "a.png"]],
    ["a dotfile", ["02-planning", ".hidden.png"]],
    ["double dots inside a name", ["a..png"]],
    ["an empty segment", ["", "a.png"]],
    ["an encoded slash", ["a%2F..%2Fb.png"]],
    ["a backslash", ["..\\a.png"]],
    ["Markdown", ["02-planning", "index.md"]],
    ["YAML", ["release.yaml"]],
    ["HTML", ["a.html"]],
    ["no extension", ["png"]],
    ["nothing", []],
  ])("refuses %s", (_name, segments) => {
    expect(parseAssetPath(segments)).toBeNull();
  });
});
