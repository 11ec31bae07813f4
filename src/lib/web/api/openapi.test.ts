import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { API_OPERATIONS, openApiDocument } from './openapi';
import { describeOperations } from './docs';
import { searchParamsSchema } from '../../server/knowledge/search-entries.schema';
import { FILTER_NAMES, FILTER_VALUES } from '../../domain/knowledge/filters';

interface Parameter {
	name: string;
	in: string;
	required: boolean;
	description?: string;
	schema: { enum?: string[]; type?: string; maxLength?: number };
}
interface Operation {
	summary: string;
	operationId: string;
	'x-leerkompas-write': boolean;
	parameters: Parameter[];
	responses: Record<string, { headers?: Record<string, unknown>; content?: { 'application/json': { schema: { $ref: string } } } }>;
}
type Paths = Record<string, Record<string, Operation>>;

const operations = (doc: Record<string, unknown>) => Object.entries(doc.paths as Paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document of /api/v1', () => {
	const doc = openApiDocument('https://leerkompas.example');

	it('validates as OpenAPI 3.1, in English and in Dutch', async () => {
		for (const locale of ['en', 'nl'] as const) {
			const result = await new Validator().validate(openApiDocument('https://leerkompas.example', locale) as never);
			expect(result.errors ?? []).toEqual([]);
			expect(result.valid).toBe(true);
		}
	});

	it('refers only to schemas it holds, and names every operation once', () => {
		const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
		for (const ref of refs) expect(Object.keys(schemas)).toContain(ref);
		const ids = operations(doc).map(({ op }) => op.operationId);
		expect(ids).toHaveLength(API_OPERATIONS.length);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('describes every query parameter the knowledge search reads, with the schema it is read with', () => {
		const search = (doc.paths as Paths)['/knowledge']!.get!;
		const query = search.parameters.filter((p) => p.in === 'query');
		expect(query.map((p) => p.name).sort()).toEqual(Object.keys(searchParamsSchema.shape).sort());
		for (const name of FILTER_NAMES) {
			const parameter = query.find((p) => p.name === name)!;
			expect(parameter.schema.enum).toEqual([...FILTER_VALUES[name]]);
			expect(parameter.required).toBe(false);
			expect(parameter.description).toBeTruthy();
		}
		expect(query.find((p) => p.name === 'q')!.schema).toMatchObject({ type: 'string', maxLength: 200 });
	});

	it('gives every operation 401, 429 and 503 with the error body, and 403 exactly on the writes', () => {
		for (const { path, method, op } of operations(doc)) {
			const declared = API_OPERATIONS.find((o) => o.path === path && o.method === method)!;
			expect(op['x-leerkompas-write'], `${method} ${path}`).toBe(declared.write);
			for (const status of ['401', '429', '503']) expect(op.responses[status]?.content?.['application/json'].schema.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Error');
			expect(Object.keys(op.responses).includes('403'), `${method} ${path}`).toBe(declared.write);
			expect(Object.keys(op.responses['429']!.headers ?? {})).toContain('Retry-After');
			expect(Object.keys(op.responses['503']!.headers ?? {})).toContain('Retry-After');
		}
	});

	it('is the same document in Dutch, only in other words', () => {
		const nl = openApiDocument('https://leerkompas.example', 'nl');
		const shape = (d: unknown) => JSON.stringify(d, (key, value: unknown) => (key === 'summary' || key === 'description' ? '' : value));
		expect(shape(nl)).toEqual(shape(doc));
		const en = operations(doc);
		for (const [i, { op }] of operations(nl).entries()) expect(op.summary).not.toBe(en[i]!.op.summary);
	});

	it('the readable page takes the write flag from the document', () => {
		const described = describeOperations(openApiDocument('https://leerkompas.example', 'nl'));
		expect(described.filter((d) => d.write).map((d) => `${d.method} ${d.path}`)).toEqual(API_OPERATIONS.filter((o) => o.write).map((o) => `${o.method.toUpperCase()} ${o.path}`));
		const search = described.find((d) => d.path === '/knowledge')!;
		expect(search.parameters.find((p) => p.name === 'kind')!.values).toEqual([...FILTER_VALUES.kind]);
	});
});
