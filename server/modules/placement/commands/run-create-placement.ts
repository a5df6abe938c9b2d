import type { DataSource } from "typeorm";
import type { Actor } from "../../audit/record-audit-event.js";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import { PlacementEntity } from "../model/placement.entity.js";
import { withReservationRetries } from "../reserve/with-reservation-retries.js";
import {
  type CreatePlacementCommand,
  type CreatePlacementOutcome,
  createPlacement,
} from "./create-placement.js";

function isIdempotencyRace(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: unknown; constraint?: unknown } })?.driverError ?? error;
  const { code, constraint } = (driver ?? {}) as { code?: unknown; constraint?: unknown };
  return code === "23505" && (constraint === undefined || constraint === "placement_idempotency_key");
}

/**
 * Runs {@link createPlacement} in its own transaction, retried on lock contention. Two requests racing with the
 * same idempotency key: the second waits on the unique key, fails when the first commits, and returns the first's
 * placement, so a client retrying after a timeout or a hub restart never places twice.
 */
export async function runCreatePlacement(
  dataSource: DataSource,
  actor: Actor & { personId: string },
  cooperative: Cooperative,
  command: CreatePlacementCommand,
): Promise<CreatePlacementOutcome> {
  try {
    return await withReservationRetries(dataSource, (manager, locks) =>
      createPlacement(manager, locks, actor, cooperative, command),
    );
  } catch (error) {
    if (command.idempotencyKey === null || !isIdempotencyRace(error)) throw error;
    const existing = await dataSource.manager.findOneBy(PlacementEntity, {
      cooperativeId: cooperative.id,
      idempotencyKey: command.idempotencyKey,
    });
    if (!existing) throw error;
    return { kind: "existing", placement: existing };
  }
}
