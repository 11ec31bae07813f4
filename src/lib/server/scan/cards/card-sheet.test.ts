import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../../db/client';
import { roundCard, scanRound } from '../../db/schema';
import { pdfText } from '../../../../../tests/helpers/pdf-text';
import { createRound } from '../rounds/create-round';
import { CODE_ALPHABET, formatCode } from '../rounds/codes';
import { posterData, posterPdf } from '../rounds/poster';
import { CARDS_PER_PAGE, cardSheetData, cardSheetPdf } from './card-sheet';
import { insertCards } from '../rounds/insert-cards';
import { roundCardCodes } from './card-codes';
import { surveyLocales } from '../../../domain/instrument';
import * as m from '../../../paraglide/messages.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the poster', () => {
	it('is one A4 page with the short link, the QR code, the anonymity promise with k and the last day', async () => {
		const input = { firmName: 'Garage #1 & Zonen', url: 'https://leerkompas.example.nl/r/ABCDE23456', threshold: 7, closesOn: '2025-03-21', locale: 'nl' as const };
		const { pdf, pages } = await posterPdf(input);
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		expect(pages).toBe(1);
		// A4 is 595 x 842 points
		expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.27\d* 841\.8\d*\]/);
		const text = flat((await pdfText(pdf)).pages[0]!);
		expect(text).toContain('Hoe leren we bij Garage #1 & Zonen?');
		expect(text).toContain('leerkompas.example.nl/r/ABCDE23456');
		expect(text).toContain('pas als minstens 7 mensen hebben meegedaan');
		expect(text).toContain('ook je baas niet');
		expect(text).toContain('tot en met 21 maart 2025');
		const data = await posterData(input);
		expect(data.qr).toMatch(/^<svg/);
	});

	it('speaks English for an English-speaking owner', async () => {
		const { pdf } = await posterPdf({ firmName: 'Bakery', url: 'http://localhost:3000/r/ABCDE23456', threshold: 5, closesOn: '2025-03-21', locale: 'en' });
		const text = flat((await pdfText(pdf)).pages[0]!);
		expect(text).toContain('How do we learn at Bakery?');
		expect(text).toContain('http://localhost:3000/r/ABCDE23456');
		expect(text).toContain('at least 5 people');
		expect(text).toContain('21 March 2025');
	});
});

describe('the poster in the respondents\' languages', () => {
	it('carries one line with the short link in each of the six languages, Arabic included, on one page', async () => {
		const url = 'https://leerkompas.example.nl/r/ABCDE23456';
		const firmName = 'Installatie- en Loodgietersbedrijf Gebroeders Van der Zwaluw-Hoogendijk Noord B.V. en Zonen Holding'.slice(0, 100);
		const { pdf, pages } = await posterPdf({ firmName, url, threshold: 5, closesOn: '2025-03-21', locale: 'nl' });
		expect(pages).toBe(1);
		const text = flat((await pdfText(pdf)).pages[0]!);
		for (const locale of surveyLocales.filter((l) => l !== 'ar')) {
			expect(text, locale).toContain(`${m.survey_poster_line({}, { locale })} leerkompas.example.nl/r/ABCDE23456`);
		}
		// Arabic comes out of a PDF in presentation forms (NFKC undoes them), word by word.
		const arabic = m.survey_poster_line({}, { locale: 'ar' });
		const arabicWords = arabic.split(/\s+/).filter((word) => /[\u0600-\u06ff]/.test(word));
		for (const word of arabicWords) expect(text.normalize('NFKC'), word).toContain(word.normalize('NFKC').replace(/[.:،]/g, ''));
	});
});

