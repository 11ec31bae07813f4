import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm } from '../../../../tests/helpers/factories';
import { sampleView } from '../../../../tests/helpers/report-views';
import type { DatabaseHandle } from '../db/client';
import { firm } from '../db/schema';
import { reportRecommendations } from './report-recommendations';
import { reasonText } from './reason-text';

const labels: Record<string, string> = { ruimte: 'Ruimte en veiligheid om te leren', samen: 'Samen leren in het team', leiding: 'Leiding die helpt groeien' };
const label = (id: string) => labels[id] ?? id;

describe('reasonText', () => {
	it('says in one sentence which aspect and which worry led to a tip', () => {
		expect(reasonText([{ kind: 'weakest', aspect: 'ruimte', rank: 1 }, { kind: 'worry', worry: 'behouden' }], label, 'nl')).toBe(
			"Omdat 'Ruimte en veiligheid om te leren' het laagst scoort en u zich zorgen maakt over mensen behouden."
		);
		expect(
			reasonText(
				[
					{ kind: 'weakest', aspect: 'samen', rank: 2 },
					{ kind: 'gap', aspect: 'leiding', ownerHigher: true },
					{ kind: 'worry', worry: 'inwerken' }
				],
				label,
				'nl'
			)
		).toBe("Omdat 'Samen leren in het team' als tweede het laagst scoort, u 'Leiding die helpt groeien' hoger inschat dan uw medewerkers en u zich zorgen maakt over het inwerken van nieuwe mensen.");
		expect(reasonText([{ kind: 'own-view', aspect: 'ruimte', rank: 1 }], label, 'nl')).toBe("Omdat 'Ruimte en veiligheid om te leren' in uw eigen antwoorden het laagst scoort.");
		expect(reasonText([{ kind: 'gap', aspect: 'leiding', ownerHigher: false }, { kind: 'worry', worry: 'vergrijzing' }], label, 'en')).toBe(
			"Because you rate 'Leiding die helpt groeien' lower than your employees do and you are concerned about knowledge leaving with older craftspeople."
		);
	});
});

describe(`reportRecommendations (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await openTestDatabase();
	});
	afterEach(async () => {
		await h.close();
	});

	it('uses the firm\u2019s own worry and names it in the reason, in the reader\u2019s language', async () => {
		const worried = await makeFirm(h.db);
		const other = await makeFirm(h.db);
		await h.db.update(firm).set({ worry: 'inwerken' }).where(eq(firm.id, worried.id));
		await h.db.update(firm).set({ worry: 'vernieuwing' }).where(eq(firm.id, other.id));
		const report = sampleView({ employees: 8 }).report;

		const nl = await reportRecommendations(h.db, worried.id, report, 'nl');
		expect(nl.worrySet).toBe(true);
		expect(nl.recommendations.length).toBeGreaterThan(0);
		const forWorry = nl.recommendations.find((r) => r.worries.includes('inwerken'));
		expect(forWorry?.reason).toContain('u zich zorgen maakt over het inwerken van nieuwe mensen');
		// Another firm's worry never reaches this firm's report.
		expect(nl.recommendations.flatMap((r) => r.worries)).not.toContain('vernieuwing');

		const en = await reportRecommendations(h.db, worried.id, report, 'en');
		const forWorryEn = en.recommendations.find((r) => r.entry === forWorry?.entry);
		expect(forWorryEn?.reason).toContain('you are concerned about helping new people settle in');
		expect(forWorryEn?.summary).not.toBe(forWorry?.summary);
	});

	it('says when no worry is set, and then recommends only on the report\u2019s figures', async () => {
		const plain = await makeFirm(h.db);
		const advice = await reportRecommendations(h.db, plain.id, sampleView({ employees: 8 }).report, 'nl');
		expect(advice.worrySet).toBe(false);
		expect(advice.recommendations.every((r) => r.worries.length === 0 && r.aspects.length > 0)).toBe(true);
	});

	it('without employee figures names only the owner\u2019s own answers and the worry', async () => {
		const small = await makeFirm(h.db);
		await h.db.update(firm).set({ worry: 'vergrijzing' }).where(eq(firm.id, small.id));
		const report = sampleView({ employees: 3 }).report;
		expect(report.employeeFigures).toBe(false);
		const advice = await reportRecommendations(h.db, small.id, report, 'nl');
		expect(advice.recommendations.length).toBeGreaterThan(0);
		for (const r of advice.recommendations) {
			expect(r.reason).not.toContain('uw medewerkers');
			if (r.aspects.length > 0) expect(r.reason).toContain('in uw eigen antwoorden');
			else expect(r.worries).toEqual(['vergrijzing']);
		}
	});
});
