import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { API_OPERATIONS, openApiDocument } from './openapi';

describe('the OpenAPI document of /api/v1', () => {
	const doc = openApiDocument('https://leerkompas.example');

	it('validates as OpenAPI 3.1', async () => {
		const result = await new Validator().validate(doc as never);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('refers only to schemas it holds, and names every operation once', () => {
		const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
		for (const ref of refs) expect(Object.keys(schemas)).toContain(ref);
		const paths = doc.paths as Record<string, Record<string, { operationId: string }>>;
		const ids = Object.values(paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
		expect(ids).toHaveLength(API_OPERATIONS.length);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
