import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { pairLinkSecret } from '$lib/web/pairing';
import { askForConsent, currentProposals } from '$lib/server/pairing/pairs';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	return { proposals: await currentProposals(app().database.db, firm.id) };
};

const pairKey = z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/);

export const actions: Actions = {
	// One pair ("pair" = master:apprentice) or all of them; each is checked against the proposal as it is now.
	default: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const { database, mailer, origin } = app();
		const keys = form.getAll('pair').map(String).filter((k) => pairKey.safeParse(k).success);
		const chosen = keys.map((k) => {
			const [masterId, apprenticeId] = k.split(':') as [string, string];
			return { masterId, apprenticeId };
		});
		const asked = await askForConsent(database.db, mailer, { firmId: firm.id, secret: await pairLinkSecret(), origin, today: dayOf(), locale: uiLocale() }, chosen);
		if (asked === 0) return formError(409, form, m.pairing_ask_stale());
		return { done: m.pairing_asked() };
	}
};
