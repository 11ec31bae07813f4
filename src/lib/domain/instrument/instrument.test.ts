import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	codebook,
	codebookMarkdown,
	instrumentSchema,
	itemsOfAspect,
	loadInstrument,
	questionText,
	UnknownInstrumentVersionError,
	type Instrument
} from './index';

const instrument = loadInstrument('v1');

function mutated(change: (draft: Instrument) => void): unknown {
	const draft = structuredClone(instrument) as Instrument;
	change(draft);
	return draft;
}

describe('instrument v1', () => {
	it('has the six aspects in model order with 5 or 6 items each', () => {
		expect(instrument.aspects.map((a) => a.id)).toEqual([
			'werk',
			'ruimte',
			'samen',
			'leiding',
			'organisatie',
			'buitenwereld'
		]);
		for (const aspect of instrument.aspects) {
			const count = itemsOfAspect(instrument, aspect.id).length;
			expect(count, aspect.id).toBeGreaterThanOrEqual(5);
			expect(count, aspect.id).toBeLessThanOrEqual(6);
			expect(itemsOfAspect(instrument, aspect.id).filter((i) => i.reverse).length).toBeLessThanOrEqual(1);
		}
		expect(instrument.items).toHaveLength(31);
	});

	it('uses the 1..5 scale with 9 for "weet ik niet"', () => {
		expect(instrument.scale).toMatchObject({ min: 1, max: 5, dontKnow: 9 });
		expect(instrument.scale.labels['9']?.nl).toBe('Weet ik niet');
	});

	it('names items after their aspect and never repeats a text', () => {
		for (const item of instrument.items) expect(item.id.startsWith(`${item.aspect}_`)).toBe(true);
		const texts = instrument.items.flatMap((i) => [i.text.employee.nl, i.text.owner.nl]);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('has the background, learning and open questions the issue asks for', () => {
		expect(instrument.background.map((b) => b.id)).toEqual(['age', 'work_type', 'tenure', 'team']);
		expect(instrument.background.find((b) => b.id === 'team')?.dynamic).toBe(true);
		expect(instrument.learning.barriers.options.map((o) => o.id)).toEqual([
			'no_time',
			'cost',
			'unknown_offer',
			'school_experience',
			'no_support',
			'not_needed',
			'other'
		]);
		expect(instrument.open.map((o) => o.id)).toEqual(['open_strength', 'open_improve']);
	});

	it('gives the employee or the owner wording in the chosen language', () => {
		const item = itemsOfAspect(instrument, 'leiding')[0];
		if (!item) throw new Error('no leiding item');
		expect(questionText(item, 'employee', 'nl')).toMatch(/^Mijn leidinggevende/);
		expect(questionText(item, 'owner', 'nl')).toMatch(/^Ik /);
		expect(questionText(item, 'owner', 'en')).toMatch(/^I /);
	});

	it('is frozen, so one caller cannot change it for the others', () => {
		expect(Object.isFrozen(instrument.items[0])).toBe(true);
		expect(loadInstrument('v1')).toBe(instrument);
	});

	it('rejects an unknown version', () => {
		expect(() => loadInstrument('v99')).toThrow(UnknownInstrumentVersionError);
	});
});

describe('instrumentSchema', () => {
	it('accepts v1 as it is', () => {
		expect(instrumentSchema.safeParse(structuredClone(instrument)).success).toBe(true);
	});

	it.each([
		['a second reversed item in one aspect', (d: Instrument) => void ((d.items[0] as { reverse: boolean }).reverse = true)],
		['an item with an unknown aspect', (d: Instrument) => void ((d.items[0] as { aspect: string }).aspect = 'nope')],
		['a duplicate item id', (d: Instrument) => void ((d.items[1] as { id: string }).id = 'werk_1')],
		['an id that is not a valid export variable', (d: Instrument) => void ((d.items[0] as { id: string }).id = 'Werk 1')],
		['"weet ik niet" inside the scale', (d: Instrument) => void ((d.scale as { dontKnow: number }).dontKnow = 3)],
		['an unknown field', (d: Instrument) => void Object.assign(d, { extra: true })],
		['an open question id that collides with an item', (d: Instrument) => void ((d.open[0] as { id: string }).id = 'werk_2')]
	])('rejects %s', (_label, change) => {
		expect(instrumentSchema.safeParse(mutated(change)).success).toBe(false);
	});
});

describe('codebook', () => {
	const book = codebook(instrument);

	it('holds the fields the CLI prints', () => {
		expect(book.version).toBe('v1');
		expect(book.scale).toMatchObject({ min: 1, max: 5, dontKnow: 9 });
		expect(book.aspects[0]).toMatchObject({ id: 'werk', label: { nl: 'Inhoud van het werk' } });
		expect(book.items.find((i) => i.id === 'werk_5')).toMatchObject({
			aspect: 'werk',
			reverse: true,
			text: { nl: 'Mijn werk is elke dag hetzelfde.', en: 'My work is the same every day.' }
		});
		const under25 = book.background.find((b) => b.id === 'age')?.categories[0];
		expect(under25).toMatchObject({ id: 'under_25', code: 1, label: { nl: 'Jonger dan 25 jaar', en: 'Under 25' } });
		// every language a respondent can answer in, so a researcher can read what each of them read
		expect(Object.keys(under25?.label ?? {})).toEqual(['nl', 'en', 'pl', 'tr', 'ar', 'uk']);
		expect(book.learning.map((q) => q.id)).toEqual([
			'learn_formal',
			'learn_nonformal',
			'learn_informal',
			'learn_need',
			'learn_intention',
			'barriers'
		]);
	});

	it('lists every export variable once, with 9 as missing on scale variables', () => {
		const names = book.variables.map((v) => v.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toContain('barrier_no_time');
		expect(book.variables.find((v) => v.name === 'werk_1')?.missing).toEqual([9]);
		expect(book.variables.find((v) => v.name === 'team')?.dynamic).toBe(true);
	});

	it('is the same as docs/codebook.md', () => {
		const onDisk = readFileSync(new URL('../../../../docs/codebook.md', import.meta.url), 'utf8');
		expect(onDisk).toBe(codebookMarkdown(instrument));
	});
});
