// The one transaction that stores a complete, checked response: the receipt of its submission key, the card's
// use (when the respondent came with a card), the response itself and the deletion of the draft. Both ways of
// sending (screen by screen with a draft, or every question on one page) end here. The stored row carries the
// day and the answers: no key, card, address, device or time; the receipt has no link to the response.
import { and, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { rowsOf } from '../../db/raw-rows';
import { loadInstrument, type SurveyLocale } from '../../../domain/instrument';
import type { ScanResponse } from '../../../domain/response';
import { sameAnswerToEvery, statementKey } from '../../../domain/signals';
import type { Database } from '../../db/client';
import { roundCard, roundSignal, scanResponse, scanRound, submissionReceipt, surveyDraft } from '../../db/schema';
import type { SurveyRound } from './find-round';
import { sha256Hex } from './keys';
import { roundState, type RoundState } from '../../../domain/round-state';

export interface StoreInput {
	round: Pick<SurveyRound, 'id'>;
	/** The submission key: a second post with the same key finds the receipt and stores nothing. */
	submissionKey: string;
	cardCode: string | null;
	response: ScanResponse;
	/** The survey language the respondent answered in; null when unknown. */
	language?: SurveyLocale | null;
	/** The draft this response came from, deleted in the same transaction. */
	draftKey: string | null;
	today: string;
	/** Past the burst number from its address within ten minutes (address-watch.ts): counted, never kept with it. */
	burst?: boolean;
}

export type StoreResult =
	| { kind: 'stored' }
	| { kind: 'already_sent' }
	| { kind: 'not_open'; state: RoundState }
	| { kind: 'card_unusable' }
	/** The round's answers were imported: Leerkompas does not collect answers for it. */
	| { kind: 'imported' };

export async function receiptExists(db: Pick<Database, 'select'>, roundId: string, submissionKey: string): Promise<boolean> {
	const [found] = await db
		.select({ keyHash: submissionReceipt.keyHash })
		.from(submissionReceipt)
		.where(and(eq(submissionReceipt.roundId, roundId), eq(submissionReceipt.keyHash, sha256Hex(submissionKey))))
		.limit(1);
	return found !== undefined;
}

export async function storeResponse(db: Database, input: StoreInput): Promise<StoreResult> {
	const [result] = await storeResponses(db, [input]);
	return result!;
}

/**
 * Stores several responses in one transaction, with a handful of statements whatever their number (see
 * response-writer.ts), and gives each its own outcome, exactly as if each had been stored alone.
 */
export async function storeResponses(db: Database, inputs: readonly StoreInput[]): Promise<StoreResult[]> {
	if (inputs.length === 0) return [];
	return db.transaction(async (tx) => {
		const results: (StoreResult | null)[] = inputs.map(() => null);
		const pending = () => inputs.flatMap((input, i) => (results[i] === null ? [{ input, i }] : []));

		// Shared lock: submissions go on side by side, but the owner cannot close a round halfway.
		const roundIds = [...new Set(inputs.map((input) => input.round.id))];
		const rounds = await tx
			.select({ id: scanRound.id, status: scanRound.status, opensOn: scanRound.opensOn, closesOn: scanRound.closesOn, origin: scanRound.origin, instrumentVersion: scanRound.instrumentVersion })
			.from(scanRound)
			.where(inArray(scanRound.id, roundIds))
			.for('share');
		for (const { input, i } of pending()) {
			const round = rounds.find((r) => r.id === input.round.id);
			const state = round ? roundState(round, input.today) : 'closed';
			if (state !== 'open') results[i] = { kind: 'not_open', state };
			else if (round?.origin === 'imported') results[i] = { kind: 'imported' };
		}

		// The receipts first: a concurrent post with the same key waits here for this one and then finds it taken.
		const keyHashes = inputs.map((input) => sha256Hex(input.submissionKey));
		const firstOfKey = new Map<string, number>();
		for (const { input, i } of pending()) {
			const key = `${input.round.id} ${keyHashes[i]}`;
			if (firstOfKey.has(key)) results[i] = { kind: 'already_sent' };
			else firstOfKey.set(key, i);
		}
		const receiving = pending();
		if (receiving.length === 0) return results as StoreResult[];
		const received = await rowsOf(
			tx,
			sql`insert into ${submissionReceipt} (round_id, key_hash, received_on)
				select x.round_id, x.key_hash, x.received_on from ${recordsOf(receiving.map(({ input, i }) => ({ round_id: input.round.id, key_hash: keyHashes[i]!, received_on: input.today })))}
				as x(round_id uuid, key_hash text, received_on date)
				on conflict do nothing returning round_id, key_hash`
		);
		const receivedKeys = new Set(received.map((r) => `${String(r.round_id)} ${String(r.key_hash)}`));
		for (const { input, i } of receiving) if (!receivedKeys.has(`${input.round.id} ${keyHashes[i]}`)) results[i] = { kind: 'already_sent' };

		await useCards(tx, inputs, results, keyHashes);

		const storing = pending();
		if (storing.length > 0) {
			// Counted before the insert, so that "identical" means: equal to a response stored before this one.
			await countSignals(tx, storing.map(({ input }) => input), rounds);
			await tx.execute(
				sql`insert into ${scanResponse} (round_id, perspective, submitted_on, source, answers, background, learning, "open", language)
					select x.round_id, 'employee', x.submitted_on, 'survey', x.answers, x.background, x.learning, x."open", x.language
					from ${recordsOf(
						storing.map(({ input }) => ({
							round_id: input.round.id,
							submitted_on: input.today,
							answers: input.response.answers,
							background: input.response.background,
							learning: input.response.learning,
							open: input.response.open,
							language: input.language ?? null
						}))
					)} as x(round_id uuid, submitted_on date, answers jsonb, background jsonb, learning jsonb, "open" jsonb, language text)`
			);
			const drafts = storing.flatMap(({ input }) => (input.draftKey ? [{ roundId: input.round.id, keyHash: sha256Hex(input.draftKey) }] : []));
			if (drafts.length > 0) {
				await tx.delete(surveyDraft).where(pairIn(surveyDraft.roundId, surveyDraft.keyHash, drafts.map((d) => [d.roundId, d.keyHash])));
			}
		}
		for (const { i } of storing) results[i] = { kind: 'stored' };
		return results as StoreResult[];
	});
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Raises the round's warning counters for the responses about to be stored: a burst from one address, the
 * same statement answers as a response stored before (or earlier in this batch), the same answer to every
 * statement. Only counters per round: nothing records which response raised them.
 */
async function countSignals(tx: Transaction, storing: readonly StoreInput[], rounds: readonly { id: string; instrumentVersion: string }[]) {
	// Writers of one round take turns from here to the commit (several run side by side on PostgreSQL): each
	// statement after the wait sees what the one before committed, so equal responses sent at once are seen.
	// In a fixed order, so that two batches with the same rounds never wait for each other in a circle.
	for (const roundId of [...new Set(storing.map((input) => input.round.id))].sort()) {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`round_signal ${roundId}`}, 0))`);
	}
	// Only whether such a response exists matters: at most one row per posted response comes back, never the
	// copies a round flooded with one set of answers holds (the profile under load showed that growing).
	const existing = (
		await rowsOf(
			tx,
			// One look-up per posted response, each through scan_response_answers_idx (round, digest of the
			// answers): a plain join let the planner scan the round and take the digest of every response in it.
			sql`select x.round_id, x.answers
				from ${recordsOf(storing.map((input) => ({ round_id: input.round.id, answers: input.response.answers })))} as x(round_id uuid, answers jsonb)
				cross join lateral (
					select 1 from ${scanResponse} r
					where r.round_id = x.round_id and md5((r.answers)::text) = md5((x.answers)::text) and r.answers = x.answers
					limit 1
				) found`
		)
	).map((row) => ({ roundId: String(row.round_id), answers: (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as ScanResponse['answers'] }));
	const instrumentOf = (roundId: string) => loadInstrument(rounds.find((r) => r.id === roundId)?.instrumentVersion ?? 'v1');
	const seen = new Set(existing.map((e) => `${e.roundId} ${statementKey(instrumentOf(e.roundId), e.answers)}`));
	const counters = new Map<string, { burst: number; identical: number; sameAnswer: number }>();
	for (const input of storing) {
		const instrument = instrumentOf(input.round.id);
		const c = counters.get(input.round.id) ?? { burst: 0, identical: 0, sameAnswer: 0 };
		const key = `${input.round.id} ${statementKey(instrument, input.response.answers)}`;
		if (seen.has(key)) c.identical++;
		seen.add(key);
		if (input.burst) c.burst++;
		if (sameAnswerToEvery(instrument, input.response.answers)) c.sameAnswer++;
		counters.set(input.round.id, c);
	}
	const raised = [...counters].filter(([, c]) => c.burst + c.identical + c.sameAnswer > 0);
	if (raised.length === 0) return;
	await tx
		.insert(roundSignal)
		.values(raised.map(([roundId, c]) => ({ roundId, ...c })))
		.onConflictDoUpdate({
			target: roundSignal.roundId,
			set: {
				burst: sql`${roundSignal.burst} + excluded.burst`,
				identical: sql`${roundSignal.identical} + excluded.identical`,
				sameAnswer: sql`${roundSignal.sameAnswer} + excluded.same_answer`
			}
		});
}

/** Marks the cards used; a response whose card was used meanwhile (or twice in this batch) is not stored. */
async function useCards(tx: Transaction, inputs: readonly StoreInput[], results: (StoreResult | null)[], keyHashes: string[]) {
	const withCard = inputs.flatMap((input, i) => (results[i] === null && input.cardCode ? [{ input, i, code: input.cardCode }] : []));
	if (withCard.length === 0) return;
	const claimed = new Set<string>();
	const refused: number[] = [];
	for (const { code, i } of withCard) {
		if (claimed.has(code)) refused.push(i);
		else claimed.add(code);
	}
	const used = await tx
		.update(roundCard)
		.set({ usedOn: sql`case ${sql.join(withCard.map(({ code, input }) => sql`when ${roundCard.code} = ${code} then ${input.today}::date`), sql` `)} end` })
		.where(and(pairIn(roundCard.roundId, roundCard.code, withCard.map(({ input, code }) => [input.round.id, code])), isNull(roundCard.usedOn)))
		.returning({ code: roundCard.code });
	const usedCodes = new Set(used.map((u) => u.code));
	for (const { code, i } of withCard) if (!usedCodes.has(code) && !refused.includes(i)) refused.push(i);
	if (refused.length === 0) return;
	// The receipt of a response that is not stored goes too, so the same answers can be sent with another card.
	await tx.delete(submissionReceipt).where(pairIn(submissionReceipt.roundId, submissionReceipt.keyHash, refused.map((i) => [inputs[i]!.round.id, keyHashes[i]!])));
	for (const i of refused) results[i] = { kind: 'card_unusable' };
}

/**
 * A batch's rows as one JSON parameter: the statement's text is then the same for 1 or 50 responses, so the
 * database plans it once per connection instead of once per batch size, and the driver sends one parameter.
 */
function recordsOf(rows: readonly Record<string, unknown>[]): SQL {
	return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)`;
}

function pairIn(first: AnyColumn, second: AnyColumn, pairs: readonly (readonly [string, string])[]) {
	return sql`(${first}, ${second}) in (${sql.join(
		pairs.map(([a, b]) => sql`(${a}, ${b})`),
		sql`, `
	)})`;
}
