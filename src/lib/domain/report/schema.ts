import { z } from 'zod';
import { networkComparisonSchema } from '../network/compared';
import { surveyLocales } from '../instrument/schema';

/**
 * The report as data. The zod schema is the single source: the TypeScript type, the test that every
 * built report conforms, and docs/report-schema.json (z.toJSONSchema) all come from it.
 */

const figure = z.number().nullable();
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1).nullable();
const interval = z
	.tuple([z.number(), z.number()])
	.nullable()
	.describe('95% confidence interval [low, high] of the mean (t distribution); null when n < 2');

const employeeAspectSchema = z
	.strictObject({
		n: count.nullable().describe('employees with an aspect score; null when no employee figures are shown'),
		mean: figure.describe('mean of the employees\u2019 aspect scores'),
		sd: figure.describe('sample standard deviation (n - 1)'),
		ci95: interval,
		favourable: share.describe('share of employees with an aspect score of 4 or more'),
		alpha: figure.describe('Cronbach\u2019s alpha over employees who answered every item; null under 10 of them')
	})
	.describe('Figures are null when there are fewer than k scores, or too few employees overall.');

const ownerFigureSchema = z.strictObject({
	n: count.describe('owner responses with a valid score'),
	mean: figure
});

const aspectReportSchema = z.strictObject({
	id: z.string(),
	label: z.string(),
	explanation: z.string(),
	employee: employeeAspectSchema,
	owner: ownerFigureSchema,
	gap: figure.describe('owner mean minus employee mean')
});

const itemReportSchema = z.strictObject({
	id: z.string(),
	aspect: z.string(),
	reverse: z.boolean(),
	text: z.string().describe('employee wording'),
	ownerText: z.string(),
	employee: z.strictObject({
		n: count.nullable().describe('valid answers (1 to 5)'),
		mean: figure.describe('mean item score (reverse-keyed items scored 6 minus the answer)'),
		sd: figure,
		favourable: share.describe('share of valid item scores of 4 or 5'),
		distribution: z
			.record(z.string(), count)
			.nullable()
			.describe('number of employees per answer code as given (1-5 and 9 = weet ik niet), before reverse scoring')
	}),
	owner: ownerFigureSchema,
	gap: figure.describe('owner mean minus employee mean')
});

const breakdownGroupSchema = z
	.strictObject({
		category: z.string(),
		label: z.string(),
		n: count.nullable().describe('null when suppressed'),
		suppressed: z.boolean(),
		aspects: z
			.record(z.string(), figure)
			.nullable()
			.describe('aspect id to the group\u2019s mean aspect score; null when suppressed')
	})
	.describe('A group is shown only with at least k respondents, and the hidden ones add up to 0 or at least k.');

const breakdownSchema = z.strictObject({
	variable: z.string(),
	label: z.string(),
	groups: z.array(breakdownGroupSchema)
});

const yesShareSchema = z.strictObject({
	n: count.describe('employees who answered yes or no'),
	share: share.describe('share who answered yes')
});

const scaleSummarySchema = z.strictObject({
	n: count,
	mean: figure,
	favourable: share.describe('share who (strongly) agree: 4 or 5')
});

const learningSchema = z
	.strictObject({
		formal: yesShareSchema,
		nonFormal: yesShareSchema,
		informal: yesShareSchema,
		need: scaleSummarySchema,
		intention: scaleSummarySchema,
		barriers: z.strictObject({
			respondents: count.describe('employee respondents, the denominator of each share'),
			ranked: z.array(
				z.strictObject({
					id: z.string(),
					label: z.string(),
					count: count,
					share: share
				})
			)
		})
	})
	.nullable();

const openSchema = z.strictObject({
	verbatimPromised: z.boolean(),
	questions: z.array(
		z.strictObject({
			id: z.string(),
			question: z.string(),
			n: count.nullable().describe('employees who wrote an answer'),
			answers: z
				.array(z.string())
				.nullable()
				.describe(
					'word for word, in a new random order per version; null unless promised and at least k answered; a list changes between versions only with at least k new answers, otherwise the earlier list stays'
				)
		})
	)
});

const followupSchema = z
	.array(
		z.strictObject({
			id: z.string().describe('codebook variable: action_ and the action\u2019s id'),
			actionId: z.string(),
			title: z.string().describe('the action\u2019s title as it was when the round started (what the team was asked about: "Heeft … geholpen?")'),
			employee: z.strictObject({
				n: count.nullable().describe('employees who gave an opinion (1 to 5; "weet ik niet" not counted); null below k'),
				mean: figure.describe('mean answer on the agreement scale (5 = strongly agree that it helped)'),
				sd: figure,
				favourable: share.describe('share who (strongly) agree: 4 or 5'),
				distribution: z
					.record(z.string(), count)
					.nullable()
					.describe('number of employees per answer code (1-5 and 9 = weet ik niet)')
			})
		})
	)
	.describe(
		'The round\u2019s questions about finished actions of the firm\u2019s action plan, outside the six aspects and the instrument; figures only from k opinions, hidden by the same disclosure control as the items'
	)
	// Versions published before these questions existed have no such list.
	.default([]);

