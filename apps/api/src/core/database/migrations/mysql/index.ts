import type { MigrationClass } from '../migration-class';
import { InitialSchema1795296441346 } from './1795296441346-initial-schema';

export const MYSQL_MIGRATIONS: MigrationClass[] = [InitialSchema1795296441346];
