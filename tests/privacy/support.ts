// What the attack tests in this folder share: signing in with a password, answering a round the way a phone
// without JavaScript does (the one-page form), and reading the codes printed on a card sheet.
import { expect } from 'vitest';
import { HttpSession } from '../e2e/support/http-client';
import { pdfPlainText } from '../helpers/pdf-text';

export const PASSWORD = 'een lang wachtwoord voor de test';

export async function signIn(baseUrl: string, email: string): Promise<HttpSession> {
	const session = new HttpSession(baseUrl);
	const res = await session.post('/login?/password', { email, password: PASSWORD, returnTo: '/firms' });
	if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
	return session;
}

const keyOf = (page: string) => page.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];

/** Sends one response through the one-page questionnaire of the link `token`; the answer to the send. */
export async function answerOnePage(session: HttpSession, token: string, fields: Record<string, string>): Promise<Response> {
	const page = await (await session.get(`/s/${token}/all`)).text();
	const key = keyOf(page) ?? 'x'.repeat(43);
	return session.post(`/s/${token}/all`, { ...fields, submissionKey: key });
}

/** A respondent who answers and is thanked. */
export async function respond(baseUrl: string, token: string, fields: Record<string, string>, session = new HttpSession(baseUrl)) {
	const sent = await answerOnePage(session, token, fields);
	expect(sent.headers.get('location')).toBe(`/s/${token}/thanks`);
}

export async function pdfOf(res: Response): Promise<string> {
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('application/pdf');
	return await pdfPlainText(new Uint8Array(await res.arrayBuffer()));
}

/**
 * The card codes on a sheet, in the order printed (test factories also draw letters the app leaves out).
 * The text reader may join a code to the next line's first word, so the code's end is not a word boundary.
 */
export function codesOnSheet(sheet: string): string[] {
	return [...sheet.matchAll(/\b([2-9A-Z]{5})-([2-9A-Z]{5})/g)].map((match) => `${match[1]}${match[2]}`);
}

/** Answers to every aspect's first statement: enough for a response that counts. */
export function someAnswers(seed: number): Record<string, string> {
	const v = (i: number) => String(((seed + i) % 5) + 1);
	return { werk_1: v(0), ruimte_1: v(1), samen_1: v(2), leiding_1: v(3), organisatie_1: v(4), buitenwereld_1: v(5) };
}
