import { decodeCursor, pageSize, toConnection } from "../../graphql/connection.js";
import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id.js";
import { AuditEventEntity } from "./audit-event.entity.js";

export const auditResolvers: Resolvers = {
  Query: {
    auditEvents: async (_parent, { first, after, filter }, context) => {
      const cooperativeId = filter?.cooperativeId
        ? fromGlobalId(filter.cooperativeId, "Cooperative", "filter.cooperativeId")
        : undefined;
      context.policy.authorize("audit.read", { cooperativeId });
      const size = pageSize(first, 50);
      const builder = context.dataSource.manager.createQueryBuilder(AuditEventEntity, "event");
      if (cooperativeId) builder.andWhere("event.cooperative_id = :cooperativeId", { cooperativeId });
      if (filter?.action) builder.andWhere("event.action = :action", { action: filter.action });
      if (after) {
        const [occurredAt, id] = decodeCursor(after, 2);
        builder.andWhere("(event.occurred_at, event.id) < (:occurredAt, :id)", { occurredAt, id });
      }
      const rows = await builder
        .orderBy("event.occurred_at", "DESC")
        .addOrderBy("event.id", "DESC")
        .take(size + 1)
        .getMany();
      return toConnection(rows, size, (row) => [row.occurredAt.toISOString(), row.id], Boolean(after));
    },
  },
  AuditEvent: {
    id: (event) => toGlobalId("AuditEvent", event.id),
    actor: (event, _args, context) => (event.actorId ? context.loaders.personById.load(event.actorId) : null),
    cooperative: (event, _args, context) =>
      event.cooperativeId ? context.loaders.cooperativeById.load(event.cooperativeId) : null,
  },
};
