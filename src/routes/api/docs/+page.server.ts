import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { openApiDocument } from '$lib/web/api/openapi';
import { describeOperations } from '$lib/web/api/docs';
import { uiLocale } from '$lib/locale';

// Rendered on the server from the same OpenAPI document as /api/v1/openapi.json (its words in the page's language):
// no script, no CDN.
export const load: PageServerLoad = () => {
	const doc = openApiDocument(app().origin, uiLocale());
	return { base: `${app().origin}/api/v1`, operations: describeOperations(doc) };
};
