import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { dayFromToday, makeCards, randomToken } from '../../../../tests/helpers/scan-factories';
import { roundWithAnswers } from '../../../../tests/helpers/export-fixtures';
import type { Database, DatabaseHandle } from '../db/client';
import { actionMailSent, actionMailSetting, adviserGrant, ambassadorReportConsent, dataAgreement, deletionLog, firm, firmAction, firmActionNote, firmInvitation, firmSelfScanLink, firmMember, firmPlanLink, developmentPlan, planShare, network, networkMember, pairingLabel, pairingLink, pairingLog, pairingPair, pairingPerson, pilot, pilotFirm, roundRetention, roundSignal, session, sessionNote, submissionReceipt, successStory, surveyDraft, user } from '../db/schema';
import { rowsOf } from '../db/raw-rows';
import { exportRound } from '../export/export-round';
import { findExportFile } from '../export/export-files';
import { confirmsFirmName, deleteFirm, subjectHash } from './delete-firm';
import { knowledgeEntry, knowledgeEntryVersion } from '../db/schema';
import { publishedEntries } from '../knowledge/published-entries';
import { searchEntries } from '../knowledge/search-entries';
import { saveStory } from '../stories/save-story';
import { reviewStory } from '../stories/review-story';

const today = dayFromToday(0);
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

