// What /api/v1 takes and gives, as zod schemas: the handlers check their input and shape their output with
// these, and the OpenAPI document (openapi.ts) is generated from the same schemas, so the two cannot drift.
// The report reuses the report's own schema (domain/report/schema.ts, also docs/report-schema.json), the
// knowledge entry its own (domain/knowledge/entry.ts).
import { z } from 'zod';
import { servedReportSchema } from '../../domain/report/schema';
import { knowledgeEntrySchema } from '../../domain/knowledge/entry';
import { MAX_CARDS, MAX_INVITED, MAX_TEAMS, ROUND_NAME_MAX_LENGTH, TEAM_NAME_MAX_LENGTH } from '../../server/scan/rounds/create-round.schema';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('a day, YYYY-MM-DD');

export const apiErrorSchema = z
	.object({
		error: z.object({
			code: z.string().describe('stable, for programs: unauthorized, forbidden, not_found, invalid, conflict, rate_limited, unavailable'),
			message: z.string().describe('for people, in the language of Accept-Language (Dutch or English)'),
			fields: z.record(z.string(), z.string()).optional().describe('per field of the body: what is wrong with it')
		})
	})
	.meta({ id: 'Error' });

export const firmSchema = z
	.object({
		slug: z.string(),
		name: z.string(),
		sector: z.string(),
		sizeClass: z.string(),
		province: z.string(),
		employees: z.number().int(),
		role: z.enum(['owner', 'manager', 'adviser', 'ambassador']).describe('the token holder\u2019s role in the firm')
	})
	.meta({ id: 'Firm' });
export const firmListSchema = z.object({ firms: z.array(firmSchema) }).meta({ id: 'FirmList' });

const roundState = z.enum(['not_open_yet', 'open', 'paused', 'closed']);

export const roundListItemSchema = z
	.object({
		id: z.uuid(),
		name: z.string(),
		opensOn: isoDay,
		closesOn: isoDay,
		state: roundState,
		supervised: z.boolean().describe('started by an adviser, who alone holds its link'),
		origin: z.enum(['collected', 'imported']),
		publishedResponses: z.number().int().nullable().describe('employee responses in the latest published report; null before the first (never the live count)')
	})
	.meta({ id: 'RoundSummary' });
export const roundListSchema = z.object({ rounds: z.array(roundListItemSchema) }).meta({ id: 'RoundList' });

export const roundSchema = z
	.object({
		id: z.uuid(),
		name: z.string(),
		status: z.enum(['open', 'paused', 'closed']).describe('as set by the firm'),
		state: roundState.describe('as it stands today: a round past its last day is closed'),
		opensOn: isoDay,
		closesOn: isoDay,
		invited: z.number().int(),
		threshold: z.number().int().describe('k: groups smaller than this are never shown'),
		inviteMode: z.enum(['link', 'cards']),
		supervised: z.boolean(),
		published: z
			.object({ version: z.number().int(), responses: z.number().int(), rate: z.number().nullable() })
			.nullable()
			.describe('the latest published report version; null before the first'),
		invitation: z
			.object({ surveyUrl: z.url().nullable(), shortUrl: z.url().nullable(), cardEntryUrl: z.url().nullable() })
			.nullable()
			.describe('only for whoever holds the round\u2019s invitations (a supervised round: only its adviser); else null'),
		can: z.object({ close: z.boolean() })
	})
	.meta({ id: 'Round' });

export const createRoundBodySchema = z
	.object({
		name: z.string().max(ROUND_NAME_MAX_LENGTH),
		opensOn: isoDay.optional().describe('default: today'),
		closesOn: isoDay.optional().describe('default: three weeks after opening'),
		invited: z.number().int().min(1).max(MAX_INVITED).optional().describe('default: the firm\u2019s number of employees'),
		teams: z.array(z.string().max(TEAM_NAME_MAX_LENGTH)).max(MAX_TEAMS).optional(),
		inviteMode: z.enum(['link', 'cards']).optional(),
		cards: z.number().int().min(0).max(MAX_CARDS).optional(),
		openAnswersVerbatim: z.boolean().optional()
	})
	.strict()
	.meta({ id: 'NewRound' });

export const actionPlanSchema = z
	.object({
		groups: z.array(
			z.object({
				status: z.string(),
				actions: z.array(
					z.object({
						id: z.uuid(),
						title: z.string(),
						status: z.string(),
						urgency: z.string(),
						assigneeName: z.string().nullable(),
						aspect: z.string().nullable(),
						dueOn: z.string().nullable(),
						doneOn: z.string().nullable(),
						notes: z.number().int()
					})
				)
			})
		)
	})
	.meta({ id: 'ActionPlan' });

export const knowledgeSearchSchema = z
	.object({
		total: z.number().int(),
		hits: z.array(
			z.object({
				slug: z.string(),
				title: z.string(),
				summary: z.string(),
				summaryEn: z.string(),
				kind: z.string(),
				aspects: z.array(z.string()),
				worries: z.array(z.string()),
				sectors: z.array(z.string()),
				sizes: z.array(z.string()),
				cost: z.string(),
				evidence: z.string(),
				score: z.number()
			})
		)
	})
	.meta({ id: 'KnowledgeSearch' });

export type KnowledgeSearch = z.infer<typeof knowledgeSearchSchema>;

export const knowledgeEntryApiSchema = z
	.object({ entry: knowledgeEntrySchema, version: z.number().int(), changedOn: isoDay })
	.meta({ id: 'KnowledgeEntry' });

export const reportApiSchema = servedReportSchema.meta({ id: 'Report' });
