import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsMonitoring1795306301069 implements MigrationInterface {
  name = 'JobsMonitoring1795306301069';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`job_lock\` (\`job_name\` varchar(64) NOT NULL, \`holder\` varchar(160) NULL, \`locked_until\` datetime NULL, PRIMARY KEY (\`job_name\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`job_run\` (\`id\` int NOT NULL AUTO_INCREMENT, \`job_name\` varchar(64) NOT NULL, \`slot_key\` varchar(80) NOT NULL, \`trigger\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`run_for\` datetime NOT NULL, \`started_at\` datetime NOT NULL, \`finished_at\` datetime NULL, \`summary\` varchar(500) NULL, \`details_json\` text NULL, \`error_message\` varchar(1000) NULL, \`instance_id\` varchar(120) NOT NULL, \`triggered_by_id\` int NULL, INDEX \`idx_job_run_status\` (\`status\`), INDEX \`idx_job_run_started\` (\`job_name\`, \`started_at\`), UNIQUE INDEX \`uq_job_run_slot\` (\`job_name\`, \`slot_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(32) NOT NULL, \`severity\` varchar(16) NOT NULL, \`subject_key\` varchar(200) NOT NULL, \`period\` varchar(7) NOT NULL, \`target_code\` varchar(100) NULL, \`industry_node_id\` int NULL, \`region_id\` int NULL, \`district_id\` int NULL, \`title\` varchar(200) NOT NULL, \`body\` varchar(1000) NOT NULL, \`details_json\` text NULL, \`created_at\` datetime NOT NULL, \`resolved_at\` datetime NULL, \`acknowledged_at\` datetime NULL, \`acknowledged_by_id\` int NULL, INDEX \`idx_alert_open\` (\`resolved_at\`, \`created_at\`), UNIQUE INDEX \`uq_alert_subject\` (\`kind\`, \`subject_key\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reminder\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(32) NOT NULL, \`period\` varchar(7) NOT NULL, \`subject_key\` varchar(200) NOT NULL, \`audience_role\` varchar(16) NOT NULL, \`district_id\` int NULL, \`region_id\` int NULL, \`industry_node_id\` int NULL, \`title\` varchar(200) NOT NULL, \`body\` varchar(1000) NOT NULL, \`created_at\` datetime NOT NULL, \`resolved_at\` datetime NULL, \`dismissed_at\` datetime NULL, \`dismissed_by_id\` int NULL, INDEX \`idx_reminder_open\` (\`resolved_at\`, \`audience_role\`), UNIQUE INDEX \`uq_reminder_subject\` (\`kind\`, \`period\`, \`subject_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_reminder_subject\` ON \`reminder\``);
    await queryRunner.query(`DROP INDEX \`idx_reminder_open\` ON \`reminder\``);
    await queryRunner.query(`DROP TABLE \`reminder\``);
    await queryRunner.query(`DROP INDEX \`uq_alert_subject\` ON \`alert\``);
    await queryRunner.query(`DROP INDEX \`idx_alert_open\` ON \`alert\``);
    await queryRunner.query(`DROP TABLE \`alert\``);
    await queryRunner.query(`DROP INDEX \`uq_job_run_slot\` ON \`job_run\``);
    await queryRunner.query(`DROP INDEX \`idx_job_run_started\` ON \`job_run\``);
    await queryRunner.query(`DROP INDEX \`idx_job_run_status\` ON \`job_run\``);
    await queryRunner.query(`DROP TABLE \`job_run\``);
    await queryRunner.query(`DROP TABLE \`job_lock\``);
  }
}
