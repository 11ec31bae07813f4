import { describe, expect, it } from 'vitest';
import { CARD_CODE_LENGTH, CODE_ALPHABET, formatCode, newCardCode, newLinkToken, newShortCode, SHORT_CODE_LENGTH } from './codes';
import { parseCode, parseLinkToken } from '../survey/find-round.schema';

describe('link tokens', () => {
	it('are 32 random bytes in base64url, different every time', () => {
		const tokens = Array.from({ length: 200 }, newLinkToken);
		for (const token of tokens) {
			expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
			expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		}
		expect(new Set(tokens).size).toBe(tokens.length);
	});

	it('are accepted by the survey side', () => {
		const token = newLinkToken();
		expect(parseLinkToken(token)).toBe(token);
	});
});

describe('short codes and card codes', () => {
	it('leave out characters people mix up', () => {
		for (const confusing of ['0', 'O', '1', 'I', 'L', 'l', 'o', 'i']) expect(CODE_ALPHABET).not.toContain(confusing);
		expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
	});

	it('have the set length and use only the alphabet', () => {
		const codes = [...Array.from({ length: 300 }, newShortCode), ...Array.from({ length: 300 }, newCardCode)];
		expect(SHORT_CODE_LENGTH).toBeGreaterThanOrEqual(8);
		expect(CARD_CODE_LENGTH).toBeGreaterThanOrEqual(8);
		expect(CARD_CODE_LENGTH).toBeLessThanOrEqual(10);
		for (const code of codes) {
			expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]+$`));
			expect([SHORT_CODE_LENGTH, CARD_CODE_LENGTH]).toContain(code.length);
		}
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('use every character of the alphabet', () => {
		const seen = new Set(Array.from({ length: 400 }, newCardCode).join(''));
		expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
	});

	it('are printed in two groups and read back as typed, in any case, with or without the dash', () => {
		const code = newCardCode();
		const printed = formatCode(code);
		expect(printed).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
		expect(parseCode(printed)).toBe(code);
		expect(parseCode(printed.toLowerCase())).toBe(code);
		expect(parseCode(` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(code);
	});
});