/** A firm with a row in every table a firm can have rows in. */
async function fullFirm(db: Database, name: string) {
	const owner = await makeUser(db);
	const manager = await makeUser(db);
	const adviser = await makeUser(db);
	const researcher = await makeUser(db);
	await db.insert(session).values({ id: randomToken(), token: randomToken(), userId: owner.id, expiresAt: new Date(Date.now() + 86_400_000) });
	const f = await makeFirm(db, { ownerId: owner.id, name });
	await db.insert(firmMember).values({ firmId: f.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: f.id, adviserId: adviser.id, kind: 'coach', grantedBy: owner.id });
	const ambassador = await makeUser(db);
	const [ambassadorGrant] = await db.insert(adviserGrant).values({ firmId: f.id, adviserId: ambassador.id, kind: 'ambassador', grantedBy: owner.id, reportShared: true }).returning();
	await db.insert(ambassadorReportConsent).values({ firmId: f.id, grantId: ambassadorGrant!.id, shared: true, changedBy: owner.id });
	await db.insert(firmInvitation).values({ firmId: f.id, email: 'nieuw@example.nl', role: 'manager', tokenHash: randomToken(), invitedBy: owner.id, expiresAt: new Date(Date.now() + 86_400_000) });
	await db.insert(dataAgreement).values({ firmId: f.id, userId: researcher.id, recordedBy: owner.id });
	const { round } = await roundWithAnswers(db, f.id, { employees: 6, seed: name.length, openAnswersVerbatim: true, openTexts: ['Goed'] });
	const { round: old } = await roundWithAnswers(db, f.id, { employees: 2, seed: 2, status: 'closed' });
	await makeCards(db, round.id, 3);
	await db.insert(submissionReceipt).values({ roundId: round.id, keyHash: randomToken(), receivedOn: today });
	await db.insert(surveyDraft).values({ keyHash: randomToken(), roundId: round.id, data: { answers: { werk_1: 4 } }, updatedOn: today });
	await db.insert(roundRetention).values({ roundId: old.id, removedOn: today, responsesRemoved: 2 });
	await db.insert(roundSignal).values({ roundId: round.id, burst: 1 });
	await db.insert(firmSelfScanLink).values({ firmId: f.id, token: randomToken(), uses: 6 });
	await db.insert(firmPlanLink).values({ firmId: f.id, token: randomToken() });
	// A worker's plan shared with the firm: the share goes with the firm, the plan stays the worker's.
	const worker = await makeUser(db);
	const [plan] = await db.insert(developmentPlan).values({ userId: worker.id, title: 'Leren lassen', goals: [] }).returning();
	await db.insert(planShare).values({ planId: plan!.id, sharedWithFirm: f.id, sections: ['what'], sharedOn: today });
	const [net] = await db.insert(network).values({ slug: `net-${randomToken().slice(0, 8)}`, name: 'Leernetwerk Oost' }).returning();
	await db.insert(networkMember).values({ networkId: net!.id, firmId: f.id, basis: 'owner', consentedBy: owner.id });
	const [master] = await db.insert(pairingPerson).values({ firmId: f.id, name: 'Jan', email: 'jan@example.nl' }).returning();
	const [apprentice] = await db.insert(pairingPerson).values({ firmId: f.id, name: 'Kees', email: 'kees@example.nl', source: 'self' }).returning();
	await db.insert(pairingLabel).values({ firmId: f.id, personId: master!.id, kind: 'teach', label: 'lassen', recordedOn: today });
	await db.insert(pairingLabel).values({ firmId: f.id, personId: apprentice!.id, kind: 'learn', label: 'lassen', recordedOn: today });
	const [pair] = await db.insert(pairingPair).values({ firmId: f.id, masterId: master!.id, apprenticeId: apprentice!.id, covers: ['lassen'], status: 'active', proposedOn: today }).returning();
	await db.insert(pairingLog).values({ firmId: f.id, pairId: pair!.id, day: today, what: 'Eerste las', writtenBy: 'master' });
	await db.insert(pairingLink).values({ firmId: f.id, token: randomToken() });
	const [trial] = await db.insert(pilot).values({ networkId: net!.id, slug: 'leerlunch', name: 'Leerlunch' }).returning();
	await db.insert(pilotFirm).values({ pilotId: trial!.id, firmId: f.id, arm: 'pilot', beforeRoundId: old.id, afterRoundId: round.id });
	const [action] = await db.insert(firmAction).values({ firmId: f.id, roundId: round.id, title: 'Elke maand een leerlunch', createdBy: owner.id }).returning();
	await db.insert(firmActionNote).values({ actionId: action!.id, text: 'Eerste lunch gehouden', writtenBy: owner.id, writtenOn: today });
	await db.insert(sessionNote).values({ firmId: f.id, roundId: round.id, aspectId: 'werk', text: 'Meer afwisseling gewenst', updatedBy: owner.id });
	await db.insert(sessionNote).values({ firmId: f.id, roundId: null, aspectId: 'werk', text: 'Teamgesprek zonder ronde', updatedBy: owner.id });
	await db.insert(successStory).values({ firmId: f.id, title: 'Leerlunch', what: 'Elke maand samen eten en leren.', result: 'Meer vragen aan elkaar.', tip: 'Klein beginnen.', aspects: ['samen'], costBand: 'laag', funding: ['geen'], writtenBy: owner.id });
	await db.insert(actionMailSetting).values({ firmId: f.id, userId: owner.id, monthlyMail: false });
	await db.insert(actionMailSent).values({ firmId: f.id, userId: owner.id, kind: 'deadline', about: `${action!.id}:${today}` });
	const result = await exportRound(db, {
		firm: { id: f.id, slug: f.slug, name: f.name },
		round,
		file: findExportFile('research.csv')!,
		actor: { userId: researcher.id, basis: 'agreement' },
		today,
		locale: 'nl'
	});
	if (!result.ok) throw new Error('seed export refused');
	return { firm: f, owner, manager, adviser, researcher, actionId: action!.id, planId: plan!.id };
}

