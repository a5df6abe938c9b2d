import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { capacityOfferResolvers } from "./capacity-offer.resolvers.js";
import { offerResolvers } from "./offers.resolvers.js";

/** Every resolver map of capacity offers. */
export const OFFER_RESOLVERS: Resolvers[] = [offerResolvers, capacityOfferResolvers];
