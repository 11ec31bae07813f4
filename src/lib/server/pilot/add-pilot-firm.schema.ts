// Input for putting a firm in one arm of a pilot, as the form posts it (ids); the CLI resolves slug and
// round names to ids first.
import { z } from 'zod';
import { PILOT_ARMS } from '../db/schema/pilot';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const addPilotFirmSchema = z.object({
	firm: z.uuid('firm'),
	arm: z.enum(PILOT_ARMS, 'arm'),
	before: z.uuid('before'),
	after: z.preprocess(blankToNull, z.uuid('after').nullable().default(null))
});
export type AddPilotFirmInput = z.output<typeof addPilotFirmSchema>;

/**
 * not_member: the firm is not (any longer) a member of the network; round: a round is not one of that firm's;
 * after_not_later: the after round does not start later than the before round; other_arm / other_before: the
 * firm is already in the pilot with another arm or before round (only its after round can be set again).
 */
export type AddPilotFirmError = 'not_member' | 'round' | 'after_not_later' | 'other_arm' | 'other_before';
