import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { slimFileName, slimForRequest } from '$lib/web/slim-request';
import { slimMarkdown } from '$lib/server/slim/slim-document';
import * as m from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	const slim = await slimForRequest(event);
	if (!slim.document) error(404, m.menukaart_slim_page_no_report());
	return new Response(slimMarkdown(slim.document), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="${slimFileName(slim, 'md')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
