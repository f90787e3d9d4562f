import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditPageDto } from '@im/contracts';
import { Can } from '../../core/security/policy.decorator';
import { AuditQuery } from './dto/audit.query';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Can('audit.read')
  @ApiOperation({ summary: 'Search the append-only audit log (newest first): who, when (UTC), IP, action, object, result, file SHA-256' })
  @ApiOkResponse({ description: 'AuditPageDto' })
  search(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.search(query);
  }
}
