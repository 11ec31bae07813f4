// Attack: the next person at a shared computer (a canteen PC, a library) presses Back or opens the browser
// cache and reads the figures or answers the previous person saw. Every page with figures or answers says
// Cache-Control: no-store.
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, createFirmOver, uniqueEmail } from '../e2e/support/http-client';

let owner: HttpSession;
let firm: string;
let round: string;
let surveyPath: string;

beforeAll(async () => {
	owner = await HttpSession.signUp('Nina Nostore', uniqueEmail('nostore'));
	firm = await createFirmOver(owner, 'Drukkerij Nostore');
	const res = await owner.post(`/firms/${firm}/rounds/new`, { name: 'Najaar', opensOn: '', closesOn: '', invited: '', teams: '', inviteMode: 'link', cards: '' });
	round = (res.headers.get('location') ?? '').match(/\/rounds\/([0-9a-f-]{36})$/)![1]!;
	const page = await (await owner.get(`/firms/${firm}/rounds/${round}`)).text();
	surveyPath = page.match(/\/s\/[A-Za-z0-9_-]{10,}/)![0];
});

describe('pages with figures or answers', () => {
	it('are never kept in a browser cache', async () => {
		const paths = [
			`/firms/${firm}`,
			`/firms/${firm}/rounds/${round}`,
			`/firms/${firm}/rounds/${round}/report`,
			`/firms/${firm}/rounds/${round}/export`,
			`/firms/${firm}/rounds/${round}/owner-scan`,
			`/firms/${firm}/data`,
			`/api/firms/${firm}`
		];
		for (const path of paths) {
			const res = await owner.get(path);
			await res.arrayBuffer();
			expect(res.headers.get('cache-control') ?? '', `${path} (${res.status})`).toContain('no-store');
		}
		const respondent = new HttpSession();
		for (const path of [surveyPath, `${surveyPath}/all`, `${surveyPath}/q/werk`, `${surveyPath}/summary`]) {
			const res = await respondent.get(path);
			await res.arrayBuffer();
			expect(res.headers.get('cache-control') ?? '', `${path} (${res.status})`).toContain('no-store');
		}
	});
});
