import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { isCoordinator } from '$lib/web/guards';

export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user, coordinator: isCoordinator(locals.user), locale: getLocale() });
