import type { MigrationInterface, QueryRunner } from "typeorm";

/** People, cooperatives with memberships and invitations, API tokens, the audit log, sessions, rate limits. */
export class CreateFoundation1764057600000 implements MigrationInterface {
  name = "CreateFoundation1764057600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer" text NOT NULL, "subject" text NOT NULL, "email" text, "name" text NOT NULL, "handle" text NOT NULL, "hub_roles" text array NOT NULL DEFAULT '{}', "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "person_identity_key" UNIQUE ("issuer", "subject"), CONSTRAINT "person_handle_key" UNIQUE ("handle"), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cooperative" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "country" character(2) NOT NULL, "website" text, "description" text NOT NULL DEFAULT '', "tier" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "founded_by_id" uuid NOT NULL, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cooperative_slug_key" UNIQUE ("slug"), CONSTRAINT "cooperative_tier_check" CHECK (tier IN ('alliance_partner', 'tcc_member', 'vendor')), CONSTRAINT "cooperative_status_check" CHECK (status IN ('pending', 'approved', 'declined')), CONSTRAINT "PK_b53942b37eb26a5d32a9a6ed455" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cooperative_status_name_idx" ON "cooperative"  ("status", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" text NOT NULL, "source" text NOT NULL DEFAULT 'manual', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "membership_cooperative_person_key" UNIQUE ("cooperative_id", "person_id"), CONSTRAINT "membership_role_check" CHECK (role IN ('member', 'admin')), CONSTRAINT "membership_source_check" CHECK (source IN ('manual', 'oidc', 'invitation')), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "membership_person_idx" ON "membership"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "secret_hash" text NOT NULL, "invited_by_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by_id" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invitation_secret_hash_key" UNIQUE ("secret_hash"), CONSTRAINT "invitation_role_check" CHECK (role IN ('member', 'admin')), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "invitation_cooperative_idx" ON "invitation"  ("cooperative_id") `);
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "name" text NOT NULL, "scopes" text array NOT NULL, "secret_hash" text NOT NULL, "display_prefix" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "api_token_secret_hash_key" UNIQUE ("secret_hash"), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "api_token_person_idx" ON "api_token"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text NOT NULL, "cooperative_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "request_id" text, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_occurred_idx" ON "audit_event"  ("occurred_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_cooperative_idx" ON "audit_event"  ("cooperative_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "http_session" ("sid" text NOT NULL, "data" jsonb NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7334e970771cdb925d7f3de0ba0" PRIMARY KEY ("sid"))`,
    );
    await queryRunner.query(`CREATE INDEX "http_session_expires_idx" ON "http_session"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "rate_limit_bucket" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_297f92caac7bd103dfaf6d95490" PRIMARY KEY ("key", "window_start"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "rate_limit_bucket_window_idx" ON "rate_limit_bucket"  ("window_start") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cooperative" ADD CONSTRAINT "cooperative_founded_by_fkey" FOREIGN KEY ("founded_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "invitation_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invited_by_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "invitation_accepted_by_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "api_token_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" DROP CONSTRAINT "api_token_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_accepted_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_invited_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_cooperative_fkey"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_cooperative_fkey"`);
    await queryRunner.query(`ALTER TABLE "cooperative" DROP CONSTRAINT "cooperative_founded_by_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."rate_limit_bucket_window_idx"`);
    await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
    await queryRunner.query(`DROP INDEX "public"."http_session_expires_idx"`);
    await queryRunner.query(`DROP TABLE "http_session"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_cooperative_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_occurred_idx"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP INDEX "public"."api_token_person_idx"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."invitation_cooperative_idx"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP INDEX "public"."membership_person_idx"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP INDEX "public"."cooperative_status_name_idx"`);
    await queryRunner.query(`DROP TABLE "cooperative"`);
    await queryRunner.query(`DROP TABLE "person"`);
  }
}
