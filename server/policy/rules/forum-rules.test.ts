import { describe, expect, it } from "vitest";
import type { RuleSubject } from "../policy-rule.js";
import { FORUM_RULES, inAudience } from "./forum-rules.js";

function subject(options: { moderator?: boolean; id?: string } = {}): RuleSubject {
  return {
    viewer: { person: { id: options.id ?? "me" } } as RuleSubject["viewer"],
    isSteward: false,
    isModerator: options.moderator ?? false,
    role: undefined,
    roleIn: () => undefined,
  };
}

describe("forum audiences", () => {
  it("admit cooperative members to cooperative audiences by tier, and moderators everywhere", () => {
    expect(inAudience(subject(), { audience: "signed_in" })).toBe(true);
    expect(inAudience(subject(), { audience: "cooperatives", viewerCooperativeTiers: [] })).toBe(false);
    expect(inAudience(subject(), { audience: "cooperatives", viewerCooperativeTiers: ["vendor"] })).toBe(
      true,
    );
    expect(inAudience(subject(), { audience: "tcc_members", viewerCooperativeTiers: ["vendor"] })).toBe(
      false,
    );
    expect(inAudience(subject(), { audience: "tcc_members", viewerCooperativeTiers: ["tcc_member"] })).toBe(
      true,
    );
    expect(inAudience(subject(), { audience: "moderators" })).toBe(false);
    expect(inAudience(subject({ moderator: true }), { audience: "moderators" })).toBe(true);
    expect(inAudience(subject(), {})).toBe(false);
  });

  it("let authors edit their posts unless the topic is locked; moderators always", () => {
    const edit = FORUM_RULES["forum.editPost"].allow;
    expect(edit(subject(), { ownerId: "me", locked: false })).toBe(true);
    expect(edit(subject(), { ownerId: "me", locked: true })).toBe(false);
    expect(edit(subject(), { ownerId: "someone", locked: false })).toBe(false);
    expect(edit(subject({ moderator: true }), { ownerId: "someone", locked: true })).toBe(true);
  });
});
