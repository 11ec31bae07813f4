import type { LayoutServerLoad } from './$types';
import { surveyLocale } from '$lib/locale';
import { isCoordinator } from '$lib/web/guards';

export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user, coordinator: isCoordinator(locals.user), locale: surveyLocale() });
