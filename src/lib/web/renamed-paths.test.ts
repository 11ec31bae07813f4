import { describe, expect, it } from 'vitest';
import { renamedPath } from './renamed-paths';

describe('renamed paths', () => {
	it.each([
		['/methode', '/method'],
		['/methode/privacy', '/method/privacy'],
		['/firms/bakkerij-jansen/gegevens', '/firms/bakkerij-jansen/data'],
		['/firms/bakkerij-jansen/gegevens/archive', '/firms/bakkerij-jansen/data/archive']
	])('sends %s to %s', (from, to) => {
		expect(renamedPath(from)).toBe(to);
	});

	it.each(['/method', '/methodes', '/firms/gegevens', '/firms/a/gegevensx', '/s/abc', '/r/ABC', '/k', '/'])('leaves %s alone', (path) => {
		expect(renamedPath(path)).toBeNull();
	});
});
