// The rules for a new network, free of database code so the CLI and the admin form check input alike.
import { z } from 'zod';
import { NETWORK_KINDS } from '../db/schema/network';

export { NETWORK_KINDS };

export const createNetworkSchema = z.object({
	name: z.string().trim().min(2, 'name').max(120, 'name'),
	slug: z
		.string()
		.trim()
		.min(3, 'slug')
		.max(50, 'slug')
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug'),
	kind: z.enum(NETWORK_KINDS, { message: 'kind' }).default('regional')
});
export type CreateNetworkInput = z.input<typeof createNetworkSchema>;
