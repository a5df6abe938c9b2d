/**
 * Whether an `If-None-Match` header matches one of a representation's ETags (weak comparison, as RFC 9110 asks
 * for this header): `*`, or any listed tag equal to one of `etags` once a `W/` prefix is dropped.
 */
export function ifNoneMatchHits(header: string | undefined, etags: readonly string[]): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const listed = header.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  return listed.some((tag) => etags.includes(tag));
}

/** Whether `Accept-Encoding` allows gzip (listed, or `*`, without `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    const quality = parameters.map((parameter) => parameter.trim()).find((p) => p.startsWith("q="));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}
