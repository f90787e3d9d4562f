import type { MigrationClass } from '../migration-class';
import { InitialSchema1795296440983 } from './1795296440983-initial-schema';

export const SQLITE_MIGRATIONS: MigrationClass[] = [InitialSchema1795296440983];
