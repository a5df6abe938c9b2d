import express, { type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import type { Clock } from "../../../clock.js";
import { inTransaction } from "../../../db/transaction.js";
import { escapeHtml } from "../../../markdown/index.js";
import { unsubscribeFrom } from "./mail-preferences.js";
import { mailSigningKey, type UnsubscribeTopic, verifyUnsubscribeToken } from "./unsubscribe-token.js";

const LABEL: Record<UnsubscribeTopic, string> = {
  mentions: "emails when someone mentions you",
  replies: "emails when someone replies to or quotes your posts",
  digest: "the forum digest",
};

function page(response: Response, status: number, title: string, body: string): void {
  response
    .status(status)
    .type("html")
    .set("cache-control", "no-store")
    .set("referrer-policy", "no-referrer")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(
        title,
      )}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/forum/preferences">All email settings</a></p></main></body></html>`,
    );
}

/**
 * One-click unsubscribe for forum emails. `GET` shows a button (link scanners follow GETs, so a GET changes
 * nothing); `POST` turns the kind of email off: the button, or a mail client's RFC 8058 one-click request. The
 * signed token is the only credential; it is never logged (request logs carry paths without query strings).
 */
export function unsubscribeRoutes(deps: { dataSource: DataSource; clock: Clock }): Router {
  const router = express.Router();
  const verified = async (token: unknown) =>
    typeof token === "string" && token.length < 300
      ? verifyUnsubscribeToken(await mailSigningKey(deps.dataSource.manager), token)
      : null;
  router.get("/mail/unsubscribe", async (request, response) => {
    const claim = await verified(request.query.token);
    if (!claim) return page(response, 400, "Link not valid", "<p>This unsubscribe link is not valid.</p>");
    const token = escapeHtml(String(request.query.token));
    page(
      response,
      200,
      "Unsubscribe",
      `<form method="post" action="/mail/unsubscribe?token=${token}"><p>Stop ${LABEL[claim.topic]}?</p><button type="submit">Unsubscribe</button></form>`,
    );
  });
  router.post(
    "/mail/unsubscribe",
    express.urlencoded({ extended: false, limit: "1kb" }),
    async (request, response) => {
      const claim = await verified(request.query.token);
      if (!claim) return page(response, 400, "Link not valid", "<p>This unsubscribe link is not valid.</p>");
      const found = await inTransaction(deps.dataSource, async (manager) => {
        const [person] = await manager.query("SELECT 1 FROM person WHERE id = $1", [claim.personId]);
        if (!person) return false;
        await unsubscribeFrom(
          manager,
          { personId: claim.personId, requestId: request.requestId ?? null, now: deps.clock.now() },
          claim.topic,
        );
        return true;
      });
      if (!found) return page(response, 400, "Link not valid", "<p>This unsubscribe link is not valid.</p>");
      page(response, 200, "Unsubscribed", `<p>You will no longer get ${LABEL[claim.topic]}.</p>`);
    },
  );
  return router;
}
