import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, runCliInProcess } from './helpers';

describe('leerkompas codebook', () => {
	// Through the real binary: the one command whose whole output is meant for a pipe.
	it('prints the instrument as JSON with scale, aspects, items and background codes', async () => {
		const result = await runCli(['codebook', '--json'], {});
		expect(result.code).toBe(0);
		const book = JSON.parse(result.stdout) as {
			version: string;
			scale: { min: number; max: number; dontKnow: number };
			aspects: { id: string }[];
			items: { id: string; aspect: string; reverse: boolean; text: Record<string, unknown> }[];
			background: { id: string; categories: { id: string }[] }[];
		};
		expect(book.version).toBe('v1');
		expect(book.scale).toMatchObject({ min: 1, max: 5, dontKnow: 9 });
		expect(book.aspects.map((a) => a.id)).toEqual(['werk', 'ruimte', 'samen', 'leiding', 'organisatie', 'buitenwereld']);
		for (const aspect of book.aspects) {
			const items = book.items.filter((i) => i.aspect === aspect.id);
			expect(items.length).toBeGreaterThanOrEqual(5);
			expect(items.filter((i) => i.reverse).length).toBeLessThanOrEqual(1);
		}
		expect(book.background.map((b) => b.id)).toEqual(expect.arrayContaining(['age', 'work_type', 'tenure', 'team']));
	});

	it('refuses an unknown version plainly', async () => {
		const result = await runCliInProcess(['codebook', '--version', 'v9'], {});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('v1');
		expect(hasStackTrace(result.stderr)).toBe(false);
	});
});
