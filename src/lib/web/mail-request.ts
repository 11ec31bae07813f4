// The shared shape of "wachtwoord vergeten" and "stuur de bevestigingsmail opnieuw": someone types an
// address and a mail may go there. The same answer for every address, so neither tells who has an account,
// and a limit per client and address, so neither floods someone's mailbox.
import type { RequestEvent } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { app } from './app';
import { formError, parseForm, readForm } from './forms';
import { clientKey } from '../server/http';
import { magicLinkSchema } from '../server/auth/account.schema';
import * as m from '../paraglide/messages';

export async function mailRequest(event: RequestEvent, send: (email: string) => Promise<unknown>) {
	const form = await readForm(event.request);
	if (!form) return formError(400, new FormData(), m.common_form_has_errors());
	const parsed = parseForm(magicLinkSchema(), form);
	if (!parsed.ok) return parsed.failure;
	const { limits } = app();
	const key = `${clientKey(event)}|${parsed.data.email}`;
	if (!(await limits.mailRequest.hit(key))) return formError(429, form, m.common_rate_limited({ minutes: Math.max(1, Math.ceil((await limits.mailRequest.retryAfter(key)) / 60)) }));
	try {
		await send(parsed.data.email);
	} catch (e) {
		// better-auth refuses some addresses (unknown, already proven): the answer stays the same.
		if (!(e instanceof APIError)) throw e;
	}
	return { sent: true as const, values: { email: parsed.data.email } };
}
