// The survey's cookies, all HttpOnly, SameSite=Lax and scoped to one round's path (/s/TOKEN), so that a
// browser sends them for that survey only. They hold random keys, never anything about the person.
import type { Cookies } from '@sveltejs/kit';
import { parseCode } from './find-round.schema';
import { isKey } from './keys';

const DRAFT = 'lk_draft';
const CARD = 'lk_card';
const SENT = 'lk_sent';
const NINETY_DAYS = 60 * 60 * 24 * 90;

export function surveyPath(token: string): string {
	return `/s/${token}`;
}

function options(token: string, secure: boolean) {
	return { path: surveyPath(token), httpOnly: true, sameSite: 'lax' as const, secure, maxAge: NINETY_DAYS };
}

function removal(token: string, secure: boolean) {
	return { path: surveyPath(token), httpOnly: true, sameSite: 'lax' as const, secure };
}

export interface SurveyCookies {
	draftKey(): string | null;
	setDraftKey(key: string): void;
	clearDraftKey(): void;
	cardCode(): string | null;
	setCardCode(code: string): void;
	clearCardCode(): void;
	sent(): boolean;
	markSent(): void;
}

/** `secure` follows the request: true on https, false on plain http (a laptop on the local network). */
export function surveyCookies(cookies: Cookies, token: string, secure: boolean): SurveyCookies {
	// Only a cookie the browser has (or this answer sets) is deleted: every thank-you would otherwise carry
	// removals of cookies most respondents never had.
	const remove = (name: string) => {
		if (cookies.get(name) !== undefined) cookies.delete(name, removal(token, secure));
	};
	return {
		draftKey() {
			const value = cookies.get(DRAFT);
			return isKey(value) ? value : null;
		},
		setDraftKey: (key) => cookies.set(DRAFT, key, options(token, secure)),
		clearDraftKey: () => remove(DRAFT),
		cardCode: () => parseCode(cookies.get(CARD)),
		setCardCode: (code) => cookies.set(CARD, code, options(token, secure)),
		clearCardCode: () => remove(CARD),
		sent: () => cookies.get(SENT) === '1',
		markSent: () => cookies.set(SENT, '1', options(token, secure))
	};
}
