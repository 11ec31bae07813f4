import type { PageServerLoad } from './$types';
import { slimForRequest } from '$lib/web/slim-request';
import { SLIM_APPLY_URL } from '$lib/server/slim/slim-document';

export const load: PageServerLoad = async (event) => {
	const slim = await slimForRequest(event);
	const base = `/firms/${slim.firm.slug}/rounds/${slim.roundId}`;
	return { document: slim.document, roundUrl: base, reportUrl: `${base}/report`, pdfUrl: `${base}/slim/slim.pdf`, textUrl: `${base}/slim/slim.md`, applyUrl: SLIM_APPLY_URL };
};
