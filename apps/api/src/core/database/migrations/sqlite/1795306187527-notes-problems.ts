import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotesProblems1795306187527 implements MigrationInterface {
  name = 'NotesProblems1795306187527';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "monthly_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "industry_node_id" integer NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "unit" varchar(200) NOT NULL, "current_version" integer NOT NULL, "updated_at" datetime NOT NULL, "is_demo" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE INDEX "idx_monthly_note_period" ON "monthly_note" ("period_year", "period_month") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_monthly_note_subject" ON "monthly_note" ("industry_node_id", "period_year", "period_month", "unit") `);
    await queryRunner.query(`CREATE TABLE "monthly_note_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "note_id" integer NOT NULL, "version" integer NOT NULL, "progress" text NOT NULL, "problems" text NOT NULL, "suggestions" text NOT NULL, "created_by_user_id" integer, "created_by_name" varchar(100) NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_monthly_note_version" ON "monthly_note_version" ("note_id", "version") `);
    await queryRunner.query(`CREATE TABLE "problem" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "industry_node_id" integer NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "title" varchar(200) NOT NULL, "description" text NOT NULL, "owner_unit" varchar(200) NOT NULL, "raised_by_unit" varchar(200) NOT NULL, "due_date" varchar(10) NOT NULL, "status" varchar(16) NOT NULL, "closing_note" text, "closed_at" datetime, "note_id" integer, "created_by_user_id" integer, "created_by_name" varchar(100) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "is_demo" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE INDEX "idx_problem_status_due" ON "problem" ("status", "due_date") `);
    await queryRunner.query(`CREATE INDEX "idx_problem_industry" ON "problem" ("industry_node_id", "status") `);
    await queryRunner.query(`CREATE TABLE "problem_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "problem_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "from_status" varchar(16), "to_status" varchar(16), "note" text, "changes" text, "user_id" integer, "user_name" varchar(100) NOT NULL, "at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_problem_event_problem" ON "problem_event" ("problem_id", "id") `);
    await queryRunner.query(`DROP INDEX "idx_monthly_note_period"`);
    await queryRunner.query(`DROP INDEX "uq_monthly_note_subject"`);
    await queryRunner.query(`CREATE TABLE "temporary_monthly_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "industry_node_id" integer NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "unit" varchar(200) NOT NULL, "current_version" integer NOT NULL, "updated_at" datetime NOT NULL, "is_demo" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_9a7d7f514f64673cfcbc0218d84" FOREIGN KEY ("industry_node_id") REFERENCES "industry_node" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_monthly_note"("id", "industry_node_id", "period_year", "period_month", "unit", "current_version", "updated_at", "is_demo") SELECT "id", "industry_node_id", "period_year", "period_month", "unit", "current_version", "updated_at", "is_demo" FROM "monthly_note"`);
    await queryRunner.query(`DROP TABLE "monthly_note"`);
    await queryRunner.query(`ALTER TABLE "temporary_monthly_note" RENAME TO "monthly_note"`);
    await queryRunner.query(`CREATE INDEX "idx_monthly_note_period" ON "monthly_note" ("period_year", "period_month") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_monthly_note_subject" ON "monthly_note" ("industry_node_id", "period_year", "period_month", "unit") `);
    await queryRunner.query(`DROP INDEX "uq_monthly_note_version"`);
    await queryRunner.query(`CREATE TABLE "temporary_monthly_note_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "note_id" integer NOT NULL, "version" integer NOT NULL, "progress" text NOT NULL, "problems" text NOT NULL, "suggestions" text NOT NULL, "created_by_user_id" integer, "created_by_name" varchar(100) NOT NULL, "created_at" datetime NOT NULL, CONSTRAINT "FK_1403237126d45ca9bd0179c463d" FOREIGN KEY ("note_id") REFERENCES "monthly_note" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_monthly_note_version"("id", "note_id", "version", "progress", "problems", "suggestions", "created_by_user_id", "created_by_name", "created_at") SELECT "id", "note_id", "version", "progress", "problems", "suggestions", "created_by_user_id", "created_by_name", "created_at" FROM "monthly_note_version"`);
    await queryRunner.query(`DROP TABLE "monthly_note_version"`);
    await queryRunner.query(`ALTER TABLE "temporary_monthly_note_version" RENAME TO "monthly_note_version"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_monthly_note_version" ON "monthly_note_version" ("note_id", "version") `);
    await queryRunner.query(`DROP INDEX "idx_problem_status_due"`);
    await queryRunner.query(`DROP INDEX "idx_problem_industry"`);
    await queryRunner.query(`CREATE TABLE "temporary_problem" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "industry_node_id" integer NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "title" varchar(200) NOT NULL, "description" text NOT NULL, "owner_unit" varchar(200) NOT NULL, "raised_by_unit" varchar(200) NOT NULL, "due_date" varchar(10) NOT NULL, "status" varchar(16) NOT NULL, "closing_note" text, "closed_at" datetime, "note_id" integer, "created_by_user_id" integer, "created_by_name" varchar(100) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "is_demo" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_70299bd3bec50915a6ab9f7ae61" FOREIGN KEY ("industry_node_id") REFERENCES "industry_node" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_52671a646366d505e96d7484790" FOREIGN KEY ("note_id") REFERENCES "monthly_note" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_problem"("id", "industry_node_id", "period_year", "period_month", "title", "description", "owner_unit", "raised_by_unit", "due_date", "status", "closing_note", "closed_at", "note_id", "created_by_user_id", "created_by_name", "created_at", "updated_at", "is_demo") SELECT "id", "industry_node_id", "period_year", "period_month", "title", "description", "owner_unit", "raised_by_unit", "due_date", "status", "closing_note", "closed_at", "note_id", "created_by_user_id", "created_by_name", "created_at", "updated_at", "is_demo" FROM "problem"`);
    await queryRunner.query(`DROP TABLE "problem"`);
    await queryRunner.query(`ALTER TABLE "temporary_problem" RENAME TO "problem"`);
    await queryRunner.query(`CREATE INDEX "idx_problem_status_due" ON "problem" ("status", "due_date") `);
    await queryRunner.query(`CREATE INDEX "idx_problem_industry" ON "problem" ("industry_node_id", "status") `);
    await queryRunner.query(`DROP INDEX "idx_problem_event_problem"`);
    await queryRunner.query(`CREATE TABLE "temporary_problem_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "problem_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "from_status" varchar(16), "to_status" varchar(16), "note" text, "changes" text, "user_id" integer, "user_name" varchar(100) NOT NULL, "at" datetime NOT NULL, CONSTRAINT "FK_e7631314651648b265d565f03b2" FOREIGN KEY ("problem_id") REFERENCES "problem" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_problem_event"("id", "problem_id", "kind", "from_status", "to_status", "note", "changes", "user_id", "user_name", "at") SELECT "id", "problem_id", "kind", "from_status", "to_status", "note", "changes", "user_id", "user_name", "at" FROM "problem_event"`);
    await queryRunner.query(`DROP TABLE "problem_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_problem_event" RENAME TO "problem_event"`);
    await queryRunner.query(`CREATE INDEX "idx_problem_event_problem" ON "problem_event" ("problem_id", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_problem_event_problem"`);
    await queryRunner.query(`ALTER TABLE "problem_event" RENAME TO "temporary_problem_event"`);
    await queryRunner.query(`CREATE TABLE "problem_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "problem_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "from_status" varchar(16), "to_status" varchar(16), "note" text, "changes" text, "user_id" integer, "user_name" varchar(100) NOT NULL, "at" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "problem_event"("id", "problem_id", "kind", "from_status", "to_status", "note", "changes", "user_id", "user_name", "at") SELECT "id", "problem_id", "kind", "from_status", "to_status", "note", "changes", "user_id", "user_name", "at" FROM "temporary_problem_event"`);
    await queryRunner.query(`DROP TABLE "temporary_problem_event"`);
    await queryRunner.query(`CREATE INDEX "idx_problem_event_problem" ON "problem_event" ("problem_id", "id") `);
    await queryRunner.query(`DROP INDEX "idx_problem_industry"`);
    await queryRunner.query(`DROP INDEX "idx_problem_status_due"`);
    await queryRunner.query(`ALTER TABLE "problem" RENAME TO "temporary_problem"`);
    await queryRunner.query(`CREATE TABLE "problem" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "industry_node_id" integer NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "title" varchar(200) NOT NULL, "description" text NOT NULL, "owner_unit" varchar(200) NOT NULL, "raised_by_unit" varchar(200) NOT NULL, "due_date" varchar(10) NOT NULL, "status" varchar(16) NOT NULL, "closing_note" text, "closed_at" datetime, "note_id" integer, "created_by_user_id" integer, "created_by_name" varchar(100) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "is_demo" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "problem"("id", "industry_node_id", "period_year", "period_month", "title", "description", "owner_unit", "raised_by_unit", "due_date", "status", "closing_note", "closed_at", "note_id", "created_by_user_id", "created_by_name", "created_at", "updated_at", "is_demo") SELECT "id", "industry_node_id", "period_year", "period_month", "title", "description", "owner_unit", "raised_by_unit", "due_date", "status", "closing_note", "closed_at", "note_id", "created_by_user_id", "created_by_name", "created_at", "updated_at", "is_demo" FROM "temporary_problem"`);
    await queryRunner.query(`DROP TABLE "temporary_problem"`);
    await queryRunner.query(`CREATE INDEX "idx_problem_industry" ON "problem" ("industry_node_id", "status") `);
    await queryRunner.query(`CREATE INDEX "idx_problem_status_due" ON "problem" ("status", "due_date") `);
    await queryRunner.query(`DROP INDEX "uq_monthly_note_version"`);
    await queryRunner.query(`ALTER TABLE "monthly_note_version" RENAME TO "temporary_monthly_note_version"`);
    await queryRunner.query(`CREATE TABLE "monthly_note_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "note_id" integer NOT NULL, "version" integer NOT NULL, "progress" text NOT NULL, "problems" text NOT NULL, "suggestions" text NOT NULL, "created_by_user_id" integer, "created_by_name" varchar(100) NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "monthly_note_version"("id", "note_id", "version", "progress", "problems", "suggestions", "created_by_user_id", "created_by_name", "created_at") SELECT "id", "note_id", "version", "progress", "problems", "suggestions", "created_by_user_id", "created_by_name", "created_at" FROM "temporary_monthly_note_version"`);
    await queryRunner.query(`DROP TABLE "temporary_monthly_note_version"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_monthly_note_version" ON "monthly_note_version" ("note_id", "version") `);
    await queryRunner.query(`DROP INDEX "uq_monthly_note_subject"`);
    await queryRunner.query(`DROP INDEX "idx_monthly_note_period"`);
    await queryRunner.query(`ALTER TABLE "monthly_note" RENAME TO "temporary_monthly_note"`);
    await queryRunner.query(`CREATE TABLE "monthly_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "industry_node_id" integer NOT NULL, "period_year" smallint NOT NULL, "period_month" smallint NOT NULL, "unit" varchar(200) NOT NULL, "current_version" integer NOT NULL, "updated_at" datetime NOT NULL, "is_demo" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "monthly_note"("id", "industry_node_id", "period_year", "period_month", "unit", "current_version", "updated_at", "is_demo") SELECT "id", "industry_node_id", "period_year", "period_month", "unit", "current_version", "updated_at", "is_demo" FROM "temporary_monthly_note"`);
    await queryRunner.query(`DROP TABLE "temporary_monthly_note"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_monthly_note_subject" ON "monthly_note" ("industry_node_id", "period_year", "period_month", "unit") `);
    await queryRunner.query(`CREATE INDEX "idx_monthly_note_period" ON "monthly_note" ("period_year", "period_month") `);
    await queryRunner.query(`DROP INDEX "idx_problem_event_problem"`);
    await queryRunner.query(`DROP TABLE "problem_event"`);
    await queryRunner.query(`DROP INDEX "idx_problem_industry"`);
    await queryRunner.query(`DROP INDEX "idx_problem_status_due"`);
    await queryRunner.query(`DROP TABLE "problem"`);
    await queryRunner.query(`DROP INDEX "uq_monthly_note_version"`);
    await queryRunner.query(`DROP TABLE "monthly_note_version"`);
    await queryRunner.query(`DROP INDEX "uq_monthly_note_subject"`);
    await queryRunner.query(`DROP INDEX "idx_monthly_note_period"`);
    await queryRunner.query(`DROP TABLE "monthly_note"`);
  }
}
