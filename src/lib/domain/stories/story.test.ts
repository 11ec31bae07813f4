import { describe, expect, it } from 'vitest';
import { knowledgeEntrySchema } from '../knowledge/entry';
import { canEdit, canReview, slugFromTitle, storyToEntry, type StoryText } from './story';

const story: StoryText = {
	title: 'Elke maand een leerlunch',
	what: 'Eens per maand eten we samen en vertelt iemand wat hij of zij nieuw heeft geleerd.',
	result: 'Meer vragen aan elkaar, en nieuwe collega’s weten sneller bij wie ze terechtkunnen.',
	tip: 'Begin klein en houd het kort.',
	aspects: ['samen', 'ruimte'],
	costBand: 'laag',
	funding: ['geen'],
	time: 'een uur per maand',
	showFirmName: false
};
const firm = { name: 'Bakkerij Jansen', sector: 'industrie', sizeClass: '10-49' };
const input = { story, firm, slug: 'praktijk-elke-maand-een-leerlunch', url: 'https://leerkompas.example/knowledge/praktijk-elke-maand-een-leerlunch', approvedOn: '2026-06-01' };

describe('a success story as a knowledge-base entry', () => {
	it('is a valid praktijkvoorbeeld with the story in its body', () => {
		const entry = storyToEntry(input);
		expect(knowledgeEntrySchema.safeParse(entry).success).toBe(true);
		expect(entry.kind).toBe('praktijkvoorbeeld');
		expect(entry.evidence).toBe('praktijkervaring');
		expect(entry.aspects).toEqual(['samen', 'ruimte']);
		expect(entry.sectors).toEqual(['industrie']);
		expect(entry.sizes).toEqual(['10-49']);
		expect(entry.body).toContain(story.what);
		expect(entry.body).toContain(story.result);
		expect(entry.body).toContain(story.tip);
		expect(entry.sources[0]).toEqual({ title: 'Verhaal van de ondernemer, goedgekeurd op 2026-06-01', url: input.url });
	});

	it('names the firm only when the owner chose so', () => {
		expect(JSON.stringify(storyToEntry(input))).not.toContain('Jansen');
		expect(storyToEntry({ ...input, story: { ...story, showFirmName: true } }).body).toContain('Verteld door Bakkerij Jansen.');
	});

	it('keeps the owner’s words plain text: no raw HTML, no headings of their own', () => {
		const entry = storyToEntry({ ...input, story: { ...story, what: '<script>alert(1)</script>\n# Kop\nGewoon verder met de tekst van het verhaal.' } });
		expect(entry.body).not.toContain('<script>');
		expect(entry.body).toContain('&lt;script&gt;');
		expect(entry.body).toContain('\\# Kop');
	});

	it('fits sector "overig" to all sectors and a time left empty to "niet genoemd"', () => {
		const entry = storyToEntry({ ...input, firm: { ...firm, sector: 'overig' }, story: { ...story, time: '' } });
		expect(entry.sectors).toBe('all');
		expect(entry.time).toBe('niet genoemd');
	});
});

describe('a story’s status', () => {
	it('can be changed as a draft or when sent back, and reviewed only when submitted', () => {
		expect([canEdit('draft'), canEdit('returned'), canEdit('submitted'), canEdit('approved')]).toEqual([true, true, false, false]);
		expect([canReview('draft'), canReview('submitted'), canReview('returned'), canReview('approved')]).toEqual([false, true, false, false]);
	});
});

describe('a slug from a title', () => {
	it('drops accents and signs', () => {
		expect(slugFromTitle('Één keer per week: café-overleg!')).toBe('een-keer-per-week-cafe-overleg');
		expect(slugFromTitle('!!!')).toBe('verhaal');
	});
});
