import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UploadPipeline1795297238589 implements MigrationInterface {
  name = 'UploadPipeline1795297238589';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`upload_change\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batch_id\` int NOT NULL, \`seq\` int NOT NULL, \`kind\` varchar(8) NOT NULL, \`row_no\` int NULL, \`subject\` varchar(300) NOT NULL, \`indicator\` varchar(100) NULL, \`period\` varchar(40) NULL, \`unit\` varchar(24) NULL, \`fields_json\` varchar(2000) NOT NULL, INDEX \`idx_upload_change_batch\` (\`batch_id\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`upload_issue\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batch_id\` int NOT NULL, \`seq\` int NOT NULL, \`row_no\` int NULL, \`column_name\` varchar(100) NULL, \`code\` varchar(32) NOT NULL, \`severity\` varchar(8) NOT NULL, \`message\` varchar(500) NOT NULL, \`cell_value\` varchar(200) NULL, \`suggestions\` varchar(500) NULL, INDEX \`idx_upload_issue_batch\` (\`batch_id\`, \`severity\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`upload_lock\` (\`dataset\` varchar(32) NOT NULL, \`period_year\` smallint NOT NULL, \`period_month\` smallint NOT NULL, \`batch_id\` int NOT NULL, \`locked_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`dataset\`, \`period_year\`, \`period_month\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`period_from_year\` smallint NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`period_from_month\` smallint NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`period_label\` varchar(80) NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`rows_data\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`rows_excluded\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`observations_recomputed\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`committed_by_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`rolled_back_by_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`options_json\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`report_json\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`duplicate_of_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`message\` varchar(500) NULL`);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` ADD \`commit_started_at\` datetime NULL`);
    await queryRunner.query(`CREATE INDEX \`idx_upload_batch_status\` ON \`upload_batch\` (\`status\`)`);
    await queryRunner.query(`ALTER TABLE \`upload_change\` ADD CONSTRAINT \`FK_403141e4f7190ea1a63da08dc0d\` FOREIGN KEY (\`batch_id\`) REFERENCES \`upload_batch\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`upload_issue\` ADD CONSTRAINT \`FK_aff7922fdadc2c8e6f794c6ac32\` FOREIGN KEY (\`batch_id\`) REFERENCES \`upload_batch\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`upload_issue\` DROP FOREIGN KEY \`FK_aff7922fdadc2c8e6f794c6ac32\``);
    await queryRunner.query(`ALTER TABLE \`upload_change\` DROP FOREIGN KEY \`FK_403141e4f7190ea1a63da08dc0d\``);
    await queryRunner.query(`DROP INDEX \`idx_upload_batch_status\` ON \`upload_batch\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`commit_started_at\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`message\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`duplicate_of_id\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`report_json\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`options_json\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`rolled_back_by_id\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`committed_by_id\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`observations_recomputed\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`rows_excluded\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`rows_data\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`period_label\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`period_from_month\``);
    await queryRunner.query(`ALTER TABLE \`upload_batch\` DROP COLUMN \`period_from_year\``);
    await queryRunner.query(`DROP TABLE \`upload_lock\``);
    await queryRunner.query(`DROP INDEX \`idx_upload_issue_batch\` ON \`upload_issue\``);
    await queryRunner.query(`DROP TABLE \`upload_issue\``);
    await queryRunner.query(`DROP INDEX \`idx_upload_change_batch\` ON \`upload_change\``);
    await queryRunner.query(`DROP TABLE \`upload_change\``);
  }
}
