import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { MonthlyNoteDto, MonthlyNotesPageDto, MonthlyNoteVersionDto, NotesIndustryDto } from '@im/contracts';
import type { AccessScope } from '../../core/security/access-scope';
import { CurrentScope } from '../../core/security/auth-context';
import { Can } from '../../core/security/policy.decorator';
import { NotesQuery } from './dto/notes.query';
import { PutMonthlyNoteDto } from './dto/put-monthly-note.dto';
import { IdPipe } from './id.pipe';
import { NotesService } from './notes.service';

const ERROR_BODY = '{ code, message, details? } — message in Chinese';

/** Lead units' monthly notes (工作进展、存在问题、意见建议), narrowed to the reader's industries. */
@ApiTags('notes')
@Controller('notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get()
  @Can('data.read')
  @ApiOperation({ summary: 'Current monthly notes (filters: industry incl. sub-fields, period, unit, mine), newest month first' })
  @ApiOkResponse({ description: 'MonthlyNotesPageDto' })
  list(@Query() query: NotesQuery, @CurrentScope() scope: AccessScope): Promise<MonthlyNotesPageDto> {
    return this.notes.list(query, scope);
  }

  @Get('industries')
  @Can('data.read')
  @ApiOperation({ summary: 'Industries the user reads notes of, with the units a problem can be given to and whether the user may write' })
  @ApiOkResponse({ description: 'NotesIndustryDto[]' })
  industries(@CurrentScope() scope: AccessScope): Promise<NotesIndustryDto[]> {
    return this.notes.industries(scope);
  }

  @Get(':id')
  @Can('data.read')
  @ApiOperation({ summary: 'One note (its current version)' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ description: 'MonthlyNoteDto' })
  @ApiNotFoundResponse({ description: `NOTES_NOTE_NOT_FOUND (also for notes outside the user’s scope) — ${ERROR_BODY}` })
  get(@Param('id', IdPipe) id: number, @CurrentScope() scope: AccessScope): Promise<MonthlyNoteDto> {
    return this.notes.get(id, scope);
  }

  @Get(':id/versions')
  @Can('data.read')
  @ApiOperation({ summary: 'Every saved version of a note, newest first' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ description: 'MonthlyNoteVersionDto[]' })
  @ApiNotFoundResponse({ description: `NOTES_NOTE_NOT_FOUND — ${ERROR_BODY}` })
  versions(@Param('id', IdPipe) id: number, @CurrentScope() scope: AccessScope): Promise<MonthlyNoteVersionDto[]> {
    return this.notes.versions(id, scope);
  }

  @Put(':industryCode/:period')
  @Can('notes.write')
  @ApiOperation({
    summary: 'Save the signed-in lead unit’s note of an industry and month',
    description: 'Creates version 1, or adds a version when the text changed (an unchanged text changes nothing). When the note exists, baseVersion must be its current version (409 NOTES_NOTE_CHANGED otherwise).',
  })
  @ApiParam({ name: 'industryCode', example: 'sei.ngit' })
  @ApiParam({ name: 'period', example: '2025-10' })
  @ApiOkResponse({ description: 'MonthlyNoteDto' })
  @ApiBadRequestResponse({ description: `validation, NOTES_INVALID_PERIOD, NOTES_FUTURE_PERIOD — ${ERROR_BODY}` })
  @ApiForbiddenResponse({ description: `NOTES_INDUSTRY_NOT_LED: the unit does not lead this industry — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `NOTES_INDUSTRY_NOT_FOUND — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `NOTES_NOTE_CHANGED, NOTES_CONCURRENT_CHANGE — ${ERROR_BODY}` })
  put(@Param('industryCode') industryCode: string, @Param('period') period: string, @Body() body: PutMonthlyNoteDto, @CurrentScope() scope: AccessScope): Promise<MonthlyNoteDto> {
    return this.notes.put(industryCode, period, body, scope);
  }
}
