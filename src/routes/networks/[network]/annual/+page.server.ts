import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireNetwork } from '$lib/web/guards';
import { currentYear } from '$lib/web/annual-request';
import { yearSchema } from '$lib/domain/annual/talk';

// The annual report lives per year; this address (and the year form on a report page) goes to the year asked, or this year.
export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const asked = yearSchema.safeParse(event.url.searchParams.get('year') ?? '');
	redirect(303, `/networks/${network.slug}/annual/${asked.success ? asked.data : currentYear()}`);
};