const withheldSchema = z
	.array(
		z.strictObject({
			measure: z
				.string()
				.describe(
					'what the figure is about: "respondents" (a whole breakdown group), "aspect:ID", "item:ID", "followup:action_ID" (a question about a finished action), or "learning:formal|nonFormal|informal|need|intention|barriers"'
				),
			group: z.string().nullable().describe('"VARIABLE:CATEGORY" of a breakdown group; null for the total of the measure'),
			shownFrom: count
				.nullable()
				.describe('for a total: the earlier version whose figure is shown instead; null when no figure is shown')
		})
	)
	.describe(
		'Figures hidden by disclosure control: shown, they would let someone work out the answers of fewer than k people by subtracting groups, totals or versions (see docs/measures.md).'
	)
	// Versions published before disclosure control have no such list: nothing was hidden by it then.
	.default([]);

const languagesSchema = z
	.strictObject({
		shown: z.array(
			z.strictObject({
				language: z.enum(surveyLocales),
				label: z.string().describe('the language by its own name'),
				n: count.describe('employees who filled in the questionnaire in this language: at least k')
			})
		),
		other: count.describe('employees in a language not shown, or whose language is not known (older and imported responses): 0 or at least k')
	})
	.nullable()
	.describe(
		'In which language the questionnaire was filled in, as counts under the disclosure rules: a language is shown only with at least k employees, the rest together are 0 or at least k, and disclosure control over every version hides what could be subtracted. Null when fewer than two languages were used, when no language can be shown, and below k employees.'
	)
	// Versions published before the language was kept have no such field.
	.default(null);

const guideSchema = z
	.strictObject({
		starters: z.array(z.string()),
		strengths: z.array(z.strictObject({ aspect: z.string(), label: z.string(), keep: z.array(z.string()) })),
		toGrow: z.array(
			z.strictObject({
				aspect: z.string(),
				label: z.string(),
				questions: z.array(z.string()),
				steps: z.array(z.string())
			})
		)
	})
	.nullable();

const methodSchema = z.strictObject({
	instrumentVersion: z.string(),
	threshold: count,
	scale: z.strictObject({ min: z.number().int(), max: z.number().int(), dontKnow: z.number().int() }),
	reverseKeyedItems: z.array(z.string()),
	aspectScoreMinimumAnsweredShare: z.number(),
	favourableFrom: z.number(),
	confidenceLevel: z.number(),
	alphaMinimumRespondents: count,
	minimumPerFigure: count.describe('a figure about employees rests on at least this many values (k)'),
	completeRespondents: z
		.record(z.string(), count.nullable())
		.describe('per aspect: employees who answered all its items (the base for alpha)')
});

const signalsSchema = z
	.strictObject({
		burst: count.describe('responses that came from one address after more than the allowed number (default 10) within ten minutes'),
		identical: count.describe('responses whose statement answers equal those of a response stored before'),
		sameAnswer: count.describe('responses that gave the same answer to every statement they answered (at least half)'),
		moreThanInvited: count.nullable().describe('responses in this version above the number invited; null when nobody was invited through Leerkompas'),
		moreThanEmployees: count.describe('responses in this version above the firm\u2019s number of employees')
	})
	.nullable()
	.describe('warning signals that answers may have been added to steer or uncover the figures, as they stood when this version was published; null before the first version');

const changeFigureSchema = z
	.strictObject({
		n: count.describe('employees with an aspect score in that round\u2019s latest published version'),
		mean: z.number().describe('their mean aspect score')
	})
	.nullable();

const changeSchema = z
	.strictObject({
		against: z.strictObject({
			round: z.string().describe('name of the earlier round compared with'),
			employees: count.describe('employee respondents in that round\u2019s latest published version')
		}),
		aspects: z.array(
			z.strictObject({
				id: z.string(),
				before: changeFigureSchema.describe('the earlier round; null where the change is not shown'),
				after: changeFigureSchema.describe('this round; null where the change is not shown'),
				difference: figure.describe('after mean minus before mean'),
				ci95: z
					.tuple([z.number(), z.number()])
					.nullable()
					.describe('95% Welch interval of the difference; null where not shown, or when neither round varies'),
				d: figure.describe('Cohen\u2019s d: the difference divided by the pooled SD; null where not shown, or when the pooled SD is 0')
			})
		)
	})
	.nullable()
	.describe(
		'Change since an earlier round of the firm (the previous one with employee figures, or one that was picked), from the latest published version of each round, never from raw answers. Every aspect is listed; its figures are null unless both rounds show at least k scores on it and neither withholds it. Null when there is no earlier round with employee figures. Worked out when the report is read; a stored version holds null.'
	)
	// Versions stored before change between rounds existed have no such field.
	.default(null);

