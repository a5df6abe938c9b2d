import type { DatabaseConfig } from "../../server/config.js";
import { migrate, openDatabase } from "../../server/db/data-source.js";
import type { CooperativeTier } from "../../server/modules/cooperatives/cooperative.entity.js";
import { MembershipEntity } from "../../server/modules/cooperatives/membership.entity.js";
import { buildApiToken, buildCooperative, buildPerson } from "../../test/support/factories.js";

/** What the foundation benchmark finds in its database. */
export interface FoundationSeed {
  /** A read/write API token of the person with memberships, to send as Bearer. */
  token: string;
  cooperativeCount: number;
  membershipsOfViewer: number;
}

const TIERS: CooperativeTier[] = ["alliance_partner", "tcc_member", "vendor"];
const COUNTRIES = ["DE", "FR", "NL", "ES", "IT", "AT", "BE", "PT"];

/**
 * Migrates the database and fills it like a young alliance: `cooperativeCount` approved cooperatives, each with
 * its founder as admin, and one person who belongs to `viewerMemberships` of them (admin of the first) and holds
 * an API token. Closes the database afterwards, so a hub process can open it (PGlite allows one process).
 */
export async function seedFoundation(
  config: DatabaseConfig,
  options: { cooperativeCount?: number; viewerMemberships?: number } = {},
): Promise<FoundationSeed> {
  const cooperativeCount = options.cooperativeCount ?? 200;
  const viewerMemberships = Math.min(options.viewerMemberships ?? 5, cooperativeCount);
  const database = await openDatabase(config);
  try {
    await migrate(database.dataSource);
    const { dataSource } = database;
    const viewer = await buildPerson(dataSource, { handle: "bench-viewer", name: "Bench Viewer" });
    for (let index = 0; index < cooperativeCount; index++) {
      const founder = await buildPerson(dataSource);
      const number = String(index + 1).padStart(3, "0");
      const cooperative = await buildCooperative(dataSource, {
        slug: `bench-coop-${number}`,
        name: `Bench Cooperative ${number}`,
        tier: TIERS[index % TIERS.length],
        country: COUNTRIES[index % COUNTRIES.length],
        admins: [founder],
      });
      if (index < viewerMemberships) {
        await dataSource.manager.save(MembershipEntity, {
          cooperativeId: cooperative.id,
          personId: viewer.id,
          role: index === 0 ? "admin" : "member",
          source: "manual",
        });
      }
    }
    const token = await buildApiToken(dataSource, viewer, { scopes: ["read"] });
    return { token, cooperativeCount, membershipsOfViewer: viewerMemberships };
  } finally {
    await database.close();
  }
}
