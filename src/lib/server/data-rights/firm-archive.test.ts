import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { dayFromToday, makeCards } from '../../../../tests/helpers/scan-factories';
import { insertResponses, instrument, roundWithAnswers } from '../../../../tests/helpers/export-fixtures';
import { sampleResponses } from '../report/sample-responses';
import type { DatabaseHandle } from '../db/client';
import { adviserGrant, dataAgreement, exportAudit, firm, firmAction, firmActionNote, firmMember, network, networkMember, scanRound, sessionNote } from '../db/schema';
import { firmArchive } from './firm-archive';

const today = dayFromToday(0);
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

describe(`the firm archive (${databaseKind})`, () => {
	it('holds the firm, its people and its rounds with report figures, but no answers per person', async () => {
		const owner = await makeUser(h.db, { name: 'Olga Eigenaar' });
		const manager = await makeUser(h.db, { name: 'Cor Collega' });
		const adviser = await makeUser(h.db, { name: 'Ada Adviseur' });
		const researcher = await makeUser(h.db, { name: 'Rik Onderzoeker' });
		const f = await makeFirm(h.db, { ownerId: owner.id, name: 'Bakkerij De Korenaar' });
		await h.db.insert(firmMember).values({ firmId: f.id, userId: manager.id, role: 'manager' });
		await h.db.update(firm).set({ worry: 'behouden' }).where(eq(firm.id, f.id));
		await h.db.insert(adviserGrant).values({ firmId: f.id, adviserId: adviser.id, kind: 'coach', grantedBy: owner.id });
		await h.db.insert(dataAgreement).values({ firmId: f.id, userId: researcher.id, recordedBy: owner.id });
		const [net] = await h.db.insert(network).values({ slug: `archief-${f.slug}`, name: 'Leernetwerk Archief' }).returning();
		await h.db.insert(networkMember).values({ networkId: net!.id, firmId: f.id, basis: 'owner', consentedBy: owner.id, leftAt: new Date() });
		// Respondents were not told their open answers would be shown word for word, so no one may read them.
		const full = await roundWithAnswers(h.db, f.id, { employees: 6, seed: 31, name: 'Voorjaar', status: 'closed', openAnswersVerbatim: false, openTexts: ['Geheim verhaal over Piet'] });
		expect(full.employees.some((r) => Object.values(r.open).includes('Geheim verhaal over Piet'))).toBe(true);
		const few = await roundWithAnswers(h.db, f.id, { employees: 3, seed: 32, name: 'Najaar' });
		await makeCards(h.db, few.round.id, 4);
		const [fullRow] = await h.db.select().from(scanRound).where(eq(scanRound.id, full.round.id));
		const [action] = await h.db
			.insert(firmAction)
			.values({ firmId: f.id, roundId: full.round.id, title: 'Elke maand een leerlunch', aspectId: 'samen', assigneeName: 'Cor Collega', dueOn: '2026-06-30', status: 'bezig', createdBy: owner.id })
			.returning();
		await h.db.insert(firmActionNote).values({ actionId: action!.id, text: 'Eerste lunch gehouden', writtenBy: owner.id, writtenOn: '2026-05-01' });
		await h.db.insert(sessionNote).values({ firmId: f.id, roundId: full.round.id, aspectId: 'werk', text: 'Meer afwisseling gewenst', updatedBy: owner.id });

		const archive = await firmArchive(h.db, { firmId: f.id, today, locale: 'nl', about: 'Uitleg' });
		if (!archive) throw new Error('no archive');
		expect(archive.fileName).toBe(`leerkompas-${f.slug}-${today}.json`);
		const doc = JSON.parse(archive.body);
		expect(doc).toMatchObject({ format: 'leerkompas-firm-archive', version: 5, createdOn: today, about: 'Uitleg' });
		expect(doc.pairing).toEqual({ people: [], pairs: [], signUpLinkSince: null });
		expect(doc.actions).toMatchObject([
			{ title: 'Elke maand een leerlunch', aspect: 'samen', round: 'Voorjaar', who: 'Cor Collega', dueOn: '2026-06-30', status: 'bezig', notes: [{ text: 'Eerste lunch gehouden', writtenOn: '2026-05-01', by: 'Olga Eigenaar' }] }
		]);
		expect(doc.sessionNotes).toMatchObject([{ round: 'Voorjaar', step: 'werk', text: 'Meer afwisseling gewenst' }]);
		expect(doc.firm).toMatchObject({ name: 'Bakkerij De Korenaar', slug: f.slug, employees: 12, worry: 'behouden' });
		expect(doc.people.members.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
			['Olga Eigenaar', 'owner'],
			['Cor Collega', 'manager']
		]);
		expect(doc.people.advisers).toMatchObject([{ name: 'Ada Adviseur', kind: 'coach', revokedAt: null }]);
		expect(doc.people.dataAgreements).toMatchObject([{ name: 'Rik Onderzoeker' }]);
		// The consent log of networks, also for a membership that ended.
		expect(doc.people.networks).toMatchObject([{ network: 'Leernetwerk Archief', basis: 'owner' }]);
		expect(doc.people.networks[0].leftAt).not.toBeNull();

		const [voorjaar, najaar] = doc.rounds;
		expect(voorjaar).toMatchObject({ name: 'Voorjaar', responses: { employee: 6, owner: 1 }, reportVersions: [{ version: 1, includedResponses: 6 }] });
		expect(voorjaar.report.respondents).toEqual({ employee: 6, owner: 1 });
		// Answers per person go only to a researcher with a data agreement, never to the firm.
		expect(voorjaar).not.toHaveProperty('statements');
		// Najaar is still open: no count that moves with one response, in the round or in storedRows.
		expect(najaar).toMatchObject({ name: 'Najaar', status: 'open', responses: null, cards: { printed: 4 } });
		expect(najaar.cards).not.toHaveProperty('used');
		expect(najaar.report.employeeFigures).toBe(false);

		// Never in the archive: links and codes that open the survey, open answers.
		expect(archive.body).not.toContain(fullRow!.linkToken);
		expect(archive.body).not.toContain(fullRow!.shortCode);
		expect(archive.body).not.toContain('Geheim verhaal');
		expect(doc.storedRows).toMatchObject({ firm: 1, scan_round: 2, firm_member: 2, 'scan_response': 6 + 1, firm_action: 1, firm_action_note: 1, session_note: 1 });
		expect(doc.storedRows).not.toHaveProperty('round_card');

		// Nothing respondent-level was handed out, so nothing is logged.
		expect(await h.db.select().from(exportAudit).where(eq(exportAudit.firmId, f.id))).toEqual([]);
	});

	// Attack (issue 10): the owner downloads the archive, one colleague answers, the owner downloads it again
	// and sees which count moved. While a round is open or paused, nothing in the archive may move with one
	// response: only the latest published version tells how many answered.
	it('does not change when one response arrives in an open round after a published version', async () => {
		const owner = await makeUser(h.db, { name: 'Wim Wachter' });
		const f = await makeFirm(h.db, { ownerId: owner.id, name: 'Drukkerij Wachter' });
		const open = await roundWithAnswers(h.db, f.id, { employees: 6, seed: 41, name: 'Open ronde' });
		const read = async () => (await firmArchive(h.db, { firmId: f.id, today, locale: 'nl', about: 'Uitleg' }))!.body;
		const before = await read();
		expect(JSON.parse(before).rounds[0]).toMatchObject({ status: 'open', reportVersions: [{ version: 1, includedResponses: 6 }] });

		await insertResponses(h.db, open.round.id, sampleResponses(instrument, 1, 'employee', { seed: 42, teams: ['Bakkerij', 'Winkel'] }), today);
		expect(await read()).toBe(before);
		await h.db.update(scanRound).set({ status: 'paused' }).where(eq(scanRound.id, open.round.id));
		await insertResponses(h.db, open.round.id, sampleResponses(instrument, 1, 'employee', { seed: 43, teams: ['Bakkerij', 'Winkel'] }), today);
		expect(await read()).toBe(before.replace('"status": "open"', '"status": "paused"'));
	});

	it('is null for a firm that does not exist', async () => {
		expect(await firmArchive(h.db, { firmId: '00000000-0000-4000-8000-000000000000', today, locale: 'nl', about: '' })).toBeNull();
	});
});
