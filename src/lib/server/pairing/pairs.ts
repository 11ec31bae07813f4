// Proposing pairs, asking both people, and the pairs a firm has. A pair exists only when both agreed through the
// link in their mail. Who declined is never told to the owner (only "afgewezen"): saying no to a colleague should
// cost nothing. The log belongs to the two people; the owner reads it only when both chose to share it.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { proposePairs, type ProposedPair } from '../../domain/pairing/propose';
import type { Database } from '../db/client';
import { firm, pairingLog, pairingPair, pairingPerson, PAIR_LOG_WRITERS, PAIR_STATUSES } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import type { AppLocale } from '../../domain/instrument';
import { peopleOfFirm } from './people';
import { pairToken, readPairToken, type PairSide } from './pair-token';
import { proposalMail } from './pairing-mails';
import type { LogEntryInput } from './person.schema';

/** Pairs that still hold a place: waiting for both to agree, or working together. */
const HOLDING: (typeof PAIR_STATUSES)[number][] = ['proposed', 'active'];

export interface Proposal extends ProposedPair {
	master: { name: string };
	apprentice: { name: string };
}

/**
 * The best pairs among the firm's people now. A master's room is their capacity minus the pairs they already
 * hold; someone who already learns from a master (or waits for an answer) is not proposed as an apprentice again;
 * a pair that was declined or ended is not proposed again.
 */
export async function currentProposals(db: Database, firmId: string): Promise<Proposal[]> {
	const people = await peopleOfFirm(db, firmId);
	const pairs = await db.select().from(pairingPair).where(eq(pairingPair.firmId, firmId));
	const holding = pairs.filter((p) => HOLDING.includes(p.status));
	const byId = new Map(people.map((p) => [p.id, p]));
	const busyApprentices = new Set(holding.map((p) => p.apprenticeId));
	const proposals = proposePairs({
		people: people.map((p) => ({
			id: p.id,
			teaches: p.teaches,
			slots: p.capacity - holding.filter((h) => h.masterId === p.id).length,
			wishes: busyApprentices.has(p.id) ? [] : p.wishes
		})),
		excluded: pairs.map((p) => ({ masterId: p.masterId, apprenticeId: p.apprenticeId }))
	});
	return proposals.map((p) => ({ ...p, master: { name: byId.get(p.masterId)!.name }, apprentice: { name: byId.get(p.apprenticeId)!.name } }));
}

export interface AskContext {
	firmId: string;
	secret: string;
	/** The address links in mails start with, e.g. https://leerkompas.example.nl */
	origin: string;
	today: string;
	locale: AppLocale;
}

/**
 * Asks both people of each chosen proposal (master id, apprentice id) to agree: stores the pair as proposed and
 * mails each their own link. Only pairs that are among the current proposals are asked, so a stale page or a
 * hand-made post cannot pair people beyond their room. Returns how many pairs were asked.
 */
export async function askForConsent(db: Database, mailer: Mailer, ctx: AskContext, chosen: readonly { masterId: string; apprenticeId: string }[]): Promise<number> {
	const proposals = await currentProposals(db, ctx.firmId);
	const wanted = new Set(chosen.map((c) => `${c.masterId}:${c.apprenticeId}`));
	const asked = proposals.filter((p) => wanted.has(`${p.masterId}:${p.apprenticeId}`));
	if (asked.length === 0) return 0;
	const [found] = await db.select({ name: firm.name }).from(firm).where(eq(firm.id, ctx.firmId));
	const people = new Map((await peopleOfFirm(db, ctx.firmId)).map((p) => [p.id, p]));
	for (const proposal of asked) {
		const [pair] = await db
			.insert(pairingPair)
			.values({ firmId: ctx.firmId, masterId: proposal.masterId, apprenticeId: proposal.apprenticeId, covers: proposal.covers.map((c) => c.label), proposedOn: ctx.today })
			.returning({ id: pairingPair.id });
		const master = people.get(proposal.masterId)!;
		const apprentice = people.get(proposal.apprenticeId)!;
		for (const [side, me, other] of [
			['master', master, apprentice],
			['apprentice', apprentice, master]
		] as const) {
			const url = `${ctx.origin}/pairing/pair/${pairToken(ctx.secret, pair!.id, side)}`;
			const mail = proposalMail({ locale: ctx.locale, firmName: found!.name, side, name: me.name, other: other.name, covers: proposal.covers.map((c) => c.label), url });
			await mailer.send({ to: me.email, ...mail });
		}
	}
	return asked.length;
}

export type PairStatus = (typeof PAIR_STATUSES)[number];

export interface LogLine {
	day: string;
	what: string;
	note: string;
	writtenBy: (typeof PAIR_LOG_WRITERS)[number];
}

export interface FirmPairView {
	id: string;
	status: PairStatus;
	master: string;
	apprentice: string;
	covers: string[];
	proposedOn: string;
	startedOn: string | null;
	endedOn: string | null;
	/** Null when the two did not both share their log with the owner. */
	log: LogLine[] | null;
}

