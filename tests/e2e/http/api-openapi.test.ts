// The OpenAPI document at /api/v1/openapi.json: it validates as OpenAPI 3.1, and every operation in it,
// called against the built server, answers with a documented status and a body that matches the documented
// schema (checked with ajv against the served document, not against the code's own zod schemas). Every status
// the calls below get (success, no token, read-only token, unknown firm or round, bad body, a second close, the
// rate limit) must be documented for its operation; the write flag is what a read-only token meets; the
// knowledge search is called through the parameters the document lists. The readable page is checked in both
// of the app's languages.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { KnowledgeSearch } from '../../../src/lib/web/api/schemas';
import { useSeededServer } from '../support/seeded-server';
import { api, seedApi } from './api-seed';

const LIMIT = 80;
const server = useSeededServer(seedApi, { LEERKOMPAS_API_REQUESTS_PER_MINUTE: String(LIMIT) });
const s = server.seeded;
let doc: Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };
let ajv: Ajv2020;

interface Parameter {
	name: string;
	in: 'path' | 'query';
	description: string;
	schema: { enum?: string[] };
}
interface Operation {
	summary: string;
	description: string;
	'x-leerkompas-write'?: boolean;
	parameters?: Parameter[];
	requestBody?: unknown;
	responses: Record<string, { description: string; content?: { 'application/json'?: { schema: { $ref: string } } } }>;
}
type Answer = Awaited<ReturnType<typeof api>>;

beforeAll(async () => {
	const res = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
	expect(res.status).toBe(200);
	doc = (await res.json()) as typeof doc;
	ajv = new Ajv2020({ strict: false, allErrors: true });
	addFormats.default(ajv);
	ajv.addSchema(doc, 'openapi.json');
});

const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

