import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  BriefDto,
  BriefSummaryDto,
  BriefTemplateDto,
  BriefTemplatePreviewDto,
  BriefTemplateRevisionDto,
  BriefTemplateSetDto,
  GenerateBriefResultDto,
} from '@im/contracts';
import type { AccessScope } from '../../core/security/access-scope';
import { CurrentScope } from '../../core/security/auth-context';
import { Can } from '../../core/security/policy.decorator';
import { BriefTemplatesService } from './brief-templates.service';
import { BriefsService } from './briefs.service';
import { GenerateBriefBody } from './dto/generate-brief.body';
import { ListBriefsQuery } from './dto/list-briefs.query';
import { PreviewBriefTemplateBody, PutBriefTemplateBody } from './dto/template.body';

const briefId = new ParseIntPipe({ exceptionFactory: () => new BadRequestException('简报编号应为整数') });

/** `filename*` (RFC 5987) for Chinese file names, with an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@ApiTags('briefs')
@Controller('briefs')
export class BriefsController {
  constructor(
    private readonly briefs: BriefsService,
    private readonly templates: BriefTemplatesService,
  ) {}

  @Get()
  @Can('data.read')
  @ApiOperation({ summary: 'Stored briefs (latest version of each month), newest first; district users get their district’s view, lead units the city brief' })
  @ApiOkResponse({ description: 'BriefSummaryDto[]' })
  list(@Query() query: ListBriefsQuery, @CurrentScope() scope: AccessScope): Promise<BriefSummaryDto[]> {
    return this.briefs.list(scope, query);
  }

  @Get('templates')
  @Can('briefs.manage')
  @ApiOperation({ summary: 'The wording patterns of the brief with their placeholders, defaults and revisions' })
  templateSet(): Promise<BriefTemplateSetDto> {
    return this.templates.set();
  }

  @Get('templates/:key/history')
  @Can('briefs.manage')
  @ApiOperation({ summary: 'Every saved revision of one pattern (who, when, what), newest first' })
  templateHistory(@Param('key') key: string): Promise<BriefTemplateRevisionDto[]> {
    return this.templates.history(key);
  }

  @Put('templates/:key')
  @Can('briefs.manage')
  @ApiOperation({ summary: 'Saves a new revision of a pattern (validated: known placeholders, required ones present); an empty text restores the default' })
  putTemplate(@Param('key') key: string, @Body() body: PutBriefTemplateBody): Promise<BriefTemplateDto> {
    return this.templates.put(key, body.text);
  }

  @Post('templates/preview')
  @HttpCode(200)
  @Can('briefs.manage')
  @ApiOperation({ summary: 'A pattern filled with sample figures, and the sample sentences it changes (nothing saved)' })
  previewTemplate(@Body() body: PreviewBriefTemplateBody): BriefTemplatePreviewDto {
    return this.templates.preview(body.key, body.text);
  }

  @Post('generate')
  @HttpCode(200)
  @Can('briefs.manage')
  @ApiOperation({ summary: 'Generates (or regenerates) the brief of a month for the city and every district; a new version only when the content changed' })
  generate(@Body() body: GenerateBriefBody): Promise<GenerateBriefResultDto> {
    return this.briefs.generateManual(body.year, body.month, body.kind ?? 'monthly');
  }

  @Get(':id.docx')
  @Can('data.read')
  @ApiProduces(MIME.docx)
  @ApiParam({ name: 'id', example: 1 })
  @ApiOperation({ summary: 'The brief as an editable Word document (A4, Chinese fonts), audited as an export' })
  async docx(@Param('id', briefId) id: number, @CurrentScope() scope: AccessScope, @Res() res: Response): Promise<void> {
    const { fileName, body } = await this.briefs.exportFile(id, scope, 'docx');
    res.setHeader('Content-Type', MIME.docx);
    res.setHeader('Content-Disposition', attachment(fileName));
    res.end(body);
  }

  @Get(':id.xlsx')
  @Can('data.read')
  @ApiProduces(MIME.xlsx)
  @ApiParam({ name: 'id', example: 1 })
  @ApiOperation({ summary: 'The brief’s tables as an Excel workbook (one sheet per section), audited as an export' })
  async xlsx(@Param('id', briefId) id: number, @CurrentScope() scope: AccessScope, @Res() res: Response): Promise<void> {
    const { fileName, body } = await this.briefs.exportFile(id, scope, 'xlsx');
    res.setHeader('Content-Type', MIME.xlsx);
    res.setHeader('Content-Disposition', attachment(fileName));
    res.end(body);
  }

  @Get(':id')
  @Can('data.read')
  @ApiOperation({ summary: 'One brief version with its content (sections, tables, chart data) and the list of its versions' })
  @ApiOkResponse({ description: 'BriefDto' })
  get(@Param('id', briefId) id: number, @CurrentScope() scope: AccessScope): Promise<BriefDto> {
    return this.briefs.get(id, scope);
  }
}
