import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../../db/client';
import { roundCard, scanRound } from '../../db/schema';
import { pdfClipWidths, pdfText, pdfTextItems, type PdfTextItem } from '../../../../../tests/helpers/pdf-text';
import { createRound } from '../rounds/create-round';
import { CODE_ALPHABET, formatCode } from '../rounds/codes';
import { posterData, posterPdf } from '../rounds/poster';
import { CARDS_PER_PAGE, cardSheetData, cardSheetPdf } from './card-sheet';
import { insertCards } from '../rounds/insert-cards';
import { roundCardCodes } from './card-codes';
import { surveyLocales } from '../../../domain/instrument';
import * as m from '../../../paraglide/messages.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');

// Arabic comes out of a PDF in presentation forms (NFKC undoes them), word by word.
function expectArabic(text: string, arabic: string) {
	const words = arabic.split(/\s+/).filter((word) => /[\u0600-\u06ff]/.test(word));
	expect(words.length, arabic).toBeGreaterThan(0);
	for (const word of words) expect(text.normalize('NFKC'), word).toContain(word.normalize('NFKC').replace(/[.:،]/g, ''));
}

const MM = 72 / 25.4;
const A4_HEIGHT = 297 * MM;
// The sheet's grid: 1 cm page margins, two columns and five rows of 95 x 55 mm cards.
const card = { margin: 10 * MM, width: 95 * MM, height: 55 * MM };
// Glyphs reach about a fifth of the font size below the baseline and three quarters above it.
const box = (item: PdfTextItem) => ({ left: item.x, right: item.x + item.width, bottom: item.y - 0.2 * item.size, top: item.y + 0.75 * item.size });

/**
 * The print on each card of a sheet, found by where it is drawn: what someone holds after cutting along the dashed
 * lines. Fails when print reaches a cut line, leaves the grid, or lies on top of other print on its card.
 */