describe('the card sheet', () => {
	it('has ten cards per A4 page, each with its own code and QR code to /k/CODE', async () => {
		const codes = Array.from({ length: 23 }, (_, i) => `ABCDEFGH${CODE_ALPHABET[i]}2`);
		const input = { firmName: 'Bakkerij De Korenaar', roundName: 'Voorjaar', origin: 'https://leerkompas.example.nl', codes, locale: 'nl' as const };
		const { pdf, pages } = await cardSheetPdf(input);
		expect(pages).toBe(Math.ceil(codes.length / CARDS_PER_PAGE));
		const text = (await pdfText(pdf)).pages;
		expect(text).toHaveLength(3);
		for (const [i, code] of codes.entries()) expect(text[Math.floor(i / CARDS_PER_PAGE)]).toContain(formatCode(code));
		expect(flat(text[0]!)).toContain('Of ga naar leerkompas.example.nl/k en typ deze code:');
		expect(flat(text[2]!)).toContain('De code werkt één keer.');
		expect(flat(text.join(' ')).match(/Hoe leren we bij Bakkerij De Korenaar\?/g)).toHaveLength(23);
		const data = await cardSheetData(input);
		expect(new Set(data.cards.map((c) => c.qr)).size).toBe(codes.length);
	});

	it('prints the address unbroken and the promise below the code, also under the longest firm name', async () => {
		const firmName = 'Installatie- en Loodgietersbedrijf Gebroeders Van der Zwaluw-Hoogendijk Noord B.V. en Zonen Holding Midden-Nederland'.slice(0, 120);
		const codes = Array.from({ length: CARDS_PER_PAGE }, (_, i) => `ABCDEFGH${CODE_ALPHABET[i]}2`);
		const { pdf, pages } = await cardSheetPdf({ firmName, roundName: 'Voorjaar', origin: 'http://localhost:4101', codes, locale: 'nl' });
		expect(pages).toBe(1);
		const lines = (await pdfText(pdf)).pages[0]!.split('\n');
		// "http://" at the end of one line and "localhost:4101/k" on the next cannot be typed from the card
		expect(lines.filter((line) => line.includes('http://localhost:4101/k'))).toHaveLength(CARDS_PER_PAGE);
		for (const code of codes) {
			const codeLine = lines.findIndex((line) => line.includes(formatCode(code)));
			const promiseLine = lines.findIndex((line, i) => i > codeLine && line.startsWith('Anoniem:'));
			// drawn in the flow after the code (not placed over the card's bottom edge), and before the next card
			expect(promiseLine, code).toBeGreaterThan(codeLine);
			expect(lines.slice(codeLine + 1, promiseLine).some((line) => line.includes('Hoe leren we')), code).toBe(false);
		}
	});
});

describe(`cards in the database (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeAll(async () => {
		h = await openTestDatabase();
	});
	afterAll(async () => {
		await h.close();
	});

	it('adds unique codes, and the sheet keeps every code, used or not, in the same order', async () => {
		const firm = await makeFirm(h.db);
		const created = await createRound(h.db, { firm, threshold: 5, today: '2025-03-03', input: { name: 'Kaartjes', cards: 4 } });
		if (!created.ok) throw new Error('no round');
		const more = await insertCards(h.db, created.round.id, 3);
		expect(more).toHaveLength(3);
		const all = await h.db.select().from(roundCard).where(eq(roundCard.roundId, created.round.id));
		expect(new Set(all.map((c) => c.code)).size).toBe(7);
		const before = await roundCardCodes(h.db, created.round.id);
		expect(before).toHaveLength(7);
		await h.db.update(roundCard).set({ usedOn: '2025-03-04' }).where(eq(roundCard.code, more[0]!));
		// A sheet printed after a card was used must not tell which one: same codes, same order.
		expect(await roundCardCodes(h.db, created.round.id)).toEqual(before);
	});

	it('refuses a code another round already has', async () => {
		const firm = await makeFirm(h.db);
		const a = await createRound(h.db, { firm, threshold: 5, today: '2025-03-03', input: { name: 'A', cards: 1 } });
		const b = await createRound(h.db, { firm, threshold: 5, today: '2025-03-03', input: { name: 'B' } });
		if (!a.ok || !b.ok) throw new Error('no rounds');
		const [taken] = await roundCardCodes(h.db, a.round.id);
		const inserted = await h.db.insert(roundCard).values({ roundId: b.round.id, code: taken! }).onConflictDoNothing().returning();
		expect(inserted).toEqual([]);
		expect((await h.db.select().from(scanRound).where(eq(scanRound.id, b.round.id)))[0]?.inviteMode).toBe('link');
	});
});
