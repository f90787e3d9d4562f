import { MonthlyNote } from './monthly-note.entity';
import { MonthlyNoteVersion } from './monthly-note-version.entity';
import { Problem } from './problem.entity';
import { ProblemEvent } from './problem-event.entity';

export { MonthlyNote, MonthlyNoteVersion, Problem, ProblemEvent };

/** The tables of the notes module. */
export const NOTES_ENTITIES = [MonthlyNote, MonthlyNoteVersion, Problem, ProblemEvent];
