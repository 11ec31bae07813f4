import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../domain/instrument';
import { ASPECT_IDS } from '../../domain/knowledge/entry';
import { formatEntryFile, parseEntryFile, readEntryFolder } from './entry-file';

describe('knowledge-base entry files', () => {
	it('uses the aspect ids of the instrument', () => {
		expect([...ASPECT_IDS]).toEqual(loadInstrument('v1').aspects.map((a) => a.id));
	});

	it('reads every starter entry in content/kennisbank without a problem', () => {
		const folder = readEntryFolder('content/kennisbank');
		expect(folder.invalid).toEqual([]);
		expect(folder.entries.length).toBeGreaterThan(0);
	});

	it('gives the same entry back after writing it as a file', () => {
		const [entry] = readEntryFolder('content/kennisbank').entries;
		const again = parseEntryFile(formatEntryFile(entry!));
		expect(again).toEqual({ ok: true, entry });
	});

	it('names each field that is wrong, and a file without front matter', () => {
		expect(parseEntryFile('# Only a title')).toEqual({ ok: false, problems: [expect.stringContaining('front matter')] });
		const [entry] = readEntryFolder('content/kennisbank').entries;
		const broken = formatEntryFile(entry!).replace(/^kind: .*$/m, 'kind: workshop').replace(/^cost: .*$/m, 'cost: gratis');
		const result = parseEntryFile(broken);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.split(':')[0])).toEqual(['kind', 'cost']);
	});
});