/** The firm's pairs for the owner and co-managers, newest first; never who declined, the log only if both share it. */
export async function pairsOfFirm(db: Database, firmId: string): Promise<FirmPairView[]> {
	const pairs = await db.select().from(pairingPair).where(eq(pairingPair.firmId, firmId)).orderBy(asc(pairingPair.proposedOn), asc(pairingPair.id));
	const names = new Map((await db.select({ id: pairingPerson.id, name: pairingPerson.name }).from(pairingPerson).where(eq(pairingPerson.firmId, firmId))).map((p) => [p.id, p.name]));
	const shared = pairs.filter((p) => p.masterSharesLog && p.apprenticeSharesLog).map((p) => p.id);
	const logs = shared.length > 0 ? await db.select().from(pairingLog).where(inArray(pairingLog.pairId, shared)).orderBy(asc(pairingLog.day), asc(pairingLog.createdAt)) : [];
	return pairs.reverse().map((p) => ({
		id: p.id,
		status: p.status,
		master: names.get(p.masterId) ?? '',
		apprentice: names.get(p.apprenticeId) ?? '',
		covers: p.covers,
		proposedOn: p.proposedOn,
		startedOn: p.startedOn,
		endedOn: p.endedOn,
		log: shared.includes(p.id) ? logs.filter((l) => l.pairId === p.id).map(logLine) : null
	}));
}

export interface PairLinkView {
	pairId: string;
	firmId: string;
	firmName: string;
	side: PairSide;
	me: string;
	other: string;
	covers: string[];
	status: PairStatus;
	myAnswer: 'agreed' | 'declined' | null;
	iShareLog: boolean;
	startedOn: string | null;
	endedOn: string | null;
	/** The log, for the two people; only once the pair exists. */
	log: LogLine[];
}

/** What the person behind a pair link sees, or null for a link that is not genuine or whose pair is gone. */
export async function pairByLink(db: Database, secret: string, token: string): Promise<PairLinkView | null> {
	const read = readPairToken(secret, token);
	if (!read) return null;
	const [pair] = await db.select().from(pairingPair).where(eq(pairingPair.id, read.pairId));
	if (!pair) return null;
	const people = await db.select({ id: pairingPerson.id, name: pairingPerson.name }).from(pairingPerson).where(or(eq(pairingPerson.id, pair.masterId), eq(pairingPerson.id, pair.apprenticeId)));
	const name = (id: string) => people.find((p) => p.id === id)?.name ?? '';
	const [found] = await db.select({ name: firm.name }).from(firm).where(eq(firm.id, pair.firmId));
	const isMaster = read.side === 'master';
	const log = pair.status === 'proposed' || pair.status === 'declined' ? [] : await db.select().from(pairingLog).where(eq(pairingLog.pairId, pair.id)).orderBy(asc(pairingLog.day), asc(pairingLog.createdAt));
	return {
		pairId: pair.id,
		firmId: pair.firmId,
		firmName: found?.name ?? '',
		side: read.side,
		me: name(isMaster ? pair.masterId : pair.apprenticeId),
		other: name(isMaster ? pair.apprenticeId : pair.masterId),
		covers: pair.covers,
		status: pair.status,
		myAnswer: isMaster ? pair.masterAnswer : pair.apprenticeAnswer,
		iShareLog: isMaster ? pair.masterSharesLog : pair.apprenticeSharesLog,
		startedOn: pair.startedOn,
		endedOn: pair.endedOn,
		log: log.map(logLine)
	};
}

/**
 * One person's answer. Agreeing when the other already agreed makes the pair; declining ends the proposal for
 * both. An answer on a pair that is no longer waiting changes nothing.
 */
export async function answerPair(db: Database, pairId: string, side: PairSide, answer: 'agreed' | 'declined', today: string): Promise<PairStatus | null> {
	return db.transaction(async (tx) => {
		const [pair] = await tx.select().from(pairingPair).where(eq(pairingPair.id, pairId)).for('update');
		if (!pair) return null;
		if (pair.status !== 'proposed') return pair.status;
		const masterAnswer = side === 'master' ? answer : pair.masterAnswer;
		const apprenticeAnswer = side === 'apprentice' ? answer : pair.apprenticeAnswer;
		const status: PairStatus = answer === 'declined' ? 'declined' : masterAnswer === 'agreed' && apprenticeAnswer === 'agreed' ? 'active' : 'proposed';
		await tx
			.update(pairingPair)
			.set({ masterAnswer, apprenticeAnswer, status, startedOn: status === 'active' ? today : null })
			.where(eq(pairingPair.id, pairId));
		return status;
	});
}

/** Adds a line to a pair's log; only a pair that exists (both agreed) keeps one. */
export async function addLogLine(db: Database, where: { firmId: string; pairId: string }, by: (typeof PAIR_LOG_WRITERS)[number], entry: LogEntryInput): Promise<boolean> {
	const [pair] = await db.select({ status: pairingPair.status }).from(pairingPair).where(and(eq(pairingPair.id, where.pairId), eq(pairingPair.firmId, where.firmId)));
	if (!pair || pair.status !== 'active') return false;
	await db.insert(pairingLog).values({ firmId: where.firmId, pairId: where.pairId, day: entry.day, what: entry.what, note: entry.note, writtenBy: by });
	return true;
}

export async function setLogSharing(db: Database, pairId: string, side: PairSide, share: boolean): Promise<void> {
	await db
		.update(pairingPair)
		.set(side === 'master' ? { masterSharesLog: share } : { apprenticeSharesLog: share })
		.where(eq(pairingPair.id, pairId));
}

/** Ends a pair (by either person or the owner); a proposal still waiting ends as well. Its log stays with the two. */
export async function endPair(db: Database, where: { firmId: string; pairId: string }, today: string): Promise<boolean> {
	const ended = await db
		.update(pairingPair)
		.set({ status: 'ended', endedOn: today })
		.where(and(eq(pairingPair.id, where.pairId), eq(pairingPair.firmId, where.firmId), inArray(pairingPair.status, HOLDING)))
		.returning({ id: pairingPair.id });
	return ended.length > 0;
}

function logLine(l: typeof pairingLog.$inferSelect): LogLine {
	return { day: l.day, what: l.what, note: l.note, writtenBy: l.writtenBy };
}