/** The answer's status is documented for the operation, and its body matches the schema documented for that status. */
function expectDocumented(op: Operation, label: string, res: Answer) {
	const documented = op.responses[String(res.status)];
	expect(documented, `${label}: ${res.status} is not in the document (${JSON.stringify(res.json).slice(0, 200)})`).toBeDefined();
	const ref = documented!.content?.['application/json']?.schema.$ref;
	if (!ref) return;
	const validate = ajv.getSchema(`openapi.json${ref}`) ?? ajv.compile({ $ref: `openapi.json${ref}` });
	expect(validate(res.json), `${label} ${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

describe('the OpenAPI document', () => {
	it('is valid OpenAPI 3.1', async () => {
		expect(doc.openapi).toBe('3.1.0');
		const result = await new Validator().validate(doc as never);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('every operation answers as documented, and the write flag is what a read-only token meets', async () => {
		const params: Record<string, string> = { slug: s.firm.slug, roundId: s.round.id };
		// Reads first, then the round a post makes, then closing it: each operation once, in an order that works.
		const order = operations().sort((a, b) => rank(a) - rank(b));
		const seen: string[] = [];
		const refusedReadOnly: string[] = [];
		for (const { path, method, op } of order) {
			const label = `${method} ${path}`;
			const call = (target: string, options: Parameters<typeof api>[2] = {}) => api(server.baseUrl, target, { method: method.toUpperCase(), ...options });
			const [status] = Object.keys(op.responses).filter((code) => code.startsWith('2'));
			const filled = path.startsWith('/knowledge/') ? path.replace('{slug}', params.entry ?? '') : path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? name));
			const target = path === '/knowledge' ? '/knowledge?q=leren' : filled;
			const body = op.requestBody ? { name: 'Via de API', invited: 10, teams: ['Bakkerij', 'Winkel'] } : undefined;

			// A read-only token first: a write is refused before it does anything, a read answers as for anyone.
			const readOnly = await call(target, { token: s.tokens.ownerRead, body });
			expectDocumented(op, `${label} (read-only token)`, readOnly);
			if (readOnly.status === 403) refusedReadOnly.push(label);
			// No token, and a firm, round or entry that is not there.
			expectDocumented(op, `${label} (no token)`, await call(target, { body }));
			if (/\{\w+\}/.test(path)) {
				const missing = await call(path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'roundId' && path.startsWith('/firms/{slug}') ? '00000000-0000-0000-0000-000000000000' : 'bestaat-niet')), { token: s.tokens.owner, body });
				expect(missing.status, label).toBe(404);
				expectDocumented(op, `${label} (not there)`, missing);
			}
			if (op.requestBody) {
				expectDocumented(op, `${label} (not JSON)`, await call(target, { token: s.tokens.owner, raw: '{name:' }));
				expectDocumented(op, `${label} (breaks a rule)`, await call(target, { token: s.tokens.owner, body: { name: 5 } }));
			}

			const res = await call(target, { token: s.tokens.owner, body });
			expect(res.status, `${label}: ${JSON.stringify(res.json).slice(0, 300)}`).toBe(Number(status));
			expectDocumented(op, label, res);
			// What the reads found feeds the next calls: a knowledge entry, the round the post made.
			if (path === '/knowledge') params.entry = (res.json.hits as { slug: string }[])[0]!.slug;
			if (path === '/firms/{slug}/rounds' && method === 'post') params.roundId = res.json.id as string;
			if (path.endsWith('/close')) expectDocumented(op, `${label} (again)`, await call(target, { token: s.tokens.owner }));
			seen.push(label);
		}
		expect(seen).toHaveLength(10);
		const flagged = operations()
			.filter(({ op }) => op['x-leerkompas-write'] === true)
			.map(({ path, method }) => `${method} ${path}`);
		expect(refusedReadOnly.sort()).toEqual(flagged.sort());
		expect(flagged.length).toBeGreaterThan(0);
	});

	it('searches the knowledge base through every query parameter the document lists', async () => {
		const op = doc.paths['/knowledge']!.get!;
		const search = async (query: Record<string, string>) => {
			const res = await api(server.baseUrl, `/knowledge?${new URLSearchParams(query).toString()}`, { token: s.tokens.owner });
			expectDocumented(op, `get /knowledge?${new URLSearchParams(query).toString()}`, res);
			return res.json as KnowledgeSearch;
		};
		const all = await search({ q: '' });
		expect(all.hits.length).toBeGreaterThan(1);
		const filters = (op.parameters ?? []).filter((p) => p.in === 'query' && p.name !== 'q');
		expect(filters.length).toBeGreaterThan(0);
		for (const parameter of filters) {
			// A value that an entry has: the filtered search finds that entry and only entries that pass.
			const matches = MATCHES[parameter.name];
			expect(matches, `a documented parameter the test does not know: ${parameter.name}`).toBeDefined();
			const value = all.hits.flatMap((hit) => matches!.valuesOf(hit))[0]!;
			expect(parameter.schema.enum, parameter.name).toContain(value);
			const found = await search({ q: '', [parameter.name]: value });
			expect(found.total, `${parameter.name}=${value}`).toBeGreaterThan(0);
			for (const hit of found.hits) expect(matches!.passes(hit, value), `${hit.slug} for ${parameter.name}=${value}`).toBe(true);
			// A value not in the documented list is left out, as the document says, not refused.
			expect((await search({ q: '', [parameter.name]: 'niet-in-de-lijst' })).total).toBe(all.total);
		}
		const words = await search({ q: 'leren', [filters[0]!.name]: filters[0]!.schema.enum![0]! });
		expect(words.total).toBeLessThanOrEqual((await search({ q: 'leren' })).total);
	});

	it('answers the rate limit as documented', async () => {
		let last: Answer | null = null;
		for (let i = 0; i <= LIMIT && last?.status !== 429; i++) last = await api(server.baseUrl, '/firms', { token: s.tokens.ownerLimited });
		expect(last!.status).toBe(429);
		expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
		expectDocumented(doc.paths['/firms']!.get!, 'get /firms (limited)', last!);
	});
});

describe('the readable page /api/docs', () => {
	const messages = (locale: string) => JSON.parse(readFileSync(`messages/api/${locale}.json`, 'utf8')) as Record<string, string>;
	const page = async (language: string) => {
		const res = await fetch(`${server.baseUrl}/api/docs`, { headers: { accept: 'text/html', 'accept-language': language } });
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = html
			.replace(/<script[\s\S]*?<\/script>/g, '')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&#39;/g, "'")
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&')
			.replace(/\s+/g, ' ');
		return { html, text };
	};
	// What the English document says in words (not names or codes): on the Dutch page none of it may appear.
	const englishWords = () =>
		operations().flatMap(({ op }) => [op.summary, op.description, ...(op.parameters ?? []).map((p) => p.description), ...Object.values(op.responses).map((r) => r.description)]).filter((t) => /\s/.test(t));

	it('is rendered on the server from the document, without a script from elsewhere', async () => {
		const { html } = await page('nl');
		for (const path of Object.keys(doc.paths)) expect(html).toContain(`/api/v1${path}`);
		expect(html).not.toMatch(/<script[^>]+src="https?:/);
	});

	it('is in Dutch for a Dutch reader, with no English left', async () => {
		const { html, text } = await page('nl-NL,nl;q=0.9');
		const nl = messages('nl');
		expect(html).toMatch(/<html[^>]* lang="nl"/);
		for (const key of ['api_docs_operations', 'api_docs_parameters', 'api_docs_response', 'api_docs_write', 'api_docs_read', 'api_op_knowledge', 'api_param_kind', 'api_status_503']) expect(text).toContain(nl[key]);
		const english = englishWords();
		expect(english.length).toBeGreaterThan(20);
		for (const words of english) expect(text, words).not.toContain(words);
	});

	it('is in English for an English reader: the same words as the document', async () => {
		const { html, text } = await page('en-GB,en;q=0.9');
		expect(html).toMatch(/<html[^>]* lang="en"/);
		expect(text).toContain(messages('en').api_docs_operations);
		for (const words of englishWords()) expect(text, words).toContain(words);
		expect(text).not.toContain(messages('nl').api_docs_operations);
	});
});

type Hit = KnowledgeSearch['hits'][number];

const listed = (field: 'aspects' | 'worries' | 'sizes') => ({ valuesOf: (hit: Hit) => hit[field], passes: (hit: Hit, value: string) => hit[field].includes(value) });
const single = (field: 'kind' | 'cost' | 'evidence') => ({ valuesOf: (hit: Hit) => [hit[field]], passes: (hit: Hit, value: string) => hit[field] === value });
// What each filter means for a hit, as the knowledge page explains it (an entry without sectors suits every sector).
const MATCHES: Record<string, { valuesOf: (hit: Hit) => string[]; passes: (hit: Hit, value: string) => boolean }> = {
	aspect: listed('aspects'),
	worry: listed('worries'),
	kind: single('kind'),
	sector: { valuesOf: (hit) => hit.sectors, passes: (hit, value) => hit.sectors.length === 0 || hit.sectors.includes(value) },
	size: listed('sizes'),
	cost: single('cost'),
	evidence: single('evidence')
};

function rank({ path, method }: { path: string; method: string }): number {
	if (path.endsWith('/close')) return 4;
	if (method === 'post') return 3;
	if (path === '/knowledge/{slug}') return 2;
	return path === '/knowledge' ? 0 : 1;
}
