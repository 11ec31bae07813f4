// Stores the answers of a CSV file in a round of the firm, making the round when it does not exist yet.
// All or nothing: the file is checked completely first, and the round and every response are written in
// one transaction, so a problem anywhere leaves the database as it was.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { scanResponse, scanRound } from '../../db/schema';
import { currentInstrumentVersion, loadInstrument } from '../../../domain/instrument/load';
import { createRound } from '../rounds/create-round';
import { INVITED_PER_EMPLOYEE, MAX_INVITED, type CreateRoundErrors } from '../rounds/create-round.schema';
import { parseImportCsv, type ImportProblem } from './parse-import-csv';
import { parseImportInput, type ImportInput } from './import-responses.schema';

export interface ImportCommand {
	firm: { id: string; employees: number };
	input: ImportInput;
	threshold: number;
	/** YYYY-MM-DD: the day stored with every imported response (by day only, like survey answers). */
	today: string;
}

export type ImportResult =
	| { ok: true; round: { id: string; name: string }; createdRound: boolean; imported: { employee: number; owner: number } }
	| { ok: false; reason: 'invalid_round'; errors: CreateRoundErrors }
	| { ok: false; reason: 'round_closed'; round: { id: string; name: string } }
	/** Leerkompas collects this round's answers itself: rows from a file would mix with them unseen. */
	| { ok: false; reason: 'round_collected'; round: { id: string; name: string } }
	| { ok: false; reason: 'problems'; problems: ImportProblem[]; instrumentVersion: string };

// Many rows per statement is fast; a few hundred keeps each statement well under the parameter limit.
const ROWS_PER_INSERT = 500;

export async function importResponses(db: Database, command: ImportCommand): Promise<ImportResult> {
	const parsedInput = parseImportInput(command.input);
	if (!parsedInput.ok) return { ok: false, reason: 'invalid_round', errors: parsedInput.errors };
	const { roundName, csv } = parsedInput.data;
	const existing = await findRoundByName(db, command.firm.id, roundName);
	if (existing?.status === 'closed') return { ok: false, reason: 'round_closed', round: { id: existing.id, name: existing.name } };
	// A round is collected or imported for good, even before its first answer: made-up rows in a collected
	// round would let whoever knows them subtract them from the report (see docs/report.md).
	if (existing && existing.origin !== 'imported') return { ok: false, reason: 'round_collected', round: { id: existing.id, name: existing.name } };

	const instrument = loadInstrument(existing?.instrumentVersion ?? currentInstrumentVersion);
	const parsed = parseImportCsv(csv, instrument, existing ? { teams: existing.teams } : {});
	if (!parsed.ok) return { ok: false, reason: 'problems', problems: parsed.problems, instrumentVersion: instrument.version };
	const employees = parsed.responses.filter((r) => r.perspective === 'employee').length;

	return db.transaction(async (tx): Promise<ImportResult> => {
		let round = existing ? { id: existing.id, name: existing.name } : null;
		if (!round) {
			const created = await createRound(tx, {
				firm: command.firm,
				threshold: command.threshold,
				today: command.today,
				origin: 'imported',
				input: {
					name: roundName,
					teams: parsed.teams,
					// Everyone in the file was invited; the staff count bounds it like a round made by hand.
					invited: Math.min(MAX_INVITED, command.firm.employees * INVITED_PER_EMPLOYEE, Math.max(1, command.firm.employees, employees))
				}
			});
			if (!created.ok) return { ok: false, reason: 'invalid_round', errors: created.errors };
			round = { id: created.round.id, name: created.round.name };
		}
		const roundId = round.id;
		const rows = parsed.responses.map((response) => ({
			roundId,
			perspective: response.perspective,
			submittedOn: command.today,
			source: 'import' as const,
			answers: { ...response.answers },
			background: { ...response.background },
			learning: { ...response.learning, barriers: [...response.learning.barriers] },
			open: { ...response.open }
		}));
		for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await tx.insert(scanResponse).values(rows.slice(i, i + ROWS_PER_INSERT));
		return { ok: true, round, createdRound: !existing, imported: { employee: employees, owner: rows.length - employees } };
	});
}

async function findRoundByName(db: Database, firmId: string, name: string) {
	const [found] = await db
		.select({ id: scanRound.id, name: scanRound.name, status: scanRound.status, origin: scanRound.origin, teams: scanRound.teams, instrumentVersion: scanRound.instrumentVersion })
		.from(scanRound)
		.where(and(eq(scanRound.firmId, firmId), sql`lower(${scanRound.name}) = lower(${name})`))
		.limit(1);
	return found;
}
