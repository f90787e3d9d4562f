import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetForeignKeys1795308254053 implements MigrationInterface {
  name = 'TargetForeignKeys1795308254053';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`target\` ADD CONSTRAINT \`FK_c3a44ad397cb9dd93bd23d5bb01\` FOREIGN KEY (\`industry_node_id\`) REFERENCES \`industry_node\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`target\` ADD CONSTRAINT \`FK_86e138eb8e2591a30b7c0bc2492\` FOREIGN KEY (\`region_id\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`target\` ADD CONSTRAINT \`FK_a861c493e85a2cc2034f11ab3d0\` FOREIGN KEY (\`indicator_id\`) REFERENCES \`indicator\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`target\` ADD CONSTRAINT \`FK_71a18c528d27952d9bc9e8ddbad\` FOREIGN KEY (\`denominator_industry_node_id\`) REFERENCES \`industry_node\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`target\` ADD CONSTRAINT \`FK_902f3542906fce78f7ccfcc08fa\` FOREIGN KEY (\`denominator_region_id\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`target\` ADD CONSTRAINT \`FK_1f4809ad81b99bd9265be25145a\` FOREIGN KEY (\`denominator_indicator_id\`) REFERENCES \`indicator\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`target\` DROP FOREIGN KEY \`FK_1f4809ad81b99bd9265be25145a\``);
    await queryRunner.query(`ALTER TABLE \`target\` DROP FOREIGN KEY \`FK_902f3542906fce78f7ccfcc08fa\``);
    await queryRunner.query(`ALTER TABLE \`target\` DROP FOREIGN KEY \`FK_71a18c528d27952d9bc9e8ddbad\``);
    await queryRunner.query(`ALTER TABLE \`target\` DROP FOREIGN KEY \`FK_a861c493e85a2cc2034f11ab3d0\``);
    await queryRunner.query(`ALTER TABLE \`target\` DROP FOREIGN KEY \`FK_86e138eb8e2591a30b7c0bc2492\``);
    await queryRunner.query(`ALTER TABLE \`target\` DROP FOREIGN KEY \`FK_c3a44ad397cb9dd93bd23d5bb01\``);
  }
}
