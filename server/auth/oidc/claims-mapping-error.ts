/** Why a set of claims cannot become a hub profile. A closed list: callers may switch over it. */
export type ClaimsRejectedReason = "missing_subject" | "missing_issuer" | "invalid_group_pattern";

/** Thrown by `mapClaimsToProfile` when the claims (or the mapping options) cannot identify a person. */
export class ClaimsRejected extends Error {
  constructor(
    readonly reason: ClaimsRejectedReason,
    message: string,
  ) {
    super(message);
    this.name = "ClaimsRejected";
  }
}
