import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { reportForRequest } from '$lib/web/report-request';
import { servedReport } from '$lib/server/report/publish/round-report';

// The body is exactly the report of docs/report-schema.json (recommendations included); which version it is travels in headers.
export const GET: RequestHandler = async (event) => {
	const { view } = await reportForRequest(event);
	const headers: Record<string, string> = { 'cache-control': 'private, no-store' };
	if (view.version) headers['x-leerkompas-report-version'] = String(view.version.number);
	return json(servedReport(view), { headers });
};
