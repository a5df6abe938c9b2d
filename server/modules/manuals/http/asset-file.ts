/** The image types a manual may ship, by extension, with the Content-Type they are served with. */
export const ASSET_CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
};

/**
 * SVG is a document that can carry scripts and links: served on its own it must not run anything or load
 * anything, even when someone opens the image URL directly.
 */
export const SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

// Letters, digits, `_`, `-` and inner dots: no empty segment, no `.`/`..`, no dotfile, no encoded separator.
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * Checks a requested asset path (the segments after `/manual-assets/<manual>/<release>/`) and returns the
 * release-relative file name and its Content-Type, or null for anything that is not a plain image path.
 */
export function parseAssetPath(segments: readonly string[]): { file: string; contentType: string } | null {
  if (segments.length === 0 || segments.length > 8) return null;
  if (!segments.every((segment) => SEGMENT.test(segment) && !segment.includes(".."))) return null;
  const file = segments.join("/");
  const name = segments[segments.length - 1] as string;
  if (!name.includes(".")) return null;
  const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const contentType = Object.hasOwn(ASSET_CONTENT_TYPES, extension)
    ? ASSET_CONTENT_TYPES[extension]
    : undefined;
  return contentType ? { file, contentType } : null;
}
