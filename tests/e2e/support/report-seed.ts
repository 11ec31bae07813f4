// Seeding a round with answers for report tests, the way an owner can: through the CSV import upload on
// the rounds page (the server holds the embedded database, so tests cannot write to it directly).
import { HttpSession } from './http-client';
import { loadInstrument } from '../../../src/lib/domain/instrument';
import { sampleResponses } from '../../../src/lib/server/report/sample-responses';

/** A session that also makes firms and imports answers. */
export class ReportSession extends HttpSession {
	async createFirm(name: string, employees = 20): Promise<string> {
		const res = await this.post('/firms/new', { name, sector: 'overig', province: 'utrecht', employees: String(employees) });
		const location = res.headers.get('location') ?? '';
		if (res.status !== 303) throw new Error(`creating firm failed: ${res.status}`);
		return location.replace('/firms/', '');
	}

	/** Imports made-up answers into the named round (created by the first import); returns the round's id. */
	async importAnswers(slug: string, round: string, employees: number, options: { owners?: number; seed?: number } = {}): Promise<string> {
		const form = new FormData();
		form.set('round', round);
		form.set('file', new Blob([answersCsv(employees, options.owners ?? 0, options.seed ?? 1)], { type: 'text/csv' }), 'antwoorden.csv');
		const res = await this.send(`/firms/${slug}/rounds/import`, { method: 'POST', body: form });
		const html = await res.text();
		const id = html.match(/href="\/firms\/[^"/]+\/rounds\/([0-9a-f-]{36})"/)?.[1];
		if (res.status !== 200 || !id) throw new Error(`import failed: ${res.status} ${html.slice(0, 500)}`);
		return id;
	}
}

const instrument = loadInstrument('v1');
const teams = ['Werkplaats', 'Winkel'];

/** A CSV in codebook variables, as the import page reads it. */
export function answersCsv(employees: number, owners: number, seed: number): string {
	const columns = ['perspective', ...instrument.items.map((i) => i.id), 'age', 'work_type', 'tenure', 'team', 'learn_need', 'learn_intention'];
	const rows = [columns.join(',')];
	const responses = [
		...sampleResponses(instrument, employees, 'employee', { seed, teams }),
		...sampleResponses(instrument, owners, 'owner', { seed: seed + 1000 })
	];
	for (const r of responses) {
		const employee = r.perspective === 'employee';
		rows.push(
			[
				r.perspective,
				...instrument.items.map((i) => r.answers[i.id] ?? ''),
				...(employee ? ['age', 'work_type', 'tenure', 'team'].map((q) => r.background[q] ?? '') : ['', '', '', '']),
				employee ? (r.learning.need ?? '') : '',
				employee ? (r.learning.intention ?? '') : ''
			].join(',')
		);
	}
	return `${rows.join('\n')}\n`;
}
