// The action plan's use cases on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { firmAction, firmMember } from '../db/schema';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { seedRound } from '../../../../tests/helpers/report-seed';
import { publishedEntries } from '../knowledge/published-entries';
import { createAction, sessionActionCount } from './create-action';
import { updateAction } from './update-action';
import { addActionNote } from './add-action-note';
import { findAction, notesOfAction } from './find-action';
import { listActions } from './list-actions';

let h: DatabaseHandle;
let owner: { id: string; name: string };
let firmId: string;
let otherFirmId: string;
const today = '2026-05-10';

beforeAll(async () => {
	h = await openTestDatabase();
	owner = await makeUser(h.db, { name: 'Olga Eigenaar' });
	firmId = (await makeFirm(h.db, { ownerId: owner.id })).id;
	otherFirmId = (await makeFirm(h.db, { ownerId: (await makeUser(h.db)).id })).id;
});
afterAll(async () => {
	await h?.close();
});

const plan = (overrides: Partial<{ roundId: string | null; fromSession: boolean }> = {}) => ({
	firmId,
	roundId: null,
	fromSession: false,
	origin: 'free' as const,
	userId: owner.id,
	today,
	...overrides
});

describe('adding an action', () => {
	it('stores what, why, who, when and the entry it follows', async () => {
		const [entry] = await publishedEntries(h.db);
		const result = await createAction(h.db, { ...plan(), origin: 'kennisbank' }, {
			title: '  Meester-gezel in de werkplaats ',
			why: 'Nieuwe mensen leren sneller',
			aspectId: 'samen',
			entrySlug: entry!.slug,
			assigneeUserId: owner.id,
			assigneeName: 'wordt genegeerd',
			startsOn: '2026-05-11',
			dueOn: '2026-06-30',
			status: ''
		});
		expect(result.ok).toBe(true);
		const stored = await findAction(h.db, firmId, result.ok ? result.id : '');
		expect(stored).toMatchObject({
			title: 'Meester-gezel in de werkplaats',
			why: 'Nieuwe mensen leren sneller',
			aspectId: 'samen',
			entrySlug: entry!.slug,
			origin: 'kennisbank',
			assigneeUserId: owner.id,
			assigneeName: 'Olga Eigenaar',
			startsOn: '2026-05-11',
			dueOn: '2026-06-30',
			status: 'niet-gestart',
			doneOn: null
		});
	});

	it('says per field what to fix, and stores nothing', async () => {
		const before = (await listActions(h.db, firmId)).length;
		const result = await createAction(h.db, plan(), {
			title: ' ',
			aspectId: 'geluk',
			entrySlug: 'bestaat-niet',
			startsOn: '2026-06-01',
			dueOn: '2026-05-01',
			status: 'misschien'
		});
		expect(result).toEqual({ ok: false, errors: { title: 'required', aspectId: 'invalid', dueOn: 'due_before_start', status: 'invalid' } });
		const unknown = await createAction(h.db, plan(), { title: 'Iets', entrySlug: 'bestaat-niet', startsOn: '2026-02-30' });
		expect(unknown).toEqual({ ok: false, errors: { startsOn: 'invalid_date' } });
		const notPublished = await createAction(h.db, plan(), { title: 'Iets', entrySlug: 'bestaat-niet' });
		expect(notPublished).toEqual({ ok: false, errors: { entrySlug: 'unknown_entry' } });
		expect((await listActions(h.db, firmId)).length).toBe(before);
	});

	it('accepts as "who" only a member of this firm', async () => {
		const outsider = await makeUser(h.db);
		await h.db.insert(firmMember).values({ firmId: otherFirmId, userId: outsider.id, role: 'manager' });
		const result = await createAction(h.db, plan(), { title: 'Iets', assigneeUserId: outsider.id });
		expect(result).toEqual({ ok: false, errors: { assigneeUserId: 'not_a_member' } });
		const free = await createAction(h.db, plan(), { title: 'Iets', assigneeName: 'Het hele team' });
		expect(free.ok && (await findAction(h.db, firmId, free.id))?.assigneeName).toBe('Het hele team');
	});

	it('lets a session agree on at most three actions per round', async () => {
		const round = await seedRound(h.db, firmId, { name: 'Sessieronde' });
		const session = plan({ roundId: round.id, fromSession: true });
		for (const title of ['Een', 'Twee', 'Drie']) expect((await createAction(h.db, session, { title })).ok).toBe(true);
		expect(await createAction(h.db, session, { title: 'Vier' })).toEqual({ ok: false, full: true });
		expect(await sessionActionCount(h.db, firmId, round.id)).toBe(3);
		// The plan itself has no such limit.
		expect((await createAction(h.db, plan(), { title: 'Vijf' })).ok).toBe(true);
		expect((await listActions(h.db, firmId, { roundId: round.id })).map((a) => a.title)).toEqual(['Een', 'Twee', 'Drie']);
	});
});

