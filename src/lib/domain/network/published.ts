// The shapes a network publishes, exactly as DESIGN.md ("Networks") fixes them for `network report` and
// `pilot evaluate`. The benchmark, the pilot evaluation and the annual report all speak these, so that
// the CLI's JSON, the pages and the annual report cannot drift apart.
import { z } from 'zod';
import { ASPECT_IDS } from '../knowledge/entry';

export const SIZE_BANDS = ['1-9', '10-49', '50-249', '250+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const GROUPING_VARIABLES = ['sector', 'size', 'province'] as const;
export type GroupingVariable = (typeof GROUPING_VARIABLES)[number];

const aspectId = z.enum(ASPECT_IDS);

/** One aspect over the network's firms: quartiles only from 2k firms, else null. */
export const networkAspectSchema = z.object({
	id: aspectId,
	firms: z.number().int().nonnegative(),
	mean: z.number().nullable(),
	p25: z.number().nullable(),
	p50: z.number().nullable(),
	p75: z.number().nullable()
});

export const networkGroupSchema = z.object({
	category: z.string(),
	label: z.string(),
	/** null where the group is hidden. */
	firms: z.number().int().nonnegative().nullable(),
	suppressed: z.boolean(),
	aspects: z.record(aspectId, z.number().nullable()).nullable()
});

export const networkGroupingSchema = z.object({
	variable: z.enum(GROUPING_VARIABLES),
	groups: z.array(networkGroupSchema)
});

/** `network report --format json`. */
export const networkReportSchema = z.object({
	network: z.string(),
	threshold: z.number().int().positive(),
	firms: z.number().int().nonnegative(),
	aspects: z.array(networkAspectSchema),
	groupings: z.array(networkGroupingSchema)
});
export type NetworkReport = z.infer<typeof networkReportSchema>;

const armSchema = z.object({ firms: z.number().int().nonnegative(), change: z.number().nullable() });

/** `pilot evaluate --format json`: nulls where an arm has fewer than k firms with a change. */
export const pilotEvaluationSchema = z.object({
	pilot: z.string(),
	threshold: z.number().int().positive(),
	aspects: z.array(
		z.object({
			id: aspectId,
			pilot: armSchema,
			comparison: armSchema,
			did: z.number().nullable(),
			ci95: z.tuple([z.number(), z.number()]).nullable(),
			effectSize: z.number().nullable()
		})
	)
});
export type PilotEvaluation = z.infer<typeof pilotEvaluationSchema>;
