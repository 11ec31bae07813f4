// Honest answers sent the way an employee sends them: through the round's own link, on the one-page
// questionnaire, each from a session of its own. For the attack tests in this folder.
import { expect } from 'vitest';
import { loadInstrument } from '../../src/lib/domain/instrument';
import { createFirmOver, HttpSession, uniqueEmail } from '../e2e/support/http-client';

const instrument = loadInstrument('v1');

export interface Respondent {
	age?: string;
	team?: string;
	/** Item id to answer; items not named are answered by `base`. */
	answers?: Record<string, string>;
	/** Statements left out altogether. */
	skip?: string[];
	/** An answer 1..5 for every other statement, varied per statement so that people differ. */
	base: number;
}

/** An owner with a firm and an open link round with the given teams; returns the survey path. */
export async function ownerWithRound(name: string, teams: string[]) {
	const owner = await HttpSession.signUp('Eva Eigenaar', uniqueEmail('eva'));
	const firm = await createFirmOver(owner, name, '20');
	const res = await owner.post(`/firms/${firm}/rounds/new`, {
		name: 'Voorjaar',
		opensOn: '',
		closesOn: '2099-06-30',
		invited: '',
		teams: teams.join('\n'),
		inviteMode: 'link',
		cards: ''
	});
	const roundId = (res.headers.get('location') ?? '').match(/\/rounds\/([0-9a-f-]{36})$/)?.[1];
	expect(roundId, `round not created: ${res.status}`).toBeDefined();
	const page = await (await owner.get(`/firms/${firm}/rounds/${roundId}`)).text();
	const survey = page.match(/href="https?:\/\/[^"]+(\/s\/[A-Za-z0-9_-]{43})"/)?.[1];
	expect(survey).toBeDefined();
	return { owner, firm, roundId: roundId!, survey: survey! };
}

export async function answer(survey: string, who: Respondent): Promise<void> {
	const session = new HttpSession();
	const page = await (await session.get(`${survey}/all`)).text();
	const key = page.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];
	expect(key).toBeDefined();
	const fields: Record<string, string> = { submissionKey: key! };
	instrument.items.forEach((item, i) => {
		if (who.skip?.includes(item.id)) return;
		fields[item.id] = who.answers?.[item.id] ?? String(((who.base + i) % 5) + 1);
	});
	if (who.age) fields.age = who.age;
	if (who.team) fields.team = who.team;
	const sent = await session.post(`${survey}/all`, fields);
	expect(sent.status, await sent.clone().text().then((t) => t.slice(0, 300))).toBe(303);
}

export const aspectIds = instrument.aspects.map((a) => a.id);
export const itemIds = instrument.items.map((i) => i.id);
