// What the padding and live-count attack tests share: an owner who makes firms and rounds over HTTP as the pages let anyone, and
// respondents who answer a link on the one-page form, as a phone without JavaScript does.
import { loadInstrument } from '../../src/lib/domain/instrument';
import { HttpSession } from '../e2e/support/http-client';
import { ReportSession } from '../e2e/support/report-seed';

export { uniqueEmail } from '../e2e/support/http-client';

const instrument = loadInstrument('v1');

/** Answers to every statement, from a seed, so that two seeds give two different people. */
export function statementAnswers(seed: number): Record<string, string> {
	return Object.fromEntries(instrument.items.map((item, i) => [item.id, String(1 + ((seed * 7 + i * 3) % 5))]));
}

export const page = async (res: Response) => (await res.text()).replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export class OwnerSession extends ReportSession {
	/** A round collected by Leerkompas through one open link; returns its id and the link's token. */
	async startLinkRound(slug: string, name: string, invited = 20, teams = ''): Promise<{ id: string; token: string }> {
		const res = await this.post(`/firms/${slug}/rounds/new`, { name, invited: String(invited), inviteMode: 'link', teams, cards: '' });
		const id = res.headers.get('location')?.match(/\/rounds\/([0-9a-f-]{36})$/)?.[1];
		if (res.status !== 303 || !id) throw new Error(`starting a round failed: ${res.status} ${await res.text()}`);
		const round = await page(await this.get(`/firms/${slug}/rounds/${id}`));
		const token = round.match(/data-testid="survey-link"[^>]*>[^<]*\/s\/([A-Za-z0-9_-]+)</)?.[1] ?? round.match(/href="[^"]*\/s\/([A-Za-z0-9_-]+)" data-testid="survey-link"/)?.[1];
		if (!token) throw new Error('the round page shows no survey link');
		return { id, token };
	}
}

/** Opens the one-page form (for its submission key) and sends it; the response of the send. */
export async function answerLink(session: HttpSession, token: string, answers: Record<string, string>): Promise<Response> {
	const form = await page(await session.get(`/s/${token}/all`));
	const key = form.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];
	if (!key) throw new Error(`the one-page form has no submission key: ${form.slice(0, 300)}`);
	return session.post(`/s/${token}/all`, { ...answers, submissionKey: key });
}
