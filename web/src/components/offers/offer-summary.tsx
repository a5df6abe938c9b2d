import {
  type CapacityOffer,
  DAY_NAMES,
  formatAmount,
  type OfferAudience,
  TIER_NAMES,
} from "./offer-types.js";

function audienceText(audience: OfferAudience): string {
  const names = [
    ...audience.cooperatives.map((cooperative) => cooperative.name),
    ...audience.tiers.map((tier) => TIER_NAMES[tier] ?? tier),
  ];
  return names.join(", ");
}

const STATUS_TEXT = { ACTIVE: "Active", PAUSED: "Paused", WITHDRAWN: "Withdrawn" } as const;

/** Read-only terms of one offer version: what everyone who may see offers sees. */
export function OfferSummary({ offer }: { offer: CapacityOffer }) {
  const allow = audienceText(offer.allow);
  const deny = audienceText(offer.deny);
  return (
    <dl className="offer-summary" aria-label={`Offer version ${offer.version}`}>
      <dt>Version</dt>
      <dd>
        Version {offer.version} · {STATUS_TEXT[offer.status]}
        {offer.createdBy ? ` · by ${offer.createdBy.name}` : ""} ·{" "}
        {new Date(offer.createdAt).toLocaleString()}
      </dd>
      <dt>Caps</dt>
      <dd>
        {offer.caps.length > 0
          ? offer.caps.map((cap) => `${cap.resource}: ${formatAmount(cap)}`).join("; ")
          : "No caps"}
      </dd>
      <dt>Share of free capacity</dt>
      <dd>{offer.freeSharePercent === null ? "No share limit" : `${offer.freeSharePercent} %`}</dd>
      <dt>Who may use it</dt>
      <dd>
        {allow ? `Only ${allow}` : "Every cooperative"}
        {deny ? `; never ${deny}` : ""}
      </dd>
      <dt>When</dt>
      <dd>
        {offer.windows.length === 0
          ? "Always"
          : offer.windows
              .map(
                (window) =>
                  `${window.days.map((day) => DAY_NAMES[day]).join(", ")} ${window.start}–${window.end} (${window.timeZone})`,
              )
              .join("; ")}
        {offer.status === "ACTIVE" ? (offer.openNow ? " · open now" : " · closed now") : ""}
      </dd>
      <dt>Residency (from the cluster's labels)</dt>
      <dd>
        {[offer.residency.country, offer.residency.jurisdiction, offer.residency.region]
          .filter((part) => part !== null)
          .join(" · ") || "Not labelled: requests with residency constraints will not go here"}
      </dd>
      <dt>Preemption</dt>
      <dd>
        {offer.preemptible
          ? `Guests may be preempted with ${offer.gracePeriodSeconds} s notice`
          : "Guests are never preempted"}
      </dd>
      {offer.overrun.length > 0 ? (
        <>
          <dt>Overrun</dt>
          <dd className="field-error">
            Guests use more than this offer allows (nothing is evicted; no new placements):{" "}
            {offer.overrun.map((amount) => `${amount.resource}: ${formatAmount(amount)}`).join("; ")}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