/** Found independently of the code under test: every table with a firm_id or round_id column. */
async function rowsOfFirm(db: Database, firmId: string): Promise<Record<string, number>> {
	const columns = await rowsOf(
		db,
		sql`select table_name, column_name from information_schema.columns
			where table_schema = 'public' and column_name in ('firm_id', 'round_id') order by table_name`
	);
	const roundIds = sql`(select id from scan_round where firm_id = ${firmId})`;
	const found: Record<string, number> = {};
	const [firmRow] = await rowsOf(db, sql`select count(*)::int as n from firm where id = ${firmId}`);
	found.firm = Number(firmRow!.n);
	for (const { table_name, column_name } of columns) {
		const table = sql.identifier(String(table_name));
		const where = column_name === 'firm_id' ? sql`firm_id = ${firmId}` : sql`round_id in ${roundIds}`;
		const [row] = await rowsOf(db, sql`select count(*)::int as n from ${table} where ${where}`);
		found[`${table_name}.${column_name}`] = Number(row!.n);
	}
	return found;
}

describe('confirmsFirmName', () => {
	it('asks for the name as shown, ignoring capitals and extra spaces', () => {
		expect(confirmsFirmName('  bakkerij  de korenaar ', 'Bakkerij De Korenaar')).toBe(true);
		expect(confirmsFirmName('Bakkerij', 'Bakkerij De Korenaar')).toBe(false);
		expect(confirmsFirmName('', '')).toBe(false);
	});
});

