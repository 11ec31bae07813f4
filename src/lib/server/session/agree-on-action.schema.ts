// Which way an action agreed in the session came: a recommendation of the report (named by its entry), or
// the fields of the form (an entry of the knowledge base, or the team's own words).
import { z } from 'zod';
import { SLUG_PATTERN } from '../../domain/knowledge/entry';

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

export const agreeChoiceSchema = z.object({
	/** The entry of the recommendation chosen; absent for an entry or an action of the team's own. */
	recommendation: z.preprocess(blank, z.string().trim().regex(SLUG_PATTERN).optional())
});
