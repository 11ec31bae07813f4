// Starting a scan round: one use case for the web form, the CLI and the CSV import, so all apply the
// same rules. A round with cards gets its cards in the same transaction: never a round with half a sheet.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { scanRound } from '../../db/schema';
import { currentInstrumentVersion } from '../../../domain/instrument/load';
import { insertCards } from './insert-cards';
import { newLinkToken, newShortCode } from './codes';
import { parseCreateRoundInput, type CreateRoundErrors, type CreateRoundInput } from './create-round.schema';
import { chooseFollowups } from '../../../domain/followup/followup';
import { offeredFollowupActions } from './followup-offer';

export type ScanRound = typeof scanRound.$inferSelect;
export type CreateRoundResult = { ok: true; round: ScanRound } | { ok: false; errors: CreateRoundErrors };

/** The anonymity promise never goes below three, whatever the configuration says. */
export const MIN_THRESHOLD = 3;

export interface CreateRoundCommand {
	firm: { id: string; employees: number };
	input: CreateRoundInput;
	/** The anonymity threshold k from the configuration; stored with the round so the promise made holds. */
	threshold: number;
	/** YYYY-MM-DD in the firm's time zone. */
	today: string;
	/** The adviser who starts a supervised round and alone holds its link and cards; absent when the firm runs it. */
	supervisor?: { id: string; name: string } | null;
	/** 'imported' only for the round a CSV import makes; every other round is collected by Leerkompas. */
	origin?: 'collected' | 'imported';
}

// Codes are random and long; a clash is rare enough that a few fresh draws always settle it.
const CODE_ATTEMPTS = 5;

export async function createRound(db: Database, command: CreateRoundCommand): Promise<CreateRoundResult> {
	const parsed = parseCreateRoundInput(command.input, { employees: command.firm.employees, today: command.today });
	const firmId = command.firm.id;
	if (!parsed.ok) {
		// A name already in use is worth knowing in the same answer as the other problems.
		if (!parsed.errors.name && (await nameTaken(db, firmId, command.input.name.trim()))) return { ok: false, errors: { name: 'taken', ...parsed.errors } };
		return parsed;
	}
	const data = parsed.data;

	return db.transaction(async (tx): Promise<CreateRoundResult> => {
		if (await nameTaken(tx, firmId, data.name)) return { ok: false, errors: { name: 'taken' } };
		// The titles are taken now and kept with the round: what the team was asked never changes afterwards.
		const followups = chooseFollowups(await offeredFollowupActions(tx, firmId), data.followups);
		if (!followups.ok) return { ok: false, errors: { followups: followups.code } };
		let created: ScanRound | undefined;
		for (let attempt = 0; attempt < CODE_ATTEMPTS && !created; attempt++) {
			// ON CONFLICT DO NOTHING instead of catching the unique violation: on PostgreSQL a failed
			// statement aborts the whole transaction.
			[created] = await tx
				.insert(scanRound)
				.values({
					firmId,
					name: data.name,
					instrumentVersion: currentInstrumentVersion,
					opensOn: data.opensOn,
					closesOn: data.closesOn,
					// An imported round invited nobody through Leerkompas, so it has no response rate of its own.
					invited: command.origin === 'imported' ? 0 : data.invited,
					origin: command.origin ?? 'collected',
					teams: data.teams,
					inviteMode: data.inviteMode,
					linkToken: newLinkToken(),
					shortCode: newShortCode(),
					threshold: Math.max(MIN_THRESHOLD, command.threshold),
					openAnswersVerbatim: data.openAnswersVerbatim,
					supervisedBy: command.supervisor?.id ?? null,
					supervisorName: command.supervisor?.name ?? null,
					followups: followups.questions
				})
				.onConflictDoNothing()
				.returning();
			// Another request may have taken the name between our check and our insert.
			if (!created && (await nameTaken(tx, firmId, data.name))) return { ok: false, errors: { name: 'taken' } };
		}
		if (!created) throw new Error('No free link code found for a new round');
		if (data.cards > 0) await insertCards(tx, created.id, data.cards);
		return { ok: true, round: created };
	});
}

/** Names differ for people by more than capitals: "Voorjaar 2025" and "voorjaar 2025" are one round. */
async function nameTaken(db: Database, firmId: string, name: string): Promise<boolean> {
	const found = await db
		.select({ id: scanRound.id })
		.from(scanRound)
		.where(and(eq(scanRound.firmId, firmId), sql`lower(${scanRound.name}) = lower(${name})`))
		.limit(1);
	return found.length > 0;
}
