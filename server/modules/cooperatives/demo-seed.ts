import type { DataSource } from "typeorm";
import { inTransaction } from "../../db/transaction.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { PersonEntity } from "../people/person.entity.js";
import { CooperativeEntity } from "./cooperative.entity.js";

/** Demo cooperatives of the embedded default, matching the development provider's demo people's groups. */
const DEMO_COOPERATIVES = [
  {
    slug: "green-hosting",
    name: "Green Hosting Cooperative",
    country: "DE",
    website: "https://green-hosting.example",
    description:
      "Hosts Odoo and Nextcloud for NGOs on renewable power, three kubeadm clusters in Berlin and Leipzig.",
    tier: "tcc_member" as const,
    status: "approved" as const,
  },
  {
    slug: "campus-cloud",
    name: "Campus Cloud",
    country: "CH",
    website: "https://campus-cloud.example",
    description: "A university cooperative running research and teaching workloads on spare lab hardware.",
    tier: "alliance_partner" as const,
    status: "approved" as const,
  },
  {
    slug: "odoo-collective",
    name: "Odoo Collective",
    country: "FR",
    website: null,
    description: "Freelance Odoo integrators applying to join as a vendor.",
    tier: "vendor" as const,
    status: "pending" as const,
  },
];

/**
 * Seeds the demo cooperatives once (idempotent), founded by the demo steward of the development provider, so
 * a newcomer signing in as Ada or Milo lands in a cooperative and Sam has an application to decide.
 */
export async function seedDemoCooperatives(
  dataSource: DataSource,
  devIssuer: string,
  now: Date,
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    let steward = await manager.findOneBy(PersonEntity, { issuer: devIssuer, subject: "demo-sam-steward" });
    steward ??= await manager.save(PersonEntity, {
      issuer: devIssuer,
      subject: "demo-sam-steward",
      email: "sam.steward@alliance.example",
      name: "Sam Steward",
      handle: "sam-steward",
      hubRoles: ["steward"],
      lastSignInAt: null,
    });
    for (const demo of DEMO_COOPERATIVES) {
      if (await manager.existsBy(CooperativeEntity, { slug: demo.slug })) continue;
      const cooperative = await manager.save(CooperativeEntity, {
        ...demo,
        foundedById: steward.id,
        decidedById: demo.status === "approved" ? steward.id : null,
        decidedAt: demo.status === "approved" ? now : null,
      });
      await recordAuditEvent(
        manager,
        { personId: steward.id, requestId: "demo-seed", now },
        {
          action: "cooperative.seeded",
          targetType: "Cooperative",
          targetId: cooperative.id,
          cooperativeId: cooperative.id,
          data: { slug: demo.slug },
        },
      );
    }
  });
}