export const reportSchema = z.strictObject({
	instrumentVersion: z.string(),
	origin: z
		.enum(['collected', 'imported'])
		.default('collected')
		.describe('collected: Leerkompas gathered the answers (link or cards); imported: read in from a file, so Leerkompas cannot vouch for their anonymity'),
	locale: z.enum(['nl', 'en']),
	threshold: count.describe('the anonymity threshold k applied (default 5, never below 3)'),
	respondents: z.strictObject({ employee: count, owner: count }),
	responseRate: z.strictObject({
		invited: count.nullable(),
		rate: z.number().nonnegative().nullable().describe('employee responses divided by people invited, at most 1; null for a round without its own invitations (imported)'),
		low: z.boolean().nullable().describe('true when the rate is under 50%')
	}),
	employeeFigures: z
		.boolean()
		.describe('false when fewer than k employees answered: then no employee figure is shown at all'),
	selfScanOffered: z
		.boolean()
		.describe('true when there are no employee figures, so the report offers the owner\'s own view and a talk with the team instead'),
	summary: z.strictObject({
		strengths: z.array(z.string()).describe('ids of the two strongest aspects, strongest first'),
		toGrow: z.array(z.string()).describe('ids of the two aspects to grow, weakest first')
	}),
	aspects: z.array(aspectReportSchema),
	items: z.array(itemReportSchema),
	breakdowns: z.array(breakdownSchema),
	learning: learningSchema,
	supervisedBy: z
		.strictObject({ name: z.string() })
		.nullable()
		.default(null)
		.describe(
			'the adviser who supervised the round (held its link and cards, so nobody in the firm could add answers); null when the firm ran it itself'
		),
	lateResponses: count.describe(
		'at close: employee responses after the last version, too few (under k) to be shown safely'
	),
	open: openSchema,
	followups: followupSchema,
	withheld: withheldSchema,
	languages: languagesSchema,
	guide: guideSchema,
	method: methodSchema,
	signals: signalsSchema.default(null),
	change: changeSchema
});

export type Report = z.infer<typeof reportSchema>;

export const reportRecommendationSchema = z.strictObject({
	entry: z.string().describe('slug of the knowledge-base entry; its page is /knowledge/SLUG'),
	title: z.string(),
	reason: z.string().describe('why it was chosen, one sentence in the report\u2019s language'),
	aspects: z.array(z.string()).describe('the report\u2019s aspects it was chosen for (never one whose figure is hidden); empty when only the worry led to it'),
	worries: z.array(z.string()).describe('the owner\u2019s worry (firm setting) when the entry addresses it')
});
export type ReportRecommendation = z.infer<typeof reportRecommendationSchema>;

/**
 * The report as the JSON endpoint and `leerkompas report --format json` give it: the published version plus
 * the recommendations, which are worked out when the report is shown and not stored in the version.
 */
export const servedReportSchema = reportSchema.extend({
	networks: z
		.array(networkComparisonSchema)
		.default([])
		.describe(
			'"Vergeleken met": per network the firm is in, its latest published figures beside this report, only where the network has at least k firms besides this firm (and a sector or size group only where that group has k besides it); empty when there is none. Computed when shown, from stored network snapshots.'
		),
	recommendations: z
		.array(reportRecommendationSchema)
		.describe(
			'three to five knowledge-base entries matched to this report and the firm, best first (see docs/recommendations.md); computed when shown from this version\u2019s figures, the firm\u2019s settings and the published entries, so it may change while the figures do not'
		)
});
export type ServedReport = z.infer<typeof servedReportSchema>;
export type AspectReport = Report['aspects'][number];
export type ItemReport = Report['items'][number];
export type Breakdown = Report['breakdowns'][number];
export type LearningReport = NonNullable<Report['learning']>;
export type FollowupReport = Report['followups'][number];
export type ReportSignals = NonNullable<Report['signals']>;
export type RoundChange = NonNullable<Report['change']>;

/** The JSON Schema written to docs/report-schema.json: the report as served, recommendations included. */
export function reportJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(servedReportSchema),
		$id: 'https://leerkompas.nl/schema/report.json',
		title: 'Leerkompas report',
		description:
			'One published version of a scan round\u2019s report. Figures that cannot be computed, or may not be shown, are null (never 0 or NaN).'
	};
}
