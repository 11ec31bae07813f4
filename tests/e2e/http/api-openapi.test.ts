// The OpenAPI document at /api/v1/openapi.json: it validates as OpenAPI 3.1, and every operation in it,
// called against the built server, answers with the documented status and a body that matches the documented
// schema (checked with ajv against the served document, not against the code's own zod schemas).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startSeededServer, type SeededServer } from '../support/seeded-server';
import { api, seedApi, type ApiSeed } from './api-seed';

let server: SeededServer<ApiSeed>;
let s: ApiSeed;
let doc: Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };

interface Operation {
	requestBody?: unknown;
	responses: Record<string, { content?: { 'application/json'?: { schema: unknown } } }>;
}

beforeAll(async () => {
	server = await startSeededServer(seedApi);
	s = server.seeded;
	const res = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
	expect(res.status).toBe(200);
	doc = (await res.json()) as typeof doc;
});
afterAll(async () => {
	await server?.close();
});

describe('the OpenAPI document', () => {
	it('is valid OpenAPI 3.1', async () => {
		expect(doc.openapi).toBe('3.1.0');
		const result = await new Validator().validate(doc as never);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('has a readable page rendered on the server, without a script from elsewhere', async () => {
		const res = await fetch(`${server.baseUrl}/api/docs`, { headers: { accept: 'text/html' } });
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const path of Object.keys(doc.paths)) expect(html).toContain(`/api/v1${path}`);
		expect(html).not.toMatch(/<script[^>]+src="https?:/);
	});

	it('every operation answers as documented', async () => {
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats.default(ajv);
		ajv.addSchema(doc, 'openapi.json');
		const params: Record<string, string> = { slug: s.firm.slug, roundId: s.round.id };
		// Reads first, then the round a post makes, then closing it: each operation once, in an order that works.
		const order = Object.entries(doc.paths)
			.flatMap(([path, item]) => Object.keys(item).map((method) => ({ path, method })))
			.sort((a, b) => rank(a) - rank(b));
		const seen: string[] = [];
		for (const { path, method } of order) {
			const op = doc.paths[path]![method]!;
			const [status, response] = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
			const filled = path.startsWith('/knowledge/') ? path.replace('{slug}', params.entry ?? '') : path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? name));
			const target = path === '/knowledge' ? '/knowledge?q=leren' : filled;
			const body = op.requestBody ? { name: 'Via de API', invited: 10, teams: ['Bakkerij', 'Winkel'] } : undefined;
			const res = await api(server.baseUrl, target, { token: s.tokens.owner, method: method.toUpperCase(), body });
			expect(res.status, `${method} ${target}: ${JSON.stringify(res.json).slice(0, 300)}`).toBe(Number(status));
			const ref = (response.content?.['application/json']?.schema as { $ref: string }).$ref;
			const validate = ajv.getSchema(`openapi.json${ref}`) ?? ajv.compile({ $ref: `openapi.json${ref}` });
			expect(validate(res.json), `${method} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
			// An error answer also has its documented shape.
			const denied = await api(server.baseUrl, target, { method: method.toUpperCase(), body });
			expect(denied.status).toBe(401);
			const error = ajv.compile({ $ref: 'openapi.json#/components/schemas/Error' });
			expect(error(denied.json)).toBe(true);
			// What the reads found feeds the next calls: a knowledge entry, the round the post made.
			if (path === '/knowledge') params.entry = (res.json.hits as { slug: string }[])[0]!.slug;
			if (path === '/firms/{slug}/rounds' && method === 'post') params.roundId = res.json.id as string;
			seen.push(`${method} ${path}`);
		}
		expect(seen).toHaveLength(10);
	});
});

function rank({ path, method }: { path: string; method: string }): number {
	if (path.endsWith('/close')) return 4;
	if (method === 'post') return 3;
	if (path === '/knowledge/{slug}') return 2;
	return path === '/knowledge' ? 0 : 1;
}
