import type { MigrationInterface, QueryRunner } from "typeorm";

/** Placements (requests), their stored decisions, and the work per cluster that holds each reservation. */
export class CreatePlacements1764600000000 implements MigrationInterface {
  name = "CreatePlacements1764600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "placement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "created_by_id" uuid NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "source_kind" text NOT NULL, "blueprint_version_id" uuid, "blueprint_parameters" jsonb, "manifests" text NOT NULL, "replicas" integer NOT NULL, "per_replica" jsonb NOT NULL, "mode_kind" text NOT NULL, "mode_clusters" integer, "constraints" jsonb NOT NULL DEFAULT '{}', "spread" jsonb NOT NULL DEFAULT '{}', "toleration_seconds" integer NOT NULL DEFAULT '300', "wait_for_capacity" boolean NOT NULL DEFAULT false, "idempotency_key" text, "queued_at" TIMESTAMP WITH TIME ZONE, "placed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placement_idempotency_key" UNIQUE ("cooperative_id", "idempotency_key"), CONSTRAINT "placement_status_check" CHECK (status IN ('queued', 'placed', 'cancelled', 'failed')), CONSTRAINT "placement_source_check" CHECK (source_kind IN ('blueprint', 'manifests')), CONSTRAINT "placement_mode_check" CHECK (mode_kind IN ('duplicated', 'divided')), CONSTRAINT "placement_replicas_check" CHECK (replicas >= 1), CONSTRAINT "placement_toleration_check" CHECK (toleration_seconds >= 0), CONSTRAINT "PK_4f8b29ee2db5213bcb38b6c71c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_cooperative_created_idx" ON "placement"  ("cooperative_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_queued_idx" ON "placement"  ("queued_at", "id") WHERE status = 'queued'`,
    );
    await queryRunner.query(
      `CREATE TABLE "placement_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" text NOT NULL, "trigger" text NOT NULL, "requested_replicas" integer NOT NULL, "placeable_replicas" integer NOT NULL, "fair_share" double precision NOT NULL, "weights" jsonb NOT NULL, "explanation" jsonb NOT NULL, CONSTRAINT "placement_decision_outcome_check" CHECK (outcome IN ('placed', 'no_capacity', 'queued')), CONSTRAINT "placement_decision_trigger_check" CHECK (trigger IN ('initial', 'queue', 'failover')), CONSTRAINT "PK_2812fca683f4afe3eb5e2847701" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_decision_placement_idx" ON "placement_decision"  ("placement_id", "decided_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "placement_work" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "cluster_id" uuid NOT NULL, "provider_cooperative_id" uuid NOT NULL, "consumer_cooperative_id" uuid NOT NULL, "offer_id" uuid, "offer_version" integer, "replicas" integer NOT NULL, "reservation" jsonb NOT NULL, "namespace" text NOT NULL, "manifests" jsonb NOT NULL DEFAULT '[]', "generation" integer NOT NULL DEFAULT '1', "desired_state" text NOT NULL DEFAULT 'present', "removal_reason" text, "observed_generation" integer, "conditions" jsonb NOT NULL DEFAULT '[]', "objects" jsonb NOT NULL DEFAULT '[]', "reported_at" TIMESTAMP WITH TIME ZONE, "available_since" TIMESTAMP WITH TIME ZONE, "removal_requested_at" TIMESTAMP WITH TIME ZONE, "released_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placement_work_desired_check" CHECK (desired_state IN ('present', 'absent')), CONSTRAINT "placement_work_removal_check" CHECK (removal_reason IS NULL OR removal_reason IN ('cancelled', 'failover', 'cluster_revoked')), CONSTRAINT "placement_work_replicas_check" CHECK (replicas >= 1), CONSTRAINT "PK_9ec508caf7255438aa3683908f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placement_work_live_key" ON "placement_work"  ("placement_id", "cluster_id") WHERE released_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_work_cluster_live_idx" ON "placement_work"  ("cluster_id") WHERE released_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_work_placement_idx" ON "placement_work"  ("placement_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_work_provider_idx" ON "placement_work"  ("provider_cooperative_id", "available_since") `,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_work_consumer_idx" ON "placement_work"  ("consumer_cooperative_id", "available_since") `,
    );
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "placement_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "placement_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "placement_blueprint_version_fkey" FOREIGN KEY ("blueprint_version_id") REFERENCES "blueprint_version"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_decision" ADD CONSTRAINT "placement_decision_placement_fkey" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_work" ADD CONSTRAINT "placement_work_placement_fkey" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_work" ADD CONSTRAINT "placement_work_cluster_fkey" FOREIGN KEY ("cluster_id") REFERENCES "member_cluster"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_work" ADD CONSTRAINT "placement_work_provider_fkey" FOREIGN KEY ("provider_cooperative_id") REFERENCES "cooperative"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_work" ADD CONSTRAINT "placement_work_consumer_fkey" FOREIGN KEY ("consumer_cooperative_id") REFERENCES "cooperative"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_work" DROP CONSTRAINT "placement_work_consumer_fkey"`);
    await queryRunner.query(`ALTER TABLE "placement_work" DROP CONSTRAINT "placement_work_provider_fkey"`);
    await queryRunner.query(`ALTER TABLE "placement_work" DROP CONSTRAINT "placement_work_cluster_fkey"`);
    await queryRunner.query(`ALTER TABLE "placement_work" DROP CONSTRAINT "placement_work_placement_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "placement_decision" DROP CONSTRAINT "placement_decision_placement_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "placement_blueprint_version_fkey"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "placement_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "placement_cooperative_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."placement_work_consumer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_work_provider_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_work_placement_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_work_cluster_live_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_work_live_key"`);
    await queryRunner.query(`DROP TABLE "placement_work"`);
    await queryRunner.query(`DROP INDEX "public"."placement_decision_placement_idx"`);
    await queryRunner.query(`DROP TABLE "placement_decision"`);
    await queryRunner.query(`DROP INDEX "public"."placement_queued_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_cooperative_created_idx"`);
    await queryRunner.query(`DROP TABLE "placement"`);
  }
}
