import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import type { GraphQLContext } from "../../graphql/context.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { addManualMaintainer, type MaintainerHolder, removeManualMaintainer } from "./manage-maintainers.js";
import { ManualEntity } from "./manual.entity.js";
import { maintainerInput } from "./manual-input.js";

async function change(
  context: GraphQLContext,
  input: unknown,
  command: typeof addManualMaintainer | typeof removeManualMaintainer,
) {
  const viewer = context.policy.authorize("manual.manageMaintainers");
  const { manualId, cooperativeSlug, personHandle } = validateInput(maintainerInput, input);
  const id = fromGlobalId(manualId, "Manual", "input.manualId");
  const manual = await context.dataSource.manager.findOneBy(ManualEntity, { id });
  if (!manual) throw notFound("Manual");
  const holder: MaintainerHolder = cooperativeSlug
    ? { cooperativeSlug }
    : { personHandle: personHandle as string };
  await inTransaction(context.dataSource, (manager) =>
    command(manager, actorFor(context, viewer), manual, holder),
  );
  return { manual };
}

/** Stewards manage who maintains each manual (`manual.yaml` can also name maintainers). */
export const manualMaintainerResolvers: Resolvers = {
  Mutation: {
    addManualMaintainer: (_parent, { input }, context) => change(context, input, addManualMaintainer),
    removeManualMaintainer: (_parent, { input }, context) => change(context, input, removeManualMaintainer),
  },
};