async function cardsOnSheet(pdf: Uint8Array) {
	const cards = new Map<string, PdfTextItem[]>();
	for (const item of (await pdfTextItems(pdf)).items.filter((i) => i.str.trim() !== '')) {
		const column = Math.floor((item.x - card.margin) / card.width);
		const row = Math.floor((A4_HEIGHT - card.margin - item.y) / card.height);
		expect([column, row], item.str).toSatisfy(([c, r]: number[]) => c! >= 0 && c! < 2 && r! >= 0 && r! < 5);
		const left = card.margin + column * card.width;
		const top = A4_HEIGHT - card.margin - row * card.height;
		const b = box(item);
		// 1 mm clear of the cut lines, so scissors that miss a little do not cut the print
		expect(b.left, item.str).toBeGreaterThanOrEqual(left + MM);
		expect(b.right, item.str).toBeLessThanOrEqual(left + card.width - MM);
		expect(b.top, item.str).toBeLessThanOrEqual(top - MM);
		expect(b.bottom, item.str).toBeGreaterThanOrEqual(top - card.height + MM);
		const key = `${item.page}/${row}/${column}`;
		cards.set(key, [...(cards.get(key) ?? []), item]);
	}
	for (const items of cards.values()) {
		for (const [i, a] of items.entries()) {
			for (const b of items.slice(i + 1)) {
				const [p, q] = [box(a), box(b)];
				const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.3 && Math.min(p.top, q.top) - Math.max(p.bottom, q.bottom) > 0.3;
				expect(overlap, `"${a.str}" on "${b.str}"`).toBe(false);
			}
		}
	}
	return [...cards.entries()].map(([key, items]) => ({ key, items, text: flat(items.map((i) => i.str + (i.hasEOL ? ' ' : '')).join('')) }));
}

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
	const url = 'https://leerkompas.example.nl/r/ABCDE23456';
	const longestFirmName = 'Installatie- en Loodgietersbedrijf Gebroeders Van der Zwaluw-Hoogendijk Noord B.V. en Zonen Holding Midden'.slice(0, 100);

	it('carries one line with the short link in each of the six languages, Arabic included, on one page', async () => {
		const { pdf, pages } = await posterPdf({ firmName: longestFirmName, url, threshold: 5, closesOn: '2025-03-21', locale: 'nl' });
		expect(pages).toBe(1);
		const text = flat((await pdfText(pdf)).pages[0]!);
		for (const locale of surveyLocales.filter((l) => l !== 'ar')) {
			expect(text, locale).toContain(`${m.survey_poster_line({}, { locale })} leerkompas.example.nl/r/ABCDE23456`);
		}
		expectArabic(text, m.survey_poster_line({}, { locale: 'ar' }));
	});

	// A QR code on a wall is scanned from a step away: it gets whatever room the texts leave, up to 8 cm.
	it('prints the QR code 8 cm wide, and still at least 7 cm on one page under the longest firm name and texts', async () => {
		expect(longestFirmName).toHaveLength(100);
		const cm = (points: number) => (points / 72) * 2.54;
		const short = await posterPdf({ firmName: 'Bakkerij De Korenaar', url, threshold: 5, closesOn: '2025-03-21', locale: 'nl' });
		expect((await pdfClipWidths(short.pdf)).map(cm)).toEqual([expect.closeTo(8, 2)]);
		for (const locale of ['nl', 'en'] as const) {
			// a two-digit k and the longest month name make the longest promise and last day
			const { pdf, pages } = await posterPdf({ firmName: longestFirmName, url, threshold: 10, closesOn: '2025-09-30', locale });
			expect(pages, locale).toBe(1);
			const [qr, ...others] = (await pdfClipWidths(pdf)).map(cm);
			expect(others, locale).toEqual([]);
			expect(qr, locale).toBeGreaterThanOrEqual(7);
			expect(qr, locale).toBeLessThanOrEqual(8.01);
		}
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

describe('the card sheet in the respondents\' languages', () => {
	it('tells on every card, in each of the six languages, that the card can be answered in it', async () => {
		const firmName = 'Installatie- en Loodgietersbedrijf Gebroeders Van der Zwaluw-Hoogendijk Noord B.V. en Zonen Holding Midden'.slice(0, 100);
		expect(firmName).toHaveLength(100);
		for (const locale of ['nl', 'en'] as const) {
			const codes = Array.from({ length: CARDS_PER_PAGE + 3 }, (_, i) => `ABCDEFGH${CODE_ALPHABET[i]}2`);
			const { pdf, pages } = await cardSheetPdf({ firmName, roundName: 'Voorjaar', origin: 'http://localhost:4101', codes, locale });
			// ten full cards still fit on one page, the longest firm name and all six phrases included
			expect(pages, locale).toBe(2);
			const cards = await cardsOnSheet(pdf);
			expect(cards.map((c) => c.key).slice(0, CARDS_PER_PAGE + 1), locale).toEqual([
				...Array.from({ length: CARDS_PER_PAGE }, (_, i) => `0/${Math.floor(i / 2)}/${i % 2}`),
				'1/0/0'
			]);
			expect(cards, locale).toHaveLength(codes.length);
			expect((await pdfClipWidths(pdf)).map((w) => (w / 72) * 25.4), locale).toEqual(Array(CARDS_PER_PAGE).fill(expect.closeTo(29, 1)));
			for (const [i, { key, items, text }] of cards.entries()) {
				expect(text, key).toContain(formatCode(codes[i]!));
				// the code stays as large as before, and nothing is printed smaller than 6.5 pt
				expect(items.find((item) => item.str.includes(formatCode(codes[i]!)))?.size, key).toBeCloseTo(13, 1);
				expect(Math.min(...items.map((item) => item.size)), key).toBeGreaterThanOrEqual(6.49);
				expect(text, key).toContain(flat(m.scan_card_promise({}, { locale })));
				for (const language of surveyLocales.filter((l) => l !== 'ar')) expect(text, `${key} ${language}`).toContain(m.survey_card_language_line({}, { locale: language }));
				expectArabic(text, m.survey_card_language_line({}, { locale: 'ar' }));
			}
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