describe('editing an action', () => {
	it('sets the day it was done when it becomes klaar, and clears it when it is reopened', async () => {
		const created = await createAction(h.db, plan(), { title: 'Inwerkmap maken' });
		const id = created.ok ? created.id : '';
		const context = { firmId, actionId: id, today };
		expect(await updateAction(h.db, context, { title: 'Inwerkmap maken', status: 'klaar' })).toEqual({ ok: true });
		expect((await findAction(h.db, firmId, id))?.doneOn).toBe(today);
		await updateAction(h.db, { ...context, today: '2026-06-01' }, { title: 'Inwerkmap af', status: 'klaar' });
		expect(await findAction(h.db, firmId, id)).toMatchObject({ title: 'Inwerkmap af', doneOn: today });
		await updateAction(h.db, context, { title: 'Inwerkmap af', status: 'bezig' });
		expect((await findAction(h.db, firmId, id))?.doneOn).toBeNull();
	});

	it('does not find or change an action of another firm, whatever its id', async () => {
		const theirs = await createAction(h.db, { ...plan(), firmId: otherFirmId }, { title: 'Van een ander' });
		const id = theirs.ok ? theirs.id : '';
		expect(await findAction(h.db, firmId, id)).toBeNull();
		expect(await findAction(h.db, firmId, 'geen-id')).toBeNull();
		expect(await updateAction(h.db, { firmId, actionId: id, today }, { title: 'Overgenomen' })).toEqual({ ok: false, notFound: true });
		expect(await addActionNote(h.db, { firmId, actionId: id, userId: owner.id, today }, { text: 'Hallo' })).toEqual({ ok: false, notFound: true });
		const [row] = await h.db.select().from(firmAction).where(eq(firmAction.id, id));
		expect(row?.title).toBe('Van een ander');
		expect(await notesOfAction(h.db, id)).toEqual([]);
	});
});

describe('progress notes', () => {
	it('are kept in order with the writer and day, and must be short and not empty', async () => {
		const created = await createAction(h.db, plan(), { title: 'Leerambassadeur kiezen' });
		const id = created.ok ? created.id : '';
		const context = { firmId, actionId: id, userId: owner.id, today };
		expect(await addActionNote(h.db, context, { text: 'Gesprek gehad met Piet.' })).toEqual({ ok: true });
		expect(await addActionNote(h.db, { ...context, today: '2026-05-20' }, { text: 'Piet doet het.' })).toEqual({ ok: true });
		expect(await addActionNote(h.db, context, { text: '   ' })).toEqual({ ok: false, error: 'required' });
		expect(await addActionNote(h.db, context, { text: 'x'.repeat(501) })).toEqual({ ok: false, error: 'too_long' });
		const notes = await notesOfAction(h.db, id);
		expect(notes.map((n) => [n.text, n.writtenOn, n.writtenBy])).toEqual([
			['Gesprek gehad met Piet.', today, 'Olga Eigenaar'],
			['Piet doet het.', '2026-05-20', 'Olga Eigenaar']
		]);
		expect((await listActions(h.db, firmId)).find((a) => a.id === id)?.notes).toBe(2);
	});
});
