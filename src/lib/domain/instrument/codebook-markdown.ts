import { codebook } from './codebook';
import { languageNames, surveyLocales, type Instrument, type SurveyLocale } from './schema';

const kindLabel = { yes_no: 'yes/no', scale: 'scale', multiple_choice: 'multiple choice' } as const;

/** Table cells must not break the Markdown table. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The readable codebook for docs/. Generated from the instrument, so the document and the JSON can
 * never disagree; a test compares docs/codebook.md with this output.
 */
export function codebookMarkdown(instrument: Instrument): string {
	const book = codebook(instrument);
	const lines: string[] = [];
	const push = (...more: string[]): void => {
		lines.push(...more);
	};

	push(
		`# Codebook, instrument ${book.version}`,
		'',
		`${book.title.nl} / ${book.title.en}`,
		'',
		'Generated from `content/instrument/' + book.version + '.json` by `codebookMarkdown()` in',
		'`src/lib/domain/instrument/codebook-markdown.ts`; do not edit by hand. The same codebook as JSON:',
		'`npx leerkompas codebook --json`. A version that has answers is never changed; a changed instrument gets a',
		'new version id.',
		'',
		'Variable names are the column names of the CSV import and of CSV/SPSS/PSPP exports.',
		'',
		'## Answer scale',
		'',
		'| code | nl | en |',
		'|---|---|---|',
		...book.scale.labels.map((l) => `| ${l.code} | ${cell(l.label.nl)} | ${cell(l.label.en)} |`),
		'',
		`Code ${book.scale.dontKnow} ("weet ik niet") and an empty cell are missing values. A reverse-keyed item`,
		`(marked R) is scored ${book.scale.max + book.scale.min} minus the answer before any figure is computed.`,
		'',
		'## Aspects',
		'',
		'| id | nl | en | about |',
		'|---|---|---|---|',
		...book.aspects.map(
			(a) => `| \`${a.id}\` | ${cell(a.label.nl)} | ${cell(a.label.en)} | ${cell(a.explanation.nl)} |`
		),
		''
	);

	push('## Statements', '');
	for (const aspect of book.aspects) {
		push(
			`### ${aspect.label.nl} (\`${aspect.id}\`)`,
			'',
			'| variable | R | employee (nl) | employee (en) | owner (nl) | owner (en) |',
			'|---|---|---|---|---|---|'
		);
		for (const item of book.items.filter((i) => i.aspect === aspect.id)) {
			push(
				`| \`${item.id}\` | ${item.reverse ? 'R' : ''} | ${cell(item.text.nl)} | ${cell(item.text.en)} | ` +
					`${cell(item.ownerText.nl)} | ${cell(item.ownerText.en)} |`
			);
		}
		push('');
	}

	push(
		'## Background questions (employees only, all optional)',
		'',
		'A team breakdown uses the team list the owner gives for each round; its codes are 1, 2, ... in the order',
		'of that list.',
		''
	);
	for (const question of book.background) {
		push(`### \`${question.id}\`: ${cell(question.question.nl)} / ${cell(question.question.en)}`, '');
		if (question.dynamic) {
			push('Categories: the teams of the round (dynamic).', '');
			continue;
		}
		push('| id | code | nl | en |', '|---|---|---|---|');
		for (const c of question.categories) {
			push(`| \`${c.id}\` | ${c.code} | ${cell(c.label.nl)} | ${cell(c.label.en)} |`);
		}
		push('');
	}

	push('## Learning in the last year, need, intention and barriers (employees only)', '');
	for (const question of book.learning) {
		push(`### \`${question.id}\` (${kindLabel[question.kind]})`, '');
		push(`- nl: ${question.question.nl}`, `- en: ${question.question.en}`);
		if (question.description) {
			push(`- explanation nl: ${question.description.nl}`, `- explanation en: ${question.description.en}`);
		}
		if (question.kind === 'scale') push('- answers: the answer scale above');
		push('');
		if (question.options) {
			const multiple = question.kind === 'multiple_choice';
			push(
				multiple ? '| option id | export variable (0/1) | nl | en |' : '| id | code | nl | en |',
				'|---|---|---|---|',
				...question.options.map(
					(o) => `| \`${o.id}\` | ${multiple ? `\`${o.code}\`` : o.code} | ${cell(o.label.nl)} | ${cell(o.label.en)} |`
				),
				''
			);
		}
	}

	push('## Open questions (employees and owner)', '');
	push('| variable | max characters | employee (nl) | employee (en) | owner (nl) | owner (en) |', '|---|---|---|---|---|---|');
	for (const question of book.open) {
		push(
			`| \`${question.id}\` | ${question.maxLength} | ${cell(question.text.nl)} | ${cell(question.text.en)} | ` +
				`${cell(question.ownerText.nl)} | ${cell(question.ownerText.en)} |`
		);
	}
	push('');

	for (const addOn of book.addOns) {
		push(`## Add-on of a round: \`${addOn.pattern}\` (employees only, optional)`, '');
		push(`${addOn.description.en}`, '', `${addOn.description.nl}`, '');
		push('| variable | type | nl | en | missing codes |', '|---|---|---|---|---|');
		push(`| \`${addOn.pattern}\` | ${addOn.type} | ${cell(addOn.text.nl)} | ${cell(addOn.text.en)} | ${addOn.missing.join(', ')} |`, '');
		push('Answered on the answer scale above; not part of any aspect score. The instrument version does not change. In a respondent export these columns follow the statements; the CSV import of answers does not take them.', '');
	}

	const language = book.variables.find((v) => v.name === 'language');
	if (language) {
		push('## The survey language: `language` (employees only)', '');
		push(
			'The language the respondent filled in the questionnaire in (the one chosen on the page, or else the browser\'s). It is in',
			'respondent-level exports only, which go to researchers with a data agreement. The report shows it only as counts per',
			'language under the disclosure rules (at least k per language shown, the rest 0 or at least k), never per person.',
			'Empty: not known (responses stored before the language was kept, and imported answers). A new language gets the next code.',
			''
		);
		push('| code | nl | en |', '|---|---|---|');
		for (const value of language.values) push(`| ${value.code} | ${cell(value.label.nl)} | ${cell(value.label.en)} |`);
		push('');
	}

	const translated = surveyLocales.filter((locale) => locale !== 'nl' && locale !== 'en');
	push(
		'## The texts in the other languages a respondent can choose',
		'',
		'Every text above as respondents read it in ' + translated.map((l) => `${languageNames[l]} (${l})`).join(', ') + ', from',
		'`content/instrument/' + book.version + '.<language>.json`. Ids, codes and scales are the same in every language, so',
		'answers given in any language are comparable. Where: the text\'s place in the codebook JSON.',
		''
	);
	const places = textsOf(book);
	for (const locale of translated) {
		push(`### ${languageNames[locale]} (\`${locale}\`)`, '', '| where | text |', '|---|---|');
		for (const { where, text } of places) if (text[locale]) push(`| \`${where}\` | ${cell(text[locale])} |`);
		push('');
	}

	push('## All export variables, in order', '', '| variable | type | missing codes |', '|---|---|---|');
	for (const variable of book.variables) {
		push(`| \`${variable.name}\` | ${variable.type}${variable.dynamic ? ' (dynamic)' : ''} | ${variable.missing.join(', ')} |`);
	}
	push('');
	return lines.join('\n');
}

/**
 * Every text of the codebook with its place (ids, not positions, where a list has them), in codebook order. The
 * export variables repeat the texts above them and the add-ons are written in Dutch and English only: left out.
 */
function textsOf(tree: unknown, where = ''): { where: string; text: Partial<Record<SurveyLocale, string>> }[] {
	if (tree === null || typeof tree !== 'object') return [];
	if (!Array.isArray(tree) && 'nl' in tree && 'en' in tree) return [{ where, text: tree as Partial<Record<SurveyLocale, string>> }];
	const join = (key: string) => (where ? `${where}.${key}` : key);
	if (Array.isArray(tree)) return tree.flatMap((child: unknown, i) => textsOf(child, join(nameOf(child) ?? String(i))));
	return Object.entries(tree)
		.filter(([key]) => where !== '' || (key !== 'variables' && key !== 'addOns'))
		.flatMap(([key, child]) => textsOf(child, join(key)));
}

function nameOf(entry: unknown): string | undefined {
	if (entry === null || typeof entry !== 'object') return undefined;
	const named = entry as { id?: unknown; code?: unknown };
	return named.id !== undefined ? String(named.id) : named.code !== undefined ? String(named.code) : undefined;
}
