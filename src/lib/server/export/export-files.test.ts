import { describe, expect, it } from 'vitest';
import { allowedFiles, downloadName, findExportFile, mayExport, type ExportPrincipal } from './export-files';

const files = (p: ExportPrincipal) => allowedFiles(p).map((f) => f.file);

describe('who may export what', () => {
	it('owner and co-manager: report figures only, no answers per person', () => {
		for (const firmRole of ['owner', 'manager'] as const) {
			expect(files({ firmRole, agreement: false })).toEqual(['report.csv', 'report-nl.csv', 'report.json']);
		}
	});

	it('adviser with the firm’s consent: report figures only', () => {
		expect(files({ firmRole: 'adviser', agreement: false })).toEqual(['report.csv', 'report-nl.csv', 'report.json']);
	});

	it('researcher with a data agreement: report figures and research data (CSV and .sav)', () => {
		expect(files({ firmRole: null, agreement: true })).toEqual(['report.csv', 'report-nl.csv', 'report.json', 'research.csv', 'research-nl.csv', 'research.sav']);
	});

	it('anyone else: nothing', () => {
		expect(files({ firmRole: null, agreement: false })).toEqual([]);
		expect(mayExport({ firmRole: 'adviser', agreement: false }, 'research')).toBe(false);
		expect(mayExport({ firmRole: 'owner', agreement: false }, 'research')).toBe(false);
	});

	it('an owner who also holds an agreement gets the research data under that agreement', () => {
		expect(files({ firmRole: 'owner', agreement: true })).toEqual(['report.csv', 'report-nl.csv', 'report.json', 'research.csv', 'research-nl.csv', 'research.sav']);
	});
});

describe('file names', () => {
	it('knows only its own files', () => {
		expect(findExportFile('research.sav')).toMatchObject({ kind: 'research', format: 'sav' });
		expect(findExportFile('../../etc/passwd')).toBeNull();
	});

	it('makes a safe download name from the round name', () => {
		expect(downloadName('bakkerij-korenaar', 'Voorjaar 2026: één "test"', findExportFile('research-nl.csv')!)).toBe(
			'leerkompas-bakkerij-korenaar-voorjaar-2026-een-test-research-nl.csv'
		);
		expect(downloadName('x', '!!!', findExportFile('research.sav')!)).toBe('leerkompas-x-ronde-research.sav');
	});
});
