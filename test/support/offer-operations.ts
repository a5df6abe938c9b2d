/** GraphQL documents the capacity offer tests send. */
export const OFFER_FIELDS = `id version current status caps { resource amount } freeSharePercent
  allow { cooperatives { slug } tiers } deny { cooperatives { slug } tiers }
  windows { days start end timeZone } openNow preemptible gracePeriodSeconds
  residency { country jurisdiction region } overrun { resource amount } viewerMayUse
  createdBy { handle } supersededAt cluster { name }`;
export const SET_OFFER = `mutation($input: SetCapacityOfferInput!) {
  setCapacityOffer(input: $input) { offer { ${OFFER_FIELDS} } memberCluster { id } }
}`;
export const WITHDRAW_OFFER = `mutation($input: WithdrawCapacityOfferInput!) {
  withdrawCapacityOffer(input: $input) { offer { id version status current } }
}`;
export const CLUSTER_OFFER = `query($id: ID!) { memberCluster(id: $id) {
  offer { ${OFFER_FIELDS} }
  offerHistory(first: 10) { edges { node { version status current supersededAt caps { resource amount } } } }
} }`;
export const CAPACITY_OFFERS = `query($filter: CapacityOfferFilter, $first: Int, $after: String) {
  capacityOffers(first: $first, after: $after, filter: $filter) {
    edges { node { version status viewerMayUse cluster { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
