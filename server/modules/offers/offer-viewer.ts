import type { GraphQLContext } from "../../graphql/context.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";

/** The viewer's approved cooperatives (pending applicants do not take part in the federation). */
export async function viewerApprovedCooperatives(context: GraphQLContext): Promise<Cooperative[]> {
  const ids = [...(context.viewer?.memberships.keys() ?? [])];
  const cooperatives = await Promise.all(ids.map((id) => context.loaders.cooperativeById.load(id)));
  return cooperatives.filter((cooperative): cooperative is Cooperative => cooperative?.status === "approved");
}

/** Whether the viewer may see offers (those of `cooperativeId`'s clusters, or the federation's). */
export async function canReadOffers(context: GraphQLContext, cooperativeId?: string): Promise<boolean> {
  if (!context.viewer) return false;
  const viewerInApprovedCooperative = (await viewerApprovedCooperatives(context)).length > 0;
  return context.policy.can("offer.read", { cooperativeId, viewerInApprovedCooperative });
}
