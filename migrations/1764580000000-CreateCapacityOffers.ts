import type { MigrationInterface, QueryRunner } from "typeorm";

/** Versioned capacity offers of accepted member clusters (one current version per cluster, history kept). */
export class CreateCapacityOffers1764580000000 implements MigrationInterface {
  name = "CreateCapacityOffers1764580000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "capacity_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cluster_id" uuid NOT NULL, "cooperative_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "caps" jsonb NOT NULL DEFAULT '{}', "free_share_percent" double precision, "allow" jsonb NOT NULL, "deny" jsonb NOT NULL, "windows" jsonb NOT NULL DEFAULT '[]', "preemptible" boolean NOT NULL DEFAULT false, "grace_period_seconds" integer NOT NULL DEFAULT '0', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "capacity_offer_cluster_version_key" UNIQUE ("cluster_id", "version"), CONSTRAINT "capacity_offer_status_check" CHECK (status IN ('active', 'paused', 'withdrawn')), CONSTRAINT "capacity_offer_version_check" CHECK (version >= 1), CONSTRAINT "capacity_offer_share_check" CHECK (free_share_percent IS NULL OR (free_share_percent >= 0 AND free_share_percent <= 100)), CONSTRAINT "capacity_offer_grace_check" CHECK (grace_period_seconds >= 0), CONSTRAINT "PK_7329c429453433cf1c60c0c89f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "capacity_offer_current_key" ON "capacity_offer"  ("cluster_id") WHERE superseded_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "capacity_offer_current_created_idx" ON "capacity_offer"  ("created_at", "id") WHERE superseded_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "capacity_offer" ADD CONSTRAINT "capacity_offer_cluster_fkey" FOREIGN KEY ("cluster_id") REFERENCES "member_cluster"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "capacity_offer" ADD CONSTRAINT "capacity_offer_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "capacity_offer" ADD CONSTRAINT "capacity_offer_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "capacity_offer" DROP CONSTRAINT "capacity_offer_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "capacity_offer" DROP CONSTRAINT "capacity_offer_cooperative_fkey"`);
    await queryRunner.query(`ALTER TABLE "capacity_offer" DROP CONSTRAINT "capacity_offer_cluster_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."capacity_offer_current_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."capacity_offer_current_key"`);
    await queryRunner.query(`DROP TABLE "capacity_offer"`);
  }
}
