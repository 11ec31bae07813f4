import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../tests/helpers/database';
import { makeFirm } from '../../../tests/helpers/factories';
import type { DatabaseHandle } from '../server/db/client';
import { scanRound } from '../server/db/schema';
import { MAX_IMPORT_BYTES } from '../server/scan/import/import-responses.schema';
import { MAX_PROBLEMS_SHOWN, readUploadForm, uploadResponses } from './upload-responses';

function form(round: string, file?: { content: string | Uint8Array<ArrayBuffer>; name?: string }): FormData {
	const data = new FormData();
	data.set('round', round);
	if (file) data.set('file', new File([file.content], file.name ?? 'scan.csv', { type: 'text/csv' }));
	return data;
}

type Failure = { status: number; data: { message: string; errors: Record<string, string>; problems: { where: string; text: string }[]; more: number } };

function failure(result: unknown): Failure {
	if (!result || typeof result !== 'object' || !('status' in result)) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
	return result as Failure;
}

describe(`uploadResponses (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeAll(async () => {
		h = await openTestDatabase();
	});
	afterAll(async () => {
		await h.close();
	});

	const upload = async (firm: { id: string; slug: string; employees: number }, data: FormData | null, locale: 'nl' | 'en' = 'nl', contentLength: number | null = null) =>
		uploadResponses(h.db, { firm, form: data, contentLength, threshold: 5, today: '2025-05-06', locale });

	it('reads a good file and links to the round', async () => {
		const firm = await makeFirm(h.db);
		const result = await upload(firm, form('Papier', { content: 'perspective,werk_1\nemployee,4\nowner,5\n' }));
		expect(result).toMatchObject({ done: '2 antwoorden ingelezen in de ronde Papier.' });
		const [round] = await h.db.select().from(scanRound).where(eq(scanRound.firmId, firm.id));
		expect(result).toMatchObject({ roundUrl: `/firms/${firm.slug}/rounds/${round!.id}` });
	});

	it('refuses a file over 2 MB with a message that says what to do, before reading it', async () => {
		const firm = await makeFirm(h.db);
		const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
		const result = failure(await upload(firm, form('Groot', { content: big })));
		expect(result.status).toBe(413);
		expect(result.data.message).toBe('Het bestand is groter dan 2 MB. Verdeel de antwoorden over kleinere bestanden en lees ze een voor een in.');
		expect(await h.db.select().from(scanRound).where(eq(scanRound.firmId, firm.id))).toEqual([]);
		// a request that says it is too big is not read at all
		const request = new Request('http://localhost/upload', { method: 'POST', headers: { 'content-length': String(3 * MAX_IMPORT_BYTES) }, body: 'x' });
		expect(await readUploadForm(request)).toBeNull();
		expect(failure(await upload(firm, null, 'nl', 3 * MAX_IMPORT_BYTES))).toMatchObject({ status: 413, data: { errors: { file: result.data.message } } });
		// a body that could not be read, of unknown size, gets a message that covers both causes
		expect(failure(await upload(firm, null, 'nl', null)).data.message).toContain('Probeer het nog eens. Is het bestand groter dan 2 MB?');
	});

	it('asks for a file, and for text', async () => {
		const firm = await makeFirm(h.db);
		expect(failure(await upload(firm, form('Geen'))).data.errors).toEqual({ file: 'Kies een CSV-bestand.' });
		expect(failure(await upload(firm, form('Leeg', { content: '' }))).data.errors).toEqual({ file: 'Kies een CSV-bestand.' });
		expect(failure(await upload(firm, form('Excel', { content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff]) }))).data.errors.file).toContain('Sla het op als CSV (UTF-8)');
		expect(failure(await upload(firm, form(' ', { content: 'perspective\nemployee\n' }))).data.errors).toEqual({ round: 'Vul een naam in van hoogstens 100 tekens.' });
	});

	it('lists the problems in the owner’s language, the first hundred of them', async () => {
		const firm = await makeFirm(h.db);
		const rows = Array.from({ length: 150 }, () => 'employee,8').join('\n');
		const result = failure(await upload(firm, form('Fout', { content: `perspective,werk_1\n${rows}` }), 'en'));
		expect(result.status).toBe(400);
		expect(result.data.message).toBe('Nothing was read in. Correct these points in the file and try again:');
		expect(result.data.problems).toHaveLength(MAX_PROBLEMS_SHOWN);
		expect(result.data.problems[0]).toEqual({ where: 'Row 2, column werk_1', text: "Use a number from 1 to 5, or 9 for don't know." });
		expect(result.data.more).toBe(50);
	});
});
