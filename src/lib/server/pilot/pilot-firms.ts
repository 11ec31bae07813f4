// Which firms take part in a pilot, and which member firms and rounds a coordinator may pick. Rounds are
// shown by name and start date only: nothing here says anything about a firm's figures.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, networkMember, pilotFirm, scanRound } from '../db/schema';
import { currentMemberFirmIds } from '../network/firm-figures';
import type { AddPilotFirmError, AddPilotFirmInput } from './add-pilot-firm.schema';

export interface RoundChoice {
	id: string;
	name: string;
	opensOn: string;
}

export interface MemberFirm {
	id: string;
	slug: string;
	name: string;
	rounds: RoundChoice[];
}

/** The network's current members (consent not withdrawn) with their rounds, oldest round first. */
export async function currentMemberFirms(db: Database, networkId: string): Promise<MemberFirm[]> {
	const members = await db
		.selectDistinct({ id: firm.id, slug: firm.slug, name: firm.name })
		.from(networkMember)
		.innerJoin(firm, eq(firm.id, networkMember.firmId))
		.where(and(eq(networkMember.networkId, networkId), isNull(networkMember.leftAt)))
		.orderBy(asc(firm.name), asc(firm.id));
	if (members.length === 0) return [];
	const rounds = await db
		.select({ id: scanRound.id, firmId: scanRound.firmId, name: scanRound.name, opensOn: scanRound.opensOn })
		.from(scanRound)
		.where(
			inArray(
				scanRound.firmId,
				members.map((f) => f.id)
			)
		)
		.orderBy(asc(scanRound.opensOn), asc(scanRound.createdAt), asc(scanRound.id));
	return members.map((f) => ({ ...f, rounds: rounds.filter((r) => r.firmId === f.id).map(({ id, name, opensOn }) => ({ id, name, opensOn })) }));
}

export async function isCurrentMember(db: Database, networkId: string, firmId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: networkMember.id })
		.from(networkMember)
		.where(and(eq(networkMember.networkId, networkId), eq(networkMember.firmId, firmId), isNull(networkMember.leftAt)))
		.limit(1);
	return row !== undefined;
}

export interface PilotFirmRow {
	firmId: string;
	firmName: string;
	arm: 'pilot' | 'comparison';
	before: RoundChoice;
	after: RoundChoice | null;
	/** False once the firm left the network: it no longer counts in the evaluation. */
	member: boolean;
}

export async function pilotFirms(db: Database, pilotId: string, networkId: string): Promise<PilotFirmRow[]> {
	const rows = await db
		.select({ firmId: pilotFirm.firmId, firmName: firm.name, arm: pilotFirm.arm, beforeRoundId: pilotFirm.beforeRoundId, afterRoundId: pilotFirm.afterRoundId })
		.from(pilotFirm)
		.innerJoin(firm, eq(firm.id, pilotFirm.firmId))
		.where(eq(pilotFirm.pilotId, pilotId))
		.orderBy(asc(pilotFirm.arm), asc(firm.name), asc(firm.id));
	if (rows.length === 0) return [];
	const roundIds = rows.flatMap((r) => (r.afterRoundId ? [r.beforeRoundId, r.afterRoundId] : [r.beforeRoundId]));
	const rounds = new Map(
		(await db.select({ id: scanRound.id, name: scanRound.name, opensOn: scanRound.opensOn }).from(scanRound).where(inArray(scanRound.id, roundIds))).map((r) => [r.id, r])
	);
	const members = new Set(await currentMemberFirmIds(db, networkId));
	return rows.map((r) => ({
		firmId: r.firmId,
		firmName: r.firmName,
		arm: r.arm,
		before: rounds.get(r.beforeRoundId)!,
		after: r.afterRoundId ? (rounds.get(r.afterRoundId) ?? null) : null,
		member: members.has(r.firmId)
	}));
}

/**
 * Puts a firm of the network in an arm with its before round, or, for a firm already in the pilot with the
 * same arm and before round, sets its after round. Only current members can be added, by a coordinator or
 * from the shell alike: a firm that left the network withdrew its consent.
 */
export async function addPilotFirm(
	db: Database,
	target: { pilotId: string; networkId: string },
	input: AddPilotFirmInput
): Promise<{ ok: true; updated: boolean } | { ok: false; error: AddPilotFirmError }> {
	if (!(await isCurrentMember(db, target.networkId, input.firm))) return { ok: false, error: 'not_member' };
	const wanted = input.after ? [input.before, input.after] : [input.before];
	const rounds = await db
		.select({ id: scanRound.id, opensOn: scanRound.opensOn })
		.from(scanRound)
		.where(and(eq(scanRound.firmId, input.firm), inArray(scanRound.id, wanted)));
	const before = rounds.find((r) => r.id === input.before);
	const after = input.after ? rounds.find((r) => r.id === input.after) : null;
	if (!before || after === undefined) return { ok: false, error: 'round' };
	if (after && !(after.opensOn > before.opensOn)) return { ok: false, error: 'after_not_later' };
	const [existing] = await db
		.select()
		.from(pilotFirm)
		.where(and(eq(pilotFirm.pilotId, target.pilotId), eq(pilotFirm.firmId, input.firm)))
		.limit(1);
	if (existing) {
		// Moving a firm to the other arm or another before round would change figures already published
		// around one firm; a coordinator who means it starts a new pilot.
		if (existing.arm !== input.arm) return { ok: false, error: 'other_arm' };
		if (existing.beforeRoundId !== input.before) return { ok: false, error: 'other_before' };
		await db
			.update(pilotFirm)
			.set({ afterRoundId: input.after ?? existing.afterRoundId })
			.where(and(eq(pilotFirm.pilotId, target.pilotId), eq(pilotFirm.firmId, input.firm)));
		return { ok: true, updated: true };
	}
	const inserted = await db
		.insert(pilotFirm)
		.values({ pilotId: target.pilotId, firmId: input.firm, arm: input.arm, beforeRoundId: input.before, afterRoundId: input.after })
		.onConflictDoNothing()
		.returning({ firmId: pilotFirm.firmId });
	if (inserted.length === 0) return { ok: false, error: 'other_arm' };
	return { ok: true, updated: false };
}
