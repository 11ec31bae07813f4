import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isMethodPage, METHOD_DOCUMENTS, renderMethod } from '$lib/server/method/render-method';
import * as m from '$lib/paraglide/messages';
// Read into the build, so the server needs no docs/ folder beside it.
import measures from '../../../../docs/measures.md?raw';
import codebook from '../../../../docs/codebook.md?raw';
import privacy from '../../../../docs/privacy.md?raw';
import recommendations from '../../../../docs/recommendations.md?raw';

const sources: Record<(typeof METHOD_DOCUMENTS)[keyof typeof METHOD_DOCUMENTS], string> = { 'measures.md': measures, 'codebook.md': codebook, 'privacy.md': privacy, 'recommendations.md': recommendations };

export const load: PageServerLoad = async ({ params }) => {
	const page = params.doc ?? '';
	if (!isMethodPage(page)) error(404, m.common_error_not_found());
	return renderMethod(sources[METHOD_DOCUMENTS[page]]);
};
