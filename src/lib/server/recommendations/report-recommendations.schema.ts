// What the recommendations read from the firm's row: stored text, checked before the score trusts it.
import { z } from 'zod';
import { WORRIES } from '../../domain/knowledge/entry';

export const firmProfileRowSchema = z.object({
	sector: z.string(),
	sizeClass: z.string(),
	// A value no longer in the list (renamed in a later version) counts as no worry rather than breaking the report.
	worry: z.enum(WORRIES).nullable().catch(null)
});
