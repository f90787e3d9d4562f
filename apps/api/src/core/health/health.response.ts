import { ApiProperty } from '@nestjs/swagger';
import type { DatabaseDriver, HealthDto } from '@im/contracts';

class HealthDatabase {
  @ApiProperty({ enum: ['mysql', 'sqlite'] }) driver!: DatabaseDriver;
  @ApiProperty() connected!: boolean;
  @ApiProperty() migrationsApplied!: number;
  @ApiProperty() migrationsPending!: number;
}

/** OpenAPI description of HealthDto. */
export class HealthResponse implements HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: HealthDatabase }) database!: HealthDatabase;
  @ApiProperty({ description: 'true when the demo dataset is loaded' }) demo!: boolean;
  @ApiProperty() version!: string;
}
