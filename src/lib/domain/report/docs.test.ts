import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from './schema';

describe('docs/report-schema.json', () => {
	it('is the JSON Schema generated from reportSchema', () => {
		const onDisk: unknown = JSON.parse(
			readFileSync(new URL('../../../../docs/report-schema.json', import.meta.url), 'utf8')
		);
		expect(onDisk).toEqual(reportJsonSchema());
	});
});
