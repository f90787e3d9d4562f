import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ProblemDto, ProblemEventDto, ProblemsPageDto } from '@im/contracts';
import type { AccessScope } from '../../core/security/access-scope';
import { CurrentScope } from '../../core/security/auth-context';
import { Can } from '../../core/security/policy.decorator';
import { CreateProblemDto, ProblemTransitionDto, UpdateProblemDto } from './dto/problem.dto';
import { ProblemsQuery } from './dto/problems.query';
import { IdPipe } from './id.pipe';
import { ProblemsService } from './problems.service';

const ERROR_BODY = '{ code, message, details? } — message in Chinese';

/** The problem list (问题清单, 对账销号), narrowed to the reader's industries. */
@ApiTags('problems')
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Get()
  @Can('data.read')
  @ApiOperation({ summary: 'Problems (filters: industry incl. sub-fields, status, overdue, owner, period, noteId); open first, earliest due first' })
  @ApiOkResponse({ description: 'ProblemsPageDto' })
  list(@Query() query: ProblemsQuery, @CurrentScope() scope: AccessScope): Promise<ProblemsPageDto> {
    return this.problems.list(query, scope);
  }

  @Post()
  @Can('notes.write')
  @ApiOperation({ summary: 'Raise a problem on a led industry (status open)' })
  @ApiCreatedResponse({ description: 'ProblemDto' })
  @ApiBadRequestResponse({ description: `validation, NOTES_INVALID_PERIOD, NOTES_FUTURE_PERIOD, NOTES_INVALID_DUE_DATE, NOTES_OWNER_UNIT_UNKNOWN, NOTES_NOTE_LINK_INVALID — ${ERROR_BODY}` })
  @ApiForbiddenResponse({ description: `NOTES_INDUSTRY_NOT_LED — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `NOTES_INDUSTRY_NOT_FOUND — ${ERROR_BODY}` })
  create(@Body() body: CreateProblemDto, @CurrentScope() scope: AccessScope): Promise<ProblemDto> {
    return this.problems.create(body, scope);
  }

  @Get(':id')
  @Can('data.read')
  @ApiOperation({ summary: 'One problem' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ description: 'ProblemDto' })
  @ApiNotFoundResponse({ description: `NOTES_PROBLEM_NOT_FOUND (also outside the user’s scope) — ${ERROR_BODY}` })
  get(@Param('id', IdPipe) id: number, @CurrentScope() scope: AccessScope): Promise<ProblemDto> {
    return this.problems.get(id, scope);
  }

  @Patch(':id')
  @Can('notes.write')
  @ApiOperation({ summary: 'Change title, description, owner unit or due date (lead unit of the industry; not when closed)' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ description: 'ProblemDto' })
  @ApiBadRequestResponse({ description: `validation, NOTES_INVALID_DUE_DATE, NOTES_OWNER_UNIT_UNKNOWN — ${ERROR_BODY}` })
  @ApiForbiddenResponse({ description: `NOTES_INDUSTRY_NOT_LED — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `NOTES_PROBLEM_NOT_FOUND — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `NOTES_PROBLEM_CLOSED, NOTES_CONCURRENT_CHANGE — ${ERROR_BODY}` })
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateProblemDto, @CurrentScope() scope: AccessScope): Promise<ProblemDto> {
    return this.problems.update(id, body, scope);
  }

  @Get(':id/history')
  @Can('data.read')
  @ApiOperation({ summary: 'The problem’s history (creation, edits, status changes with who, when and the note), oldest first' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ description: 'ProblemEventDto[]' })
  @ApiNotFoundResponse({ description: `NOTES_PROBLEM_NOT_FOUND — ${ERROR_BODY}` })
  history(@Param('id', IdPipe) id: number, @CurrentScope() scope: AccessScope): Promise<ProblemEventDto[]> {
    return this.problems.history(id, scope);
  }

  @Post(':id/status')
  @Can('notes.write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move the status: open → in_progress → closed (note required: 销号说明); open → closed; closed → open (reopen, reason required)' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ description: 'ProblemDto' })
  @ApiBadRequestResponse({ description: `validation, NOTES_CLOSING_NOTE_REQUIRED, NOTES_REOPEN_REASON_REQUIRED — ${ERROR_BODY}` })
  @ApiForbiddenResponse({ description: `NOTES_PROBLEM_NOT_YOURS — ${ERROR_BODY}` })
  @ApiNotFoundResponse({ description: `NOTES_PROBLEM_NOT_FOUND — ${ERROR_BODY}` })
  @ApiConflictResponse({ description: `NOTES_STATUS_UNCHANGED, NOTES_TRANSITION_NOT_ALLOWED, NOTES_CONCURRENT_CHANGE — ${ERROR_BODY}` })
  transition(@Param('id', IdPipe) id: number, @Body() body: ProblemTransitionDto, @CurrentScope() scope: AccessScope): Promise<ProblemDto> {
    return this.problems.transition(id, body, scope);
  }
}
