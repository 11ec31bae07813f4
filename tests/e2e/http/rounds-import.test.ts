// The web upload of a CSV with answers: all or nothing, with every problem named by row and column.
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, uniqueEmail } from '../support/http-client';

/** Posts the upload form, as the rounds page does. */
class UploadSession extends HttpSession {
	upload(path: string, round: string, file: { name: string; content: string | Uint8Array<ArrayBuffer> } | null) {
		const form = new FormData();
		form.set('round', round);
		if (file) form.set('file', new Blob([file.content], { type: 'text/csv' }), file.name);
		return this.send(path, { method: 'POST', body: form });
	}

	/** fetch streams a FormData without a length; a browser sends the whole body with its length. */
	uploadWithLength(path: string, round: string, file: { name: string; content: string }) {
		const boundary = `----leerkompas${Date.now()}`;
		const body = [
			`--${boundary}\r\nContent-Disposition: form-data; name="round"\r\n\r\n${round}\r\n`,
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
			`--${boundary}--\r\n`
		].join('');
		const bytes = new TextEncoder().encode(body);
		return this.send(path, {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(bytes.byteLength) },
			body: bytes
		});
	}
}

let owner: UploadSession, stranger: UploadSession;
let firm: string;
const page = async (res: Response) => (await res.text()).replace(/\s+/g, ' ');

beforeAll(async () => {
	owner = await UploadSession.signUp('Uma Uploader', uniqueEmail('uploader'));
	stranger = await UploadSession.signUp('Vreemde', uniqueEmail('vreemd'));
	const created = await owner.post('/firms/new', { name: 'Drukkerij Uma', sector: 'overig', province: 'utrecht', employees: '10' });
	firm = (created.headers.get('location') ?? '').replace('/firms/', '');
	expect(created.status).toBe(303);
});

describe('importing answers through the web page', () => {
	it('creates the round and stores every row, ; separated with a byte order mark', async () => {
		const csv = '\uFEFFperspective;werk_1;werk_2;team\r\nemployee;4;5;Drukwerk\r\nemployee;3;9;Kantoor\r\nowner;5;;\r\n';
		const res = await owner.upload(`/firms/${firm}/rounds/import`, 'Papier 2024', { name: 'scan.csv', content: csv });
		expect(res.status).toBe(200);
		const html = await page(res);
		expect(html).toContain('3 antwoorden ingelezen in de ronde Papier 2024.');
		const roundPath = html.match(/href="(\/firms\/[^"]+\/rounds\/[0-9a-f-]{36})"/)?.[1];
		expect(roundPath).toBeDefined();
		const round = await page(await owner.get(roundPath!));
		// nobody was invited through Leerkompas: no rate, so no made-up percentage either
		expect(round).toContain('2 (ingelezen uit een bestand, dus zonder aantal uitgenodigd)');
		expect(round).toMatch(/data-testid="owner-count">1</);
		expect(round).toContain('Drukwerk, Kantoor');
	});

	it('stores nothing from a bad file and lists every problem by row and column, in plain Dutch', async () => {
		const csv = 'perspective,werk_1,leeftijd,age\nbaas,3,,\nemployee,6,,30\nowner,2,,25_34\n';
		const res = await owner.upload(`/firms/${firm}/rounds/import`, 'Foute scan', { name: 'fout.csv', content: csv });
		expect(res.status).toBe(400);
		const html = await page(res);
		expect(html).toContain('Er is niets ingelezen.');
		expect(html).toContain('Regel 1, kolom leeftijd:</strong> Deze kolom kennen we niet.');
		expect(html).toContain('Regel 2, kolom perspective:</strong> Vul employee (medewerker) of owner (eigenaar) in.');
		expect(html).toContain('Regel 3, kolom werk_1:</strong> Gebruik een getal van 1 tot en met 5, of 9 voor weet ik niet.');
		expect(html).toContain('Regel 3, kolom age:</strong> Dit antwoord staat niet in de lijst van het codeboek');
		expect(html).toContain('Regel 4, kolom age:</strong> Deze vraag stellen we de eigenaar niet.');
		expect(html).toContain('value="Foute scan"');
		expect(await page(await owner.get(`/firms/${firm}`))).not.toContain('Foute scan');
	});

	it('says what is wrong with a missing, empty, non-text or too big file', async () => {
		const none = await owner.upload(`/firms/${firm}/rounds/import`, 'Leeg', null);
		expect(none.status).toBe(400);
		expect(await page(none)).toContain('Kies een CSV-bestand.');

		const empty = await owner.upload(`/firms/${firm}/rounds/import`, 'Leeg', { name: 'leeg.csv', content: '\uFEFF\n' });
		expect(empty.status).toBe(400);
		expect(await page(empty)).toContain('Het bestand is leeg.');

		const latin1 = await owner.upload(`/firms/${firm}/rounds/import`, 'Leeg', { name: 'oud.csv', content: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) });
		expect(latin1.status).toBe(400);
		expect(await page(latin1)).toContain('Sla het op als CSV (UTF-8)');

		// Over 2 MB, with its length announced as a browser does: refused by the page (or, when the server's
		// body limit is lower, by the server itself); either way nothing is stored.
		const big = `perspective,werk_1\n${'employee,3\n'.repeat(200_000)}`;
		const tooBig = await owner.uploadWithLength(`/firms/${firm}/rounds/import`, 'Te groot', { name: 'groot.csv', content: big });
		expect(tooBig.status).toBe(413);
		expect(await page(await owner.get(`/firms/${firm}`))).not.toContain('Te groot');
	});

	it('answers 404 to someone from outside the firm', async () => {
		expect((await stranger.get(`/firms/${firm}/rounds/import`)).status).toBe(404);
		const res = await stranger.upload(`/firms/${firm}/rounds/import`, 'Inbraak', { name: 'scan.csv', content: 'perspective,werk_1\nemployee,3\n' });
		expect(res.status).toBe(404);
		expect(await page(await owner.get(`/firms/${firm}`))).not.toContain('Inbraak');
	});
});