describe(`deleting a firm (${databaseKind})`, () => {
	it('refuses without the firm’s name and then deletes nothing', async () => {
		const { firm: f } = await fullFirm(h.db, 'Garage Wiel');
		const before = await rowsOfFirm(h.db, f.id);
		expect(await deleteFirm(h.db, { firmId: f.id, confirmName: 'Garage', today })).toEqual({ ok: false, reason: 'name_mismatch' });
		expect(await rowsOfFirm(h.db, f.id)).toEqual(before);
	});

	it('leaves no row of the firm in any table, touches no other firm, and logs without personal data', async () => {
		const other = await fullFirm(h.db, 'Installatiebedrijf Stroom');
		const target = await fullFirm(h.db, 'Bakkerij De Korenaar');
		const before = await rowsOfFirm(h.db, target.firm.id);
		// Every kind of row is there before, so "none after" means something. A table added later with a
		// firm_id or round_id shows up here with 0: add a row of it to fullFirm.
		for (const [table, n] of Object.entries(before)) expect(n, `${table}: seed a row in fullFirm`).toBeGreaterThan(0);
		const otherBefore = await rowsOfFirm(h.db, other.firm.id);

		const result = await deleteFirm(h.db, { firmId: target.firm.id, confirmName: 'bakkerij de korenaar', today });
		expect(result.ok).toBe(true);
		const after = await rowsOfFirm(h.db, target.firm.id);
		expect(Object.values(after).every((n) => n === 0), JSON.stringify(after)).toBe(true);
		// Progress notes hang on the action, not on the firm: they go with it.
		expect(await h.db.$count(firmActionNote, eq(firmActionNote.actionId, target.actionId))).toBe(0);
		expect(await h.db.$count(firmActionNote, eq(firmActionNote.actionId, other.actionId))).toBe(1);
		expect(await rowsOfFirm(h.db, other.firm.id)).toEqual(otherBefore);
		// The worker's plan stays; only its tie to the deleted firm went.
		expect(await h.db.$count(developmentPlan, eq(developmentPlan.id, target.planId))).toBe(1);
		expect(await h.db.$count(planShare, eq(planShare.planId, target.planId))).toBe(0);
		expect(await h.db.$count(planShare, eq(planShare.planId, other.planId))).toBe(1);

		// The people keep their accounts; only their ties to this firm went.
		const people = [target.owner, target.manager, target.adviser, target.researcher].map((p) => p.id);
		for (const id of people) expect(await h.db.$count(user, eq(user.id, id))).toBe(1);

		const logs = await h.db.select().from(deletionLog).where(eq(deletionLog.subjectHash, subjectHash(target.firm.id)));
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({ kind: 'firm', deletedOn: today });
		expect(logs[0]!.rows).toMatchObject({ firm: 1, scan_round: 2, firm_member: 2, adviser_grant: 2, ambassador_report_consent: 1, data_agreement: 1, export_audit: 1, round_card: 3, survey_draft: 1, submission_receipt: 1, round_retention: 1 });
		expect(logs[0]!.rows.scan_response).toBe(before['scan_response.round_id']);
		const logged = JSON.stringify(logs[0]);
		for (const secret of [target.firm.id, target.firm.name, target.firm.slug, target.owner.email, target.owner.id]) expect(logged).not.toContain(secret);
	});

	it('takes the firm’s approved success stories out of the knowledge base in the same deletion, and leaves those of other firms', async () => {
		/** A story of the firm, submitted with consent and approved by a coordinator: a published praktijkvoorbeeld. */
		async function approvedStory(firmName: string, title: string) {
			const owner = await makeUser(h.db);
			const coordinator = await makeUser(h.db, { role: 'coordinator' });
			const f = await makeFirm(h.db, { ownerId: owner.id, name: firmName });
			const story = { title, what: 'Elke vrijdag bespreken we tien minuten wat er misging.', result: 'Fouten worden eerder genoemd.', tip: 'Begin met een eigen fout.', aspects: ['ruimte'], costBand: 'geen', funding: ['geen'], time: '', showFirmName: true };
			const saved = await saveStory(h.db, { firmId: f.id, story, userId: owner.id, submit: true, consent: true });
			if (!saved.ok) throw new Error('story not saved');
			const reviewed = await reviewStory(h.db, { storyId: saved.id, userId: coordinator.id, decision: 'approve', note: '', origin: 'https://leerkompas.example', today });
			if (!reviewed.ok || !reviewed.entrySlug) throw new Error('story not approved');
			return { firm: f, slug: reviewed.entrySlug };
		}
		const gone = await approvedStory('Smederij Vonk', 'Vrijdag fouten bespreken bij Vonk');
		const kept = await approvedStory('Drukkerij Inkt', 'Vrijdag fouten bespreken bij Inkt');
		const published = async () => (await publishedEntries(h.db)).map((e) => e.slug);
		expect(await published()).toEqual(expect.arrayContaining([gone.slug, kept.slug]));
		// The owner chose to show the firm's name: the published entry carries it.
		expect(JSON.stringify((await publishedEntries(h.db)).find((e) => e.slug === gone.slug))).toContain('Smederij Vonk');

		expect((await deleteFirm(h.db, { firmId: gone.firm.id, confirmName: 'Smederij Vonk', today })).ok).toBe(true);

		expect(await published()).not.toContain(gone.slug);
		expect(await published()).toContain(kept.slug);
		expect((await searchEntries(h.db, 'Vonk')).hits.map((hit) => hit.slug)).not.toContain(gone.slug);
		// Not only unpublished: no version of it is left for an editor to find either, so the name is gone.
		expect(await h.db.$count(knowledgeEntry, eq(knowledgeEntry.slug, gone.slug))).toBe(0);
		const versions = await h.db.select({ body: knowledgeEntryVersion.body, title: knowledgeEntryVersion.title }).from(knowledgeEntryVersion);
		expect(JSON.stringify(versions)).not.toContain('Smederij Vonk');
		expect(JSON.stringify(versions)).toContain('Drukkerij Inkt');
		const [log] = await h.db.select().from(deletionLog).where(eq(deletionLog.subjectHash, subjectHash(gone.firm.id)));
		expect(log!.rows).toMatchObject({ success_story: 1, knowledge_entry: 1 });
	});

	it('answers not_found for a firm that is already gone', async () => {
		const { firm: f } = await fullFirm(h.db, 'Kapper Knip');
		expect((await deleteFirm(h.db, { firmId: f.id, confirmName: 'Kapper Knip', today })).ok).toBe(true);
		expect(await deleteFirm(h.db, { firmId: f.id, confirmName: 'Kapper Knip', today })).toEqual({ ok: false, reason: 'not_found' });
		expect(await h.db.$count(firm, eq(firm.id, f.id))).toBe(0);
	});
});
