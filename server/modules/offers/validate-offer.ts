import { In, type EntityManager } from "typeorm";
import { badUserInput, type FieldProblem } from "../../errors.js";
import { fromGraphqlEnum } from "../../graphql/enums.js";
import { parseGlobalId } from "../../graphql/global-id.js";
import { CooperativeEntity } from "../cooperatives/cooperative.entity.js";
import type { CapacityOffer, StoredAudience } from "./capacity-offer.entity.js";
import { type SetCapacityOfferInput, setCapacityOfferInput } from "./offer-input.js";

/** The stored terms of an offer version (status aside). */
export type StoredTerms = Pick<
  CapacityOffer,
  "caps" | "freeSharePercent" | "allow" | "deny" | "windows" | "preemptible" | "gracePeriodSeconds"
>;

/** A validated `setCapacityOffer`: the terms, whether to pause, and the version the editor showed. */
export interface OfferTerms extends StoredTerms {
  paused: boolean;
  expectedVersion: number | null;
}

type AudienceInput = SetCapacityOfferInput["allow"];

function decodeIds(ids: string[], path: string, problems: FieldProblem[]): string[] {
  const decoded: string[] = [];
  ids.forEach((id, index) => {
    const parsed = parseGlobalId(id);
    if (parsed?.typeName === "Cooperative") decoded.push(parsed.id);
    else problems.push({ field: `${path}.${index}`, message: "not a cooperative id" });
  });
  return decoded;
}

/**
 * Validates `setCapacityOffer`'s input completely before anything is written: zod's checks (resources, amounts,
 * windows, time zones, overlaps, allowed-and-denied) plus the cooperative ids of both lists, which must name
 * existing cooperatives. Every problem is reported in one BAD_USER_INPUT, so the editor can mark all fields.
 */
export async function validateOffer(manager: EntityManager, input: unknown): Promise<OfferTerms> {
  const parsed = setCapacityOfferInput.safeParse(input);
  const problems: FieldProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: ["input", ...issue.path.map(String)].join("."),
        message: issue.message,
      }));
  // GraphQL already guarantees the shape, so the lists can be checked even when another field failed.
  const raw = (input ?? {}) as Partial<SetCapacityOfferInput>;
  const lists = { allow: raw.allow, deny: raw.deny };
  const decoded: Record<"allow" | "deny", string[]> = { allow: [], deny: [] };
  for (const side of ["allow", "deny"] as const) {
    decoded[side] = decodeIds(lists[side]?.cooperativeIds ?? [], `input.${side}.cooperativeIds`, problems);
  }
  const wanted = [...new Set([...decoded.allow, ...decoded.deny])];
  if (wanted.length > 0) {
    const found = new Set(
      (await manager.find(CooperativeEntity, { select: { id: true }, where: { id: In(wanted) } })).map(
        (cooperative) => cooperative.id,
      ),
    );
    for (const side of ["allow", "deny"] as const) {
      (lists[side]?.cooperativeIds ?? []).forEach((id, index) => {
        const parsedId = parseGlobalId(id);
        if (parsedId?.typeName === "Cooperative" && !found.has(parsedId.id))
          problems.push({ field: `input.${side}.cooperativeIds.${index}`, message: "no such cooperative" });
      });
    }
  }
  if (problems.length > 0 || !parsed.success) {
    const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join("; ");
    throw badUserInput(`Invalid input: ${summary}`, problems);
  }
  const valid = parsed.data;
  return {
    caps: Object.fromEntries((valid.caps ?? []).map((cap) => [cap.resource, cap.amount])),
    freeSharePercent: valid.freeSharePercent ?? null,
    allow: audience(valid.allow, decoded.allow),
    deny: audience(valid.deny, decoded.deny),
    windows: (valid.windows ?? []).map((window) => ({ ...window, days: [...window.days].sort() })),
    preemptible: valid.preemptible,
    gracePeriodSeconds: valid.preemptible ? (valid.gracePeriodSeconds ?? 0) : 0,
    paused: valid.paused ?? false,
    expectedVersion: valid.expectedVersion ?? null,
  };
}

function audience(input: AudienceInput, cooperatives: string[]): StoredAudience {
  return {
    cooperatives: [...new Set(cooperatives)],
    tiers: [...new Set((input?.tiers ?? []).map(fromGraphqlEnum))],
  };
}
