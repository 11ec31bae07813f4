// A coordinator writes down a progress talk, or changes one. The network comes from the route's guard; a talk
// of another network is never found, so it cannot be changed through this network's pages. The pilot a talk
// is about must be one of this network's pilots: another slug would only ever show "no figures yet" for it.
import { and, eq } from 'drizzle-orm';
import { PARTS_NEEDED_WHEN_FINAL, talkSchema, type Talk } from '../../domain/annual/talk';
import type { Database } from '../db/client';
import { progressTalk } from '../db/schema';
import { findPilot } from '../pilot/create-pilot';

export type TalkErrors = Partial<Record<keyof Talk, string>>;

export type SaveTalkResult = { ok: true; id: string; year: number } | { ok: false; errors: TalkErrors } | { ok: false; notFound: true };

export async function saveTalk(db: Database, input: { networkId: string; talkId?: string; talk: unknown; userId: string }): Promise<SaveTalkResult> {
	const raw = (input.talk ?? {}) as Record<string, unknown>;
	const slug = typeof raw.pilotSlug === 'string' ? raw.pilotSlug.trim() : '';
	const unknownPilot = slug !== '' && !(await findPilot(db, input.networkId, slug));
	const parsed = talkSchema.safeParse(input.talk);
	if (!parsed.success || unknownPilot) {
		const errors: TalkErrors = unknownPilot ? { pilotSlug: 'unknown-pilot' } : {};
		for (const issue of parsed.error?.issues ?? []) {
			const field = String(issue.path[0] ?? 'project') as keyof Talk;
			errors[field] ??= issue.message === 'needed-when-final' ? 'needed-when-final' : 'invalid';
		}
		// zod checks across fields only once every field is valid; say everything to fix at once.
		if (raw.status === 'final') {
			for (const part of PARTS_NEEDED_WHEN_FINAL) if (typeof raw[part] !== 'string' || raw[part].trim() === '') errors[part] ??= 'needed-when-final';
		}
		return { ok: false, errors };
	}
	const values = { ...parsed.data, updatedBy: input.userId, updatedAt: new Date() };
	if (input.talkId === undefined) {
		const [row] = await db.insert(progressTalk).values({ ...values, networkId: input.networkId, createdBy: input.userId }).returning({ id: progressTalk.id });
		return { ok: true, id: row!.id, year: values.year };
	}
	const [row] = await db
		.update(progressTalk)
		.set(values)
		.where(and(eq(progressTalk.id, input.talkId), eq(progressTalk.networkId, input.networkId)))
		.returning({ id: progressTalk.id });
	return row ? { ok: true, id: row.id, year: values.year } : { ok: false, notFound: true };
}
