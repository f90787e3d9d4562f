import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { Enterprise } from './entities/enterprise.entity';
import { Framework } from './entities/framework.entity';
import { Indicator } from './entities/indicator.entity';
import { IndustryNode } from './entities/industry-node.entity';
import { ParkIndustry } from './entities/park-industry.entity';
import { Region } from './entities/region.entity';
import { ReferenceWriterService } from './reference-writer.service';

@Module({
  imports: [TypeOrmModule.forFeature([Framework, IndustryNode, Region, ParkIndustry, Indicator, Enterprise])],
  controllers: [CatalogController],
  providers: [CatalogService, ReferenceWriterService],
  exports: [CatalogService, ReferenceWriterService],
})
export class CatalogModule {}
