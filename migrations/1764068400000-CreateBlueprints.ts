import type { MigrationInterface, QueryRunner } from "typeorm";

const IMMUTABLE_VERSION_FUNCTION = `CREATE FUNCTION blueprint_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.blueprint_id, NEW.version, NEW.manifest, NEW.parameter_schema, NEW.examples, NEW.readme, NEW.readme_html,
      NEW.source_tarball, NEW.source_sha256, NEW.source_size, NEW.content_sha256, NEW.file_count, NEW.chart_tarball,
      NEW.chart_sha256, NEW.origin, NEW.created_at)
     IS DISTINCT FROM
     (OLD.blueprint_id, OLD.version, OLD.manifest, OLD.parameter_schema, OLD.examples, OLD.readme, OLD.readme_html,
      OLD.source_tarball, OLD.source_sha256, OLD.source_size, OLD.content_sha256, OLD.file_count, OLD.chart_tarball,
      OLD.chart_sha256, OLD.origin, OLD.created_at) THEN
    RAISE EXCEPTION 'blueprint versions are immutable; only yanking changes a version'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$`;

/** Cluster blueprints: catalog, immutable versions, download counts, signing keys, the keyring, signatures. */
export class CreateBlueprints1764068400000 implements MigrationInterface {
  name = "CreateBlueprints1764068400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "blueprint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "publisher_cooperative_id" uuid, "title" text NOT NULL, "description" text NOT NULL, "category" text NOT NULL, "keywords" text array NOT NULL DEFAULT '{}', "deprecated" boolean NOT NULL DEFAULT false, "latest_version_id" uuid, "latest_version" text, "download_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "blueprint_name_key" UNIQUE ("name"), CONSTRAINT "blueprint_kind_check" CHECK (kind IN ('cluster_blueprint', 'app_blueprint')), CONSTRAINT "blueprint_download_total_check" CHECK (download_count >= 0), CONSTRAINT "PK_4eefae8b65b4866b9a1e5898586" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "blueprint_publisher_idx" ON "blueprint"  ("publisher_cooperative_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "blueprint_category_name_idx" ON "blueprint"  ("category", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "blueprint_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "blueprint_id" uuid NOT NULL, "version" text NOT NULL, "manifest" jsonb NOT NULL, "parameter_schema" jsonb NOT NULL, "examples" jsonb NOT NULL DEFAULT '{}', "readme" text NOT NULL, "readme_html" text NOT NULL, "deprecated" boolean NOT NULL DEFAULT false, "prerelease" boolean NOT NULL DEFAULT false, "contains_security_updates" boolean NOT NULL DEFAULT false, "source_tarball" bytea NOT NULL, "source_sha256" character(64) NOT NULL, "source_size" integer NOT NULL, "content_sha256" character(64) NOT NULL, "file_count" integer NOT NULL, "chart_tarball" bytea, "chart_sha256" character(64), "origin" text NOT NULL, "published_by_id" uuid, "yanked_at" TIMESTAMP WITH TIME ZONE, "yank_reason" text, "yanked_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "blueprint_version_key" UNIQUE ("blueprint_id", "version"), CONSTRAINT "blueprint_version_origin_check" CHECK (origin IN ('content', 'upload')), CONSTRAINT "blueprint_version_size_check" CHECK (source_size >= 0 AND file_count > 0), CONSTRAINT "blueprint_version_chart_check" CHECK ((chart_tarball IS NULL) = (chart_sha256 IS NULL)), CONSTRAINT "PK_c486a9934077f81a981c8ca6969" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "blueprint_download" ("version_id" uuid NOT NULL, "day" date NOT NULL, "artifact" text NOT NULL, "count" integer NOT NULL DEFAULT '0', CONSTRAINT "blueprint_download_artifact_check" CHECK (artifact IN ('source', 'rendered', 'chart')), CONSTRAINT "blueprint_download_count_check" CHECK (count >= 0), CONSTRAINT "PK_2a3b0aa97fb8886ebeba18bf39a" PRIMARY KEY ("version_id", "day", "artifact"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "blueprint_signing_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "name" text NOT NULL, "public_key" text NOT NULL, "fingerprint" character(64) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "blueprint_signing_key_fingerprint_key" UNIQUE ("fingerprint"), CONSTRAINT "PK_438274534553693f28d856198d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "blueprint_signing_key_cooperative_idx" ON "blueprint_signing_key"  ("cooperative_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "blueprint_keyring_entry" ("signing_key_id" uuid NOT NULL, "trusted_by_id" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17a8af77058cab78e6da1ccefe8" PRIMARY KEY ("signing_key_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "blueprint_signature" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "signing_key_id" uuid, "key_fingerprint" text NOT NULL, "signature" text NOT NULL, "valid" boolean NOT NULL, "problem" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "blueprint_signature_version_key" UNIQUE ("version_id"), CONSTRAINT "blueprint_signature_valid_check" CHECK (NOT valid OR signing_key_id IS NOT NULL), CONSTRAINT "PK_87ce88eb6d9ec6b69e9d43d8e0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint" ADD CONSTRAINT "blueprint_publisher_fkey" FOREIGN KEY ("publisher_cooperative_id") REFERENCES "cooperative"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_version" ADD CONSTRAINT "blueprint_version_blueprint_fkey" FOREIGN KEY ("blueprint_id") REFERENCES "blueprint"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_version" ADD CONSTRAINT "blueprint_version_published_by_fkey" FOREIGN KEY ("published_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_version" ADD CONSTRAINT "blueprint_version_yanked_by_fkey" FOREIGN KEY ("yanked_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_download" ADD CONSTRAINT "blueprint_download_version_fkey" FOREIGN KEY ("version_id") REFERENCES "blueprint_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_signing_key" ADD CONSTRAINT "blueprint_signing_key_cooperative_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperative"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_signing_key" ADD CONSTRAINT "blueprint_signing_key_created_by_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_keyring_entry" ADD CONSTRAINT "blueprint_keyring_entry_key_fkey" FOREIGN KEY ("signing_key_id") REFERENCES "blueprint_signing_key"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_keyring_entry" ADD CONSTRAINT "blueprint_keyring_entry_trusted_by_fkey" FOREIGN KEY ("trusted_by_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_signature" ADD CONSTRAINT "blueprint_signature_version_fkey" FOREIGN KEY ("version_id") REFERENCES "blueprint_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_signature" ADD CONSTRAINT "blueprint_signature_key_fkey" FOREIGN KEY ("signing_key_id") REFERENCES "blueprint_signing_key"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // Versions are immutable: only the yank columns may change, whatever code runs against the database.
    await queryRunner.query(IMMUTABLE_VERSION_FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER "blueprint_version_immutable" BEFORE UPDATE ON "blueprint_version" FOR EACH ROW EXECUTE FUNCTION blueprint_version_immutable()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "blueprint_version_immutable" ON "blueprint_version"`);
    await queryRunner.query(`DROP FUNCTION blueprint_version_immutable()`);
    await queryRunner.query(
      `ALTER TABLE "blueprint_signature" DROP CONSTRAINT "blueprint_signature_key_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_signature" DROP CONSTRAINT "blueprint_signature_version_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_keyring_entry" DROP CONSTRAINT "blueprint_keyring_entry_trusted_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_keyring_entry" DROP CONSTRAINT "blueprint_keyring_entry_key_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_signing_key" DROP CONSTRAINT "blueprint_signing_key_created_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_signing_key" DROP CONSTRAINT "blueprint_signing_key_cooperative_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_download" DROP CONSTRAINT "blueprint_download_version_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_version" DROP CONSTRAINT "blueprint_version_yanked_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_version" DROP CONSTRAINT "blueprint_version_published_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "blueprint_version" DROP CONSTRAINT "blueprint_version_blueprint_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "blueprint" DROP CONSTRAINT "blueprint_publisher_fkey"`);
    await queryRunner.query(`DROP TABLE "blueprint_signature"`);
    await queryRunner.query(`DROP TABLE "blueprint_keyring_entry"`);
    await queryRunner.query(`DROP INDEX "public"."blueprint_signing_key_cooperative_idx"`);
    await queryRunner.query(`DROP TABLE "blueprint_signing_key"`);
    await queryRunner.query(`DROP TABLE "blueprint_download"`);
    await queryRunner.query(`DROP TABLE "blueprint_version"`);
    await queryRunner.query(`DROP INDEX "public"."blueprint_category_name_idx"`);
    await queryRunner.query(`DROP INDEX "public"."blueprint_publisher_idx"`);
    await queryRunner.query(`DROP TABLE "blueprint"`);
  }
}
