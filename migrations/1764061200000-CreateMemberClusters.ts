import type { MigrationInterface, QueryRunner } from "typeorm";

/** Member clusters with their join tokens, agent credentials, event log and status history. */
export class CreateMemberClusters1764061200000 implements MigrationInterface {
  name = "CreateMemberClusters1764061200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_cluster" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "name" text NOT NULL, "cluster_uid" text NOT NULL, "kubernetes_version" text NOT NULL, "agent_version" text NOT NULL, "labels" jsonb NOT NULL DEFAULT '{}', "taints" jsonb NOT NULL DEFAULT '[]', "acceptance" text NOT NULL DEFAULT 'pending', "acceptance_decided_by_id" uuid, "acceptance_decided_at" TIMESTAMP WITH TIME ZONE, "acceptance_note" text, "availability" text NOT NULL DEFAULT 'unknown', "conditions" jsonb NOT NULL DEFAULT '[]', "lease_renewed_at" TIMESTAMP WITH TIME ZONE, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "lease_lost_at" TIMESTAMP WITH TIME ZONE, "renewal_streak" integer NOT NULL DEFAULT '0', "latest_report" jsonb, "latest_report_observed_at" TIMESTAMP WITH TIME ZONE, "latest_report_received_at" TIMESTAMP WITH TIME ZONE, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "member_cluster_uid_key" UNIQUE ("cluster_uid"), CONSTRAINT "member_cluster_cooperative_name_key" UNIQUE ("cooperative_id", "name"), CONSTRAINT "member_cluster_acceptance_check" CHECK (acceptance IN ('pending', 'accepted', 'denied')), CONSTRAINT "member_cluster_availability_check" CHECK (availability IN ('true', 'false', 'unknown')), CONSTRAINT "member_cluster_renewal_streak_check" CHECK (renewal_streak >= 0), CONSTRAINT "PK_9fc7d7df8f64d82d04b1b927e0d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "member_cluster_lease_expires_idx" ON "member_cluster"  ("lease_expires_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "member_cluster_acceptance_name_idx" ON "member_cluster"  ("acceptance", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cluster_join_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "cluster_name" text NOT NULL, "secret_hash" text NOT NULL, "created_by_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "cluster_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cluster_join_token_secret_hash_key" UNIQUE ("secret_hash"), CONSTRAINT "PK_35183e99619ec8d6391398f6eed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cluster_join_token_cooperative_idx" ON "cluster_join_token"  ("cooperative_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cluster_credential" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cluster_id" uuid NOT NULL, "secret_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cluster_credential_secret_hash_key" UNIQUE ("secret_hash"), CONSTRAINT "cluster_credential_revoked_reason_check" CHECK (revoked_reason IN ('revoked', 'rotated', 'reregistered')), CONSTRAINT "PK_7e53d453e03f72a69a1a6c6b547" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cluster_credential_cluster_idx" ON "cluster_credential"  ("cluster_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cluster_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cluster_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "type" text NOT NULL, "source" text NOT NULL, "message" text NOT NULL DEFAULT '', "details" jsonb NOT NULL DEFAULT '{}', "actor_id" uuid, CONSTRAINT "cluster_event_source_check" CHECK (source IN ('hub', 'person', 'agent')), CONSTRAINT "PK_4aac35f4933c3da4ec6e30adb87" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cluster_event_cluster_occurred_idx" ON "cluster_event"  ("cluster_id", "occurred_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cluster_status_sample" ("cluster_id" uuid NOT NULL, "resolution" text NOT NULL, "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "figures" jsonb NOT NULL, CONSTRAINT "cluster_status_sample_resolution_check" CHECK (resolution IN ('raw', '5m')), CONSTRAINT "PK_89b03c72d3537617fe2de12a767" PRIMARY KEY ("cluster_id", "resolution", "observed_at"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cluster_status_sample_observed_idx" ON "cluster_status_sample"  ("resolution", "observed_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "member_cluster" ADD CONSTRAINT "member_cluster_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_join_token" ADD CONSTRAINT "cluster_join_token_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_join_token" ADD CONSTRAINT "cluster_join_token_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_join_token" ADD CONSTRAINT "cluster_join_token_cluster_fkey" FOREIGN KEY ("cluster_id") REFERENCES "member_cluster"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_credential" ADD CONSTRAINT "cluster_credential_cluster_fkey" FOREIGN KEY ("cluster_id") REFERENCES "member_cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_event" ADD CONSTRAINT "cluster_event_cluster_fkey" FOREIGN KEY ("cluster_id") REFERENCES "member_cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_status_sample" ADD CONSTRAINT "cluster_status_sample_cluster_fkey" FOREIGN KEY ("cluster_id") REFERENCES "member_cluster"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cluster_status_sample" DROP CONSTRAINT "cluster_status_sample_cluster_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "cluster_event" DROP CONSTRAINT "cluster_event_cluster_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "cluster_credential" DROP CONSTRAINT "cluster_credential_cluster_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_join_token" DROP CONSTRAINT "cluster_join_token_cluster_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_join_token" DROP CONSTRAINT "cluster_join_token_created_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_join_token" DROP CONSTRAINT "cluster_join_token_cooperative_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "member_cluster" DROP CONSTRAINT "member_cluster_cooperative_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_status_sample_observed_idx"`);
    await queryRunner.query(`DROP TABLE "cluster_status_sample"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_event_cluster_occurred_idx"`);
    await queryRunner.query(`DROP TABLE "cluster_event"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_credential_cluster_idx"`);
    await queryRunner.query(`DROP TABLE "cluster_credential"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_join_token_cooperative_idx"`);
    await queryRunner.query(`DROP TABLE "cluster_join_token"`);
    await queryRunner.query(`DROP INDEX "public"."member_cluster_acceptance_name_idx"`);
    await queryRunner.query(`DROP INDEX "public"."member_cluster_lease_expires_idx"`);
    await queryRunner.query(`DROP TABLE "member_cluster"`);
  }
}
