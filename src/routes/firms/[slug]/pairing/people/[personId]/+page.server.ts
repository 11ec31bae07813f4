import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { readPerson } from '$lib/web/pairing';
import { labelSuggestions, peopleOfFirm, updatePerson } from '$lib/server/pairing/people';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const people = await peopleOfFirm(app().database.db, firm.id);
	const person = people.find((p) => p.id === event.params.personId) ?? error(404, m.common_error_not_found());
	return {
		person: {
			name: person.name,
			email: person.email,
			capacity: String(person.capacity),
			teaches: person.teaches.join(', '),
			learns: person.wishes.map((w) => w.label).join(', ')
		},
		suggestions: labelSuggestions(people)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const person = readPerson(form);
		if (!person.ok) return person.failure;
		if (!(await updatePerson(app().database.db, firm.id, event.params.personId ?? '', person.data, dayOf()))) error(404, m.common_error_not_found());
		redirect(303, `/firms/${firm.slug}/pairing?saved`);
	}
};
