// Data agreements: the only way a researcher or network coordinator gets a firm's respondent-level data
// with background answers. The agreement itself is signed outside Leerkompas (by the firm and the
// researcher's institution); a platform admin records it here, on the command line
// (`npx leerkompas agreement add --org SLUG --email EMAIL --by ADMIN_EMAIL`), because the command line is
// already the admins' tool and needs no extra page with its own permission rules. The firm's owner sees
// every agreement, live or revoked, on the firm's data page.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { dataAgreement, firm, scanRound, user } from '../db/schema';

export type AgreementError = 'firm_not_found' | 'user_not_found' | 'recorder_not_admin' | 'already_active' | 'not_active';

export type AgreementResult = { ok: true; firmName: string; userName: string } | { ok: false; reason: AgreementError };

async function findFirm(db: Database, slug: string) {
	const [found] = await db.select({ id: firm.id, name: firm.name }).from(firm).where(eq(firm.slug, slug.trim().toLowerCase())).limit(1);
	return found ?? null;
}

async function findUser(db: Database, email: string) {
	const [found] = await db
		.select({ id: user.id, name: user.name, role: user.role })
		.from(user)
		.where(sql`lower(${user.email}) = lower(${email.trim()})`)
		.limit(1);
	return found ?? null;
}

export async function addAgreement(db: Database, input: { firmSlug: string; email: string; recordedByEmail: string }): Promise<AgreementResult> {
	const found = await findFirm(db, input.firmSlug);
	if (!found) return { ok: false, reason: 'firm_not_found' };
	const recorder = await findUser(db, input.recordedByEmail);
	if (!recorder || recorder.role !== 'admin') return { ok: false, reason: 'recorder_not_admin' };
	const researcher = await findUser(db, input.email);
	if (!researcher) return { ok: false, reason: 'user_not_found' };
	if (await hasAgreement(db, found.id, researcher.id)) return { ok: false, reason: 'already_active' };
	await db.insert(dataAgreement).values({ firmId: found.id, userId: researcher.id, recordedBy: recorder.id });
	return { ok: true, firmName: found.name, userName: researcher.name };
}

export async function revokeAgreement(db: Database, input: { firmSlug: string; email: string }): Promise<AgreementResult> {
	const found = await findFirm(db, input.firmSlug);
	if (!found) return { ok: false, reason: 'firm_not_found' };
	const researcher = await findUser(db, input.email);
	if (!researcher) return { ok: false, reason: 'user_not_found' };
	const revoked = await db
		.update(dataAgreement)
		.set({ revokedAt: new Date() })
		.where(and(eq(dataAgreement.firmId, found.id), eq(dataAgreement.userId, researcher.id), isNull(dataAgreement.revokedAt)))
		.returning({ id: dataAgreement.id });
	if (revoked.length === 0) return { ok: false, reason: 'not_active' };
	return { ok: true, firmName: found.name, userName: researcher.name };
}

export async function hasAgreement(db: Database, firmId: string, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: dataAgreement.id })
		.from(dataAgreement)
		.where(and(eq(dataAgreement.firmId, firmId), eq(dataAgreement.userId, userId), isNull(dataAgreement.revokedAt)))
		.limit(1);
	return row !== undefined;
}

export interface AgreementLine {
	userName: string;
	userEmail: string;
	recordedAt: Date;
	revokedAt: Date | null;
}

/** Every agreement of a firm, live and revoked, for the owner's data page. */
export async function agreementsOfFirm(db: Database, firmId: string): Promise<AgreementLine[]> {
	return db
		.select({ userName: user.name, userEmail: user.email, recordedAt: dataAgreement.recordedAt, revokedAt: dataAgreement.revokedAt })
		.from(dataAgreement)
		.innerJoin(user, eq(user.id, dataAgreement.userId))
		.where(eq(dataAgreement.firmId, firmId))
		.orderBy(desc(dataAgreement.recordedAt));
}

export interface AgreementFirm {
	firmId: string;
	slug: string;
	name: string;
}

/** The firms whose data this account may take for research (live agreements). */
export async function agreementFirmsOfUser(db: Database, userId: string): Promise<AgreementFirm[]> {
	return db
		.select({ firmId: firm.id, slug: firm.slug, name: firm.name })
		.from(dataAgreement)
		.innerJoin(firm, eq(firm.id, dataAgreement.firmId))
		.where(and(eq(dataAgreement.userId, userId), isNull(dataAgreement.revokedAt)))
		.orderBy(firm.name);
}

export interface AgreementFirmRounds {
	slug: string;
	name: string;
	rounds: { id: string; name: string }[];
}

/** Per firm with a live agreement, its rounds: what a researcher can download from. */
export async function researchRoundsOfUser(db: Database, userId: string): Promise<AgreementFirmRounds[]> {
	const firms = await agreementFirmsOfUser(db, userId);
	if (firms.length === 0) return [];
	const rounds = await db
		.select({ id: scanRound.id, name: scanRound.name, firmId: scanRound.firmId })
		.from(scanRound)
		.where(inArray(scanRound.firmId, firms.map((f) => f.firmId)))
		.orderBy(asc(scanRound.createdAt));
	return firms.map((f) => ({ slug: f.slug, name: f.name, rounds: rounds.filter((r) => r.firmId === f.firmId).map(({ id, name }) => ({ id, name })) }));
}
