import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foreign keys from target to the catalog rows its series name (industry node, region, indicator, and
 * the denominator's), ON DELETE RESTRICT: a catalog row a target measures cannot disappear under it.
 * SQLite cannot add a constraint to a table, so the table is rebuilt (TypeORM switches foreign keys off
 * around up(); see down() for the way back).
 */
export class TargetForeignKeys1795308251454 implements MigrationInterface {
  name = 'TargetForeignKeys1795308251454';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_target_plan_code"`);
    await queryRunner.query(`CREATE TABLE "temporary_target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "subject_type" varchar(8) NOT NULL, "industry_node_id" integer, "region_id" integer, "indicator_id" integer NOT NULL, "denominator_industry_node_id" integer, "denominator_region_id" integer, "denominator_indicator_id" integer, "kind" varchar(8) NOT NULL, "comparator" varchar(4) NOT NULL DEFAULT ('gte'), "target_value" decimal(15,4) NOT NULL, "target_year" smallint NOT NULL, "baseline_value" decimal(15,4), "baseline_year" smallint, "baseline_scope_label" varchar(200), "unit" varchar(24) NOT NULL, "source_document" varchar(200), "source_article" varchar(200), "note" varchar(1000), CONSTRAINT "FK_f71740fb10898acc8595d41df89" FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c3a44ad397cb9dd93bd23d5bb01" FOREIGN KEY ("industry_node_id") REFERENCES "industry_node" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_86e138eb8e2591a30b7c0bc2492" FOREIGN KEY ("region_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a861c493e85a2cc2034f11ab3d0" FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_71a18c528d27952d9bc9e8ddbad" FOREIGN KEY ("denominator_industry_node_id") REFERENCES "industry_node" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_902f3542906fce78f7ccfcc08fa" FOREIGN KEY ("denominator_region_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_1f4809ad81b99bd9265be25145a" FOREIGN KEY ("denominator_indicator_id") REFERENCES "indicator" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_target"("id", "plan_id", "code", "name", "subject_type", "industry_node_id", "region_id", "indicator_id", "denominator_industry_node_id", "denominator_region_id", "denominator_indicator_id", "kind", "comparator", "target_value", "target_year", "baseline_value", "baseline_year", "baseline_scope_label", "unit", "source_document", "source_article", "note") SELECT "id", "plan_id", "code", "name", "subject_type", "industry_node_id", "region_id", "indicator_id", "denominator_industry_node_id", "denominator_region_id", "denominator_indicator_id", "kind", "comparator", "target_value", "target_year", "baseline_value", "baseline_year", "baseline_scope_label", "unit", "source_document", "source_article", "note" FROM "target"`);
    await queryRunner.query(`DROP TABLE "target"`);
    await queryRunner.query(`ALTER TABLE "temporary_target" RENAME TO "target"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_target_plan_code" ON "target" ("plan_id", "code") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Reverted inside a transaction, where SQLite keeps foreign keys on: dropping "target" deletes its
    // annual targets (ON DELETE CASCADE), so they are kept aside and put back. The table is rebuilt the
    // way up() does it (create, copy, drop, rename) so that annual_target keeps referencing "target".
    await queryRunner.query(`CREATE TEMPORARY TABLE "annual_target_keep" AS SELECT * FROM "annual_target"`);
    await queryRunner.query(`DROP INDEX "uq_target_plan_code"`);
    await queryRunner.query(`CREATE TABLE "temporary_target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "subject_type" varchar(8) NOT NULL, "industry_node_id" integer, "region_id" integer, "indicator_id" integer NOT NULL, "denominator_industry_node_id" integer, "denominator_region_id" integer, "denominator_indicator_id" integer, "kind" varchar(8) NOT NULL, "comparator" varchar(4) NOT NULL DEFAULT ('gte'), "target_value" decimal(15,4) NOT NULL, "target_year" smallint NOT NULL, "baseline_value" decimal(15,4), "baseline_year" smallint, "baseline_scope_label" varchar(200), "unit" varchar(24) NOT NULL, "source_document" varchar(200), "source_article" varchar(200), "note" varchar(1000), CONSTRAINT "FK_f71740fb10898acc8595d41df89" FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_target"("id", "plan_id", "code", "name", "subject_type", "industry_node_id", "region_id", "indicator_id", "denominator_industry_node_id", "denominator_region_id", "denominator_indicator_id", "kind", "comparator", "target_value", "target_year", "baseline_value", "baseline_year", "baseline_scope_label", "unit", "source_document", "source_article", "note") SELECT "id", "plan_id", "code", "name", "subject_type", "industry_node_id", "region_id", "indicator_id", "denominator_industry_node_id", "denominator_region_id", "denominator_indicator_id", "kind", "comparator", "target_value", "target_year", "baseline_value", "baseline_year", "baseline_scope_label", "unit", "source_document", "source_article", "note" FROM "target"`);
    await queryRunner.query(`DROP TABLE "target"`);
    await queryRunner.query(`ALTER TABLE "temporary_target" RENAME TO "target"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_target_plan_code" ON "target" ("plan_id", "code") `);
    await queryRunner.query(`INSERT INTO "annual_target" SELECT * FROM "annual_target_keep" WHERE "id" NOT IN (SELECT "id" FROM "annual_target")`);
    await queryRunner.query(`DROP TABLE "annual_target_keep"`);
  }
}
