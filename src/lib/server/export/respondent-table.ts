// Respondent-level data as one flat table, one row per respondent, columns named by the codebook. Pure:
// the caller loads the responses, shuffles (see shuffle) and writes CSV or .sav from the result.
//
// Answers per person go only to a researcher (or network coordinator) with a data agreement, never to the
// firm: the statements with background, learning and, when respondents were told their words are shown,
// the open answers. (The firm once had the statements alone; a row's profile could still name a person.)
// Values are the codebook's numeric codes as given: 1-5, 9 = "weet ik niet" (declared user-missing),
// empty = skipped. Reverse-keyed statements are NOT recoded (the codebook marks them), as researchers expect
// raw data; the report's item means are on the recoded scores (6 minus the answer).
import { codebook, languageCodes } from '../../domain/instrument/codebook';
import { answerCodes, backgroundCategories } from '../../domain/instrument/helpers';
import type { Instrument, AppLocale } from '../../domain/instrument/schema';
import type { ScanResponse } from '../../domain/response';
import { followupVariable, type FollowupQuestion } from '../../domain/followup/followup';
import * as m from '../../paraglide/messages.js';

export interface ExportVariable {
	name: string;
	kind: 'numeric' | 'string';
	label: string;
	valueLabels: { value: number; label: string }[];
	missing: number[];
}

export type ExportValue = number | string | null;

export interface RespondentTable {
	variables: ExportVariable[];
	rows: ExportValue[][];
}

export interface RespondentTableOptions {
	locale: AppLocale;
	/** The round's team list: team codes are 1, 2, ... in this order. */
	teams: readonly string[];
	/** Respondents were told before answering that their open answers are shown word for word. */
	openAnswersVerbatim: boolean;
	/** The round's questions about finished actions: a column action_<id> each, on the statement scale. */
	followups?: readonly FollowupQuestion[];
}

type Extract = (response: ScanResponse) => ExportValue;

export function respondentTable(instrument: Instrument, responses: readonly ScanResponse[], options: RespondentTableOptions): RespondentTable {
	const book = codebook(instrument);
	const columns: { variable: ExportVariable; extract: Extract }[] = [];
	const scaleCodes = new Set(answerCodes(instrument));
	const scaleValue = (value: unknown): number | null => (typeof value === 'number' && scaleCodes.has(value) ? value : null);
	const byName = new Map(book.variables.map((v) => [v.name, v]));
	const describe = (name: string, overrides: Partial<ExportVariable> = {}): ExportVariable => {
		const variable = byName.get(name);
		if (!variable) throw new Error(`The codebook has no variable ${name}`);
		return {
			name,
			kind: variable.type === 'text' ? 'string' : 'numeric',
			label: variable.label[options.locale],
			valueLabels: variable.values.map((v) => ({ value: v.code, label: v.label[options.locale] })),
			missing: [...variable.missing],
			...overrides
		};
	};

	for (const item of instrument.items) {
		columns.push({ variable: describe(item.id), extract: (r) => scaleValue(r.answers[item.id]) });
	}
	// Not fixed variables of the codebook but its add-on rule action_<id>: its value labels and missing code,
	// labelled with the title as it was asked in this round. (The rule's pattern is the name with <id> for the id.)
	const followupRule = book.addOns.find((rule) => rule.pattern === followupVariable('<id>'));
	for (const question of options.followups ?? []) {
		if (!followupRule) throw new Error('The codebook has no rule for follow-up questions (action_<id>)');
		const name = followupVariable(question.actionId);
		columns.push({
			variable: {
				name,
				kind: 'numeric',
				label: m.followup_statement({ title: question.title }, { locale: options.locale }),
				valueLabels: followupRule.values.map((v) => ({ value: v.code, label: v.label[options.locale] })),
				missing: [...followupRule.missing]
			},
			extract: (r) => scaleValue(r.answers[name])
		});
	}
	for (const question of instrument.background) {
		const categories = backgroundCategories(question, options.teams);
		const codeOf = new Map(categories.map((c) => [c.id, c.code]));
		columns.push({
			variable: describe(question.id, {
				valueLabels: categories.map((c) => ({ value: c.code, label: c.label[options.locale] }))
			}),
			extract: (r) => {
				const id = r.background[question.id];
				return typeof id === 'string' ? (codeOf.get(id) ?? null) : null;
			}
		});
	}
	const { learning } = instrument;
	const yes = learning.yesNo.find((o) => o.id === 'yes')!.code;
	const no = learning.yesNo.find((o) => o.id === 'no')!.code;
	const yesNo = (value: boolean | null) => (value === true ? yes : value === false ? no : null);
	columns.push({ variable: describe(learning.formal.id), extract: (r) => yesNo(r.learning.formal) });
	columns.push({ variable: describe(learning.nonFormal.id), extract: (r) => yesNo(r.learning.nonFormal) });
	columns.push({ variable: describe(learning.informal.id), extract: (r) => yesNo(r.learning.informal) });
	columns.push({ variable: describe(learning.need.id), extract: (r) => scaleValue(r.learning.need) });
	columns.push({ variable: describe(learning.intention.id), extract: (r) => scaleValue(r.learning.intention) });
	for (const option of learning.barriers.options) {
		columns.push({ variable: describe(option.code), extract: (r) => (r.learning.barriers.includes(option.id) ? 1 : 0) });
	}
	if (options.openAnswersVerbatim) {
		for (const question of instrument.open) {
			columns.push({
				variable: describe(question.id),
				extract: (r) => {
					const text = r.open[question.id];
					return typeof text === 'string' && text.trim() !== '' ? text : null;
				}
			});
		}
	}
	// Per person like every column here, so only in this file for a researcher with a data agreement; the report
	// shows languages only as counts under the disclosure rules.
	columns.push({ variable: describe('language'), extract: (r) => (r.language ? languageCodes[r.language] : null) });
	return {
		variables: columns.map((c) => c.variable),
		rows: responses.map((response) => columns.map((c) => c.extract(response)))
	};
}

/**
 * A new random order (Fisher-Yates). Rows leave in random order so that their position says nothing
 * about when someone answered. `randomInt(n)` returns a whole number from 0 to n - 1.
 */
export function shuffle<T>(items: readonly T[], randomInt: (n: number) => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}
