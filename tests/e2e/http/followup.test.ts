// The question about a finished action over plain HTTP: the owner finishes an action, starts a round that asks
// the team about it, employees answer on the one-page questionnaire, and the report shows the figure only
// from k opinions. The action's title reaches every page escaped.
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, createFirmOver, uniqueEmail } from '../support/http-client';

let owner: HttpSession;
let firm: string;
const title = 'Meester-gezel <i>werkplaats</i>';
const other = 'Leerlunch op vrijdag';

/** Svelte escapes `&` and `<` in text; `>` stays as it is. */
const escapedAsSvelte = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = async (res: Response) => (await res.text()).replace(/\s+/g, ' ');
const keyOf = (page: string) => page.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];

async function finishedAction(name: string): Promise<void> {
	const res = await owner.post(`/firms/${firm}/actions/new`, { title: name, why: '', status: 'klaar' });
	expect(res.status).toBe(303);
}

/** Starts a round asking about the action with this title; returns the round's id and survey path. */
async function roundAbout(name: string, actionTitle: string): Promise<{ id: string; survey: string; variable: string }> {
	const form = await text(await owner.get(`/firms/${firm}/rounds/new`));
	const escaped = escapedAsSvelte(actionTitle);
	const actionId = form.match(new RegExp(`name="followups" value="([0-9a-f-]{36})"[^>]*> ${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))?.[1];
	expect(actionId).toBeDefined();
	const res = await owner.post(`/firms/${firm}/rounds/new`, { name, opensOn: '', closesOn: '', invited: '', teams: '', inviteMode: 'link', cards: '', followups: actionId! });
	expect(res.status).toBe(303);
	const id = (res.headers.get('location') ?? '').match(/\/rounds\/([0-9a-f-]{36})$/)![1]!;
	const page = await text(await owner.get(`/firms/${firm}/rounds/${id}`));
	const survey = page.match(/href="http:\/\/[^"]+(\/s\/[A-Za-z0-9_-]{43})"/)![1]!;
	return { id, survey, variable: `action_${actionId!.replaceAll('-', '_')}` };
}

async function answer(survey: string, fields: Record<string, string>): Promise<void> {
	const session = new HttpSession();
	const key = keyOf(await text(await session.get(`${survey}/all`)))!;
	const sent = await session.post(`${survey}/all`, { werk_1: '4', samen_1: '3', ...fields, submissionKey: key });
	expect(sent.status).toBe(303);
}

beforeAll(async () => {
	owner = await HttpSession.signUp('Olga Eigenaar', uniqueEmail('olga-followup'));
	firm = await createFirmOver(owner, 'Installatiebedrijf Vervolg', '12');
	await finishedAction(title);
	await finishedAction(other);
});

describe('a question about a finished action', () => {
	it('is asked after the aspects and reported from k opinions', async () => {
		const round = await roundAbout('Najaar vervolg', title);
		// Asked once: the next round no longer offers it.
		expect(await text(await owner.get(`/firms/${firm}/rounds/new`))).not.toContain(escapedAsSvelte(title));

		const page = await text(await new HttpSession().get(`${round.survey}/all`));
		expect(page).toContain('Wat is er gedaan?');
		expect(page).toContain(`‘${escapedAsSvelte(title)}’ heeft geholpen.`);
		expect(page).not.toContain('<i>werkplaats</i>');
		expect(page.indexOf('Wat is er gedaan?')).toBeGreaterThan(page.indexOf('id="buitenwereld_1"'));

		for (const value of ['5', '4', '4', '2', '3']) await answer(round.survey, { [round.variable]: value });
		const report = await text(await owner.get(`/firms/${firm}/rounds/${round.id}/report`));
		expect(report).toContain('Wat vond het team van de acties?');
		expect(report).toContain('‘Meester-gezel &lt;i&gt;werkplaats&lt;/i&gt;’ heeft geholpen.');
		expect(report).toContain('3,6');
		const json = (await (await owner.get(`/firms/${firm}/rounds/${round.id}/report/report.json`)).json()) as { followups: { id: string; title: string; employee: { n: number; mean: number } }[] };
		expect(json.followups).toEqual([expect.objectContaining({ id: round.variable, title, employee: expect.objectContaining({ n: 5, mean: 3.6 }) })]);
	});

	it('shows no figure with fewer than k opinions ("weet ik niet" does not count)', async () => {
		const round = await roundAbout('Voorjaar vervolg', other);
		for (const value of ['5', '4', '9', '', '2']) await answer(round.survey, value === '' ? {} : { [round.variable]: value });
		const report = await text(await owner.get(`/firms/${firm}/rounds/${round.id}/report`));
		expect(report).toContain('Wat vond het team van de acties?');
		expect(report).toContain('Te weinig antwoorden: minder dan 5 mensen gaven een mening.');
		const json = (await (await owner.get(`/firms/${firm}/rounds/${round.id}/report/report.json`)).json()) as { followups: { employee: unknown }[] };
		expect(json.followups[0]!.employee).toEqual({ n: null, mean: null, sd: null, favourable: null, distribution: null });
	});
});
