import type { NextFunction, Request, Response } from "express";

/**
 * CSRF protection for cookie-authenticated form posts outside GraphQL (GraphQL has Apollo's CSRF prevention):
 * the browser's Origin (or Sec-Fetch-Site) must say the request comes from the hub itself.
 */
export function sameOriginOnly(publicOrigin: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const origin = request.header("origin");
    const fetchSite = request.header("sec-fetch-site");
    // Browsers send `Origin: null` for some same-origin form posts (strict referrer policies); Sec-Fetch-Site
    // still tells the truth then.
    const originMatches =
      origin === publicOrigin || ((!origin || origin === "null") && fetchSite === "same-origin");
    if (originMatches || (!origin && fetchSite === undefined)) {
      next();
      return;
    }
    response.status(403).json({ error: "cross-site request refused" });
  };
}
