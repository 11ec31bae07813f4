// No text may promise a feature that is not there: a newcomer who reads "do the appreciative self-scan"
// looks for it and finds nothing. Each phrase below named a feature Leerkompas does not have (yet); when
// one lands, its text comes back with a link, and its phrase leaves this list.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PROMISES = [
	/ziet straks|will see anonymous/i,
	/docs\/measures\.md/
];

function allMessages(): { key: string; text: string }[] {
	const root = join(process.cwd(), 'messages');
	return readdirSync(root).flatMap((area) =>
		readdirSync(join(root, area))
			.filter((file) => file.endsWith('.json'))
			.flatMap((file) => Object.entries(JSON.parse(readFileSync(join(root, area, file), 'utf8')) as Record<string, string>).map(([key, text]) => ({ key: `${area}/${file}:${key}`, text })))
	);
}

describe('user-facing text', () => {
	it('promises no feature that does not exist', () => {
		const found = allMessages().filter(({ text }) => typeof text === 'string' && PROMISES.some((p) => p.test(text)));
		expect(found.map((f) => f.key)).toEqual([]);
	});
});
