import { z } from "zod";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../errors.js";
import { actorFor } from "../../graphql/actor.js";
import { toGraphqlEnum } from "../../graphql/enums.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { validateInput } from "../../graphql/validate-input.js";
import { membershipRole } from "./cooperative-input.js";
import { acceptInvitation, inviteMember, revokeInvitation } from "./invitation-commands.js";
import { InvitationEntity } from "./invitation.entity.js";
import { addMember, changeMemberRole, removeMembership } from "./membership-commands.js";
import { MembershipEntity } from "./membership.entity.js";
import { CooperativeEntity } from "./cooperative.entity.js";

const inviteInput = z.object({ email: z.email("a valid email address").max(254), role: membershipRole });
const addInput = z.object({ handle: z.string().trim().min(1, "required").max(64), role: membershipRole });
const roleInput = z.object({ role: membershipRole });
const acceptInput = z
  .object({
    secret: z.string().min(10, "not an invitation secret").max(200).nullish(),
    invitationId: z.string().nullish(),
  })
  .refine((input) => Boolean(input.secret) !== Boolean(input.invitationId), {
    message: "give either secret or invitationId",
    path: ["secret"],
  });

export const memberResolvers: Resolvers = {
  Mutation: {
    inviteMember: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cooperativeId = fromGlobalId(input.cooperativeId, "Cooperative", "input.cooperativeId");
      const viewer = context.policy.authorize("cooperative.manageMembers", { cooperativeId });
      const { email, role } = validateInput(inviteInput, input);
      const { invitation, secret } = await inTransaction(context.dataSource, async (manager) => {
        if (!(await manager.existsBy(CooperativeEntity, { id: cooperativeId })))
          throw notFound("Cooperative");
        return inviteMember(manager, actorFor(context, viewer), cooperativeId, email, role);
      });
      return { invitation, invitationUrl: `${context.publicUrl}/invitations/${encodeURIComponent(secret)}` };
    },
    acceptInvitation: async (_parent, { input }, context) => {
      const viewer = context.policy.authorize("invitation.accept");
      const { secret, invitationId } = validateInput(acceptInput, input);
      const lookup = secret
        ? { secret }
        : { invitationId: fromGlobalId(invitationId ?? "", "Invitation", "input.invitationId") };
      const membership = await inTransaction(context.dataSource, (manager) =>
        acceptInvitation(manager, actorFor(context, viewer), viewer.person, lookup),
      );
      return { membership };
    },
    revokeInvitation: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const invitationId = fromGlobalId(input.id, "Invitation", "input.id");
      const viewer = context.policy.requireViewer();
      await inTransaction(context.dataSource, async (manager) => {
        const invitation = await manager.findOneBy(InvitationEntity, { id: invitationId });
        if (!invitation) throw notFound("Invitation");
        context.policy.authorize("cooperative.manageMembers", { cooperativeId: invitation.cooperativeId });
        await revokeInvitation(manager, actorFor(context, viewer), invitation);
      });
      return { invitationId: input.id };
    },
    addMember: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cooperativeId = fromGlobalId(input.cooperativeId, "Cooperative", "input.cooperativeId");
      const viewer = context.policy.authorize("cooperative.manageMembers", { cooperativeId });
      const { handle, role } = validateInput(addInput, input);
      const membership = await inTransaction(context.dataSource, async (manager) => {
        if (!(await manager.existsBy(CooperativeEntity, { id: cooperativeId })))
          throw notFound("Cooperative");
        return addMember(manager, actorFor(context, viewer), cooperativeId, handle.replace(/^@/, ""), role);
      });
      return { membership };
    },
    changeMemberRole: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const membershipId = fromGlobalId(input.membershipId, "Membership", "input.membershipId");
      const viewer = context.policy.requireViewer();
      const { role } = validateInput(roleInput, input);
      const membership = await inTransaction(context.dataSource, async (manager) => {
        const existing = await manager.findOneBy(MembershipEntity, { id: membershipId });
        if (!existing) throw notFound("Membership");
        context.policy.authorize("cooperative.manageMembers", { cooperativeId: existing.cooperativeId });
        return changeMemberRole(manager, actorFor(context, viewer), existing, role);
      });
      return { membership };
    },
    removeMember: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const membershipId = fromGlobalId(input.membershipId, "Membership", "input.membershipId");
      const viewer = context.policy.requireViewer();
      const cooperativeId = await inTransaction(context.dataSource, async (manager) => {
        const existing = await manager.findOneBy(MembershipEntity, { id: membershipId });
        if (!existing) throw notFound("Membership");
        context.policy.authorize("cooperative.manageMembers", { cooperativeId: existing.cooperativeId });
        await removeMembership(manager, actorFor(context, viewer), existing, "removed");
        return existing.cooperativeId;
      });
      const cooperative = await context.loaders.cooperativeById.load(cooperativeId);
      if (!cooperative) throw notFound("Cooperative");
      return { removedMembershipId: input.membershipId, cooperative };
    },
    leaveCooperative: async (_parent, { input }, context) => {
      context.policy.requireViewer();
      const cooperativeId = fromGlobalId(input.cooperativeId, "Cooperative", "input.cooperativeId");
      const viewer = context.policy.authorize("cooperative.leave", { cooperativeId });
      await inTransaction(context.dataSource, async (manager) => {
        const existing = await manager.findOneBy(MembershipEntity, {
          cooperativeId,
          personId: viewer.person.id,
        });
        if (!existing) throw notFound("Membership");
        await removeMembership(manager, actorFor(context, viewer), existing, "left");
      });
      const cooperative = await context.loaders.cooperativeById.load(cooperativeId);
      if (!cooperative) throw notFound("Cooperative");
      return { cooperative };
    },
  },
  Membership: {
    id: (membership) => toGlobalId("Membership", membership.id),
    role: (membership) => toGraphqlEnum(membership.role),
    cooperative: async (membership, _args, context) => {
      const cooperative = await context.loaders.cooperativeById.load(membership.cooperativeId);
      if (!cooperative) throw notFound("Cooperative");
      return cooperative;
    },
    person: async (membership, _args, context) => {
      const person = await context.loaders.personById.load(membership.personId);
      if (!person) throw notFound("Person");
      return person;
    },
  },
  Invitation: {
    id: (invitation) => toGlobalId("Invitation", invitation.id),
    role: (invitation) => toGraphqlEnum(invitation.role),
    cooperative: async (invitation, _args, context) => {
      const cooperative = await context.loaders.cooperativeById.load(invitation.cooperativeId);
      if (!cooperative) throw notFound("Cooperative");
      return cooperative;
    },
    invitedBy: (invitation, _args, context) => context.loaders.personById.load(invitation.invitedById),
  },
};
