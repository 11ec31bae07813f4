import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { reportForRequest } from '$lib/web/report-request';

// The body is exactly the report of docs/report-schema.json; which version it is travels in headers.
export const GET: RequestHandler = async (event) => {
	const { view } = await reportForRequest(event);
	const headers: Record<string, string> = { 'cache-control': 'private, no-store' };
	if (view.version) headers['x-leerkompas-report-version'] = String(view.version.number);
	return json(view.report, { headers });
};
