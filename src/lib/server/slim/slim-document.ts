// From a SLIM draft to the document the page, the PDF and the text download all show: headings, paragraphs,
// lists and one table, in Dutch (the application is Dutch). Every page and file says it is a draft, that the
// official templates and e-form must be used, where to apply, and that the rules must be checked.
import type { SlimDraft, SlimPlannedAction } from '../../domain/slim/draft';
import { provinceLabel, sectorLabel } from '../../firm-labels';
import { formatDay, formatScore } from '../report/format';
import * as m from '../../paraglide/messages.js';

/** Where to apply, and the two sources of the rules stated in the draft (see the project's research notes). */
export const SLIM_APPLY_URL = 'https://www.uitvoeringvanbeleidszw.nl/subsidies-en-regelingen/slim/aanvragen';
export const SLIM_RULES_URL = 'https://zoek.officielebekendmakingen.nl/stcrt-2024-41822.html';

export interface SlimSection {
	heading: string;
	paragraphs: string[];
	items: string[];
	table: { head: string[]; rows: string[][] } | null;
}

export interface SlimDocument {
	title: string;
	/** The draft warning, shown first on every page and file. */
	notice: string[];
	sections: SlimSection[];
	footer: string;
}

const o = { locale: 'nl' as const };
const day = (iso: string) => formatDay(iso, 'nl');
const section = (heading: string, parts: Partial<Omit<SlimSection, 'heading'>>): SlimSection => ({ heading, paragraphs: [], items: [], table: null, ...parts });

const statusText: Record<SlimPlannedAction['status'], () => string> = {
	'niet-gestart': () => m.menukaart_slim_status_niet_gestart({}, o),
	bezig: () => m.menukaart_slim_status_bezig({}, o),
	klaar: () => m.menukaart_slim_status_klaar({}, o),
	gestopt: () => m.menukaart_slim_status_gestopt({}, o)
};

function planning(a: SlimPlannedAction): string {
	if (a.startsOn && a.dueOn) return m.menukaart_slim_planning_both({ start: day(a.startsOn), due: day(a.dueOn) }, o);
	if (a.dueOn) return m.menukaart_slim_planning_due({ due: day(a.dueOn) }, o);
	if (a.startsOn) return m.menukaart_slim_planning_start({ start: day(a.startsOn) }, o);
	return m.menukaart_slim_planning_none({}, o);
}

function actionLine(a: SlimPlannedAction): string {
	const parts = [a.title];
	if (a.why) parts.push(m.menukaart_slim_action_why({ why: a.why }, o));
	if (a.aspect) parts.push(m.menukaart_slim_action_aspect({ aspect: a.aspect }, o));
	if (a.entry) parts.push(m.menukaart_slim_action_entry({ entry: a.entry.title }, o));
	parts.push(m.menukaart_slim_action_who({ who: a.who ?? m.menukaart_slim_action_who_open({}, o) }, o));
	parts.push(planning(a));
	parts.push(m.menukaart_slim_action_status({ status: statusText[a.status]() }, o));
	if (a.part === 'c') parts.push(m.menukaart_slim_action_part_c({}, o));
	return parts.join(' · ');
}

export function slimDocument(draft: SlimDraft): SlimDocument {
	const { firm, scan } = draft;
	return {
		title: m.menukaart_slim_doc_title({ firm: firm.name }, o),
		notice: [m.menukaart_slim_notice_draft({}, o), m.menukaart_slim_notice_templates({}, o), m.menukaart_slim_notice_apply({ url: SLIM_APPLY_URL }, o)],
		sections: [
			section(m.menukaart_slim_doc_firm({}, o), {
				items: [
					m.menukaart_slim_firm_name({ name: firm.name }, o),
					m.menukaart_slim_firm_sector({ sector: sectorLabel(firm.sector, 'nl') }, o),
					m.menukaart_slim_firm_province({ province: provinceLabel(firm.province, 'nl') }, o),
					m.menukaart_slim_firm_employees({ employees: String(firm.employees), sizeClass: firm.sizeClass }, o)
				]
			}),
			section(m.menukaart_slim_doc_activity({}, o), {
				paragraphs: [m.menukaart_slim_activity_a({}, o), ...(draft.partC ? [m.menukaart_slim_activity_c({}, o)] : [])]
			}),
			section(m.menukaart_slim_doc_scan({}, o), {
				paragraphs: [
					m.menukaart_slim_scan_intro({ round: scan.roundName, opensOn: day(scan.opensOn), closesOn: day(scan.closesOn), count: String(scan.employeeResponses) }, o),
					m.menukaart_slim_scan_version({ version: String(scan.version), date: day(scan.publishedOn), k: String(scan.threshold) }, o),
					...(scan.strengths.length > 0 ? [m.menukaart_slim_scan_strengths({ aspects: scan.strengths.join(', ') }, o)] : []),
					...(scan.toGrow.length > 0 ? [m.menukaart_slim_scan_to_grow({ aspects: scan.toGrow.join(', ') }, o)] : [])
				],
				table: {
					head: [m.menukaart_slim_table_aspect({}, o), m.menukaart_slim_table_employees({}, o), m.menukaart_slim_table_owner({}, o)],
					rows: scan.aspects.map((a) => [a.label, formatScore(a.employeeMean, 'nl'), formatScore(a.ownerMean, 'nl')])
				}
			}),
			section(m.menukaart_slim_doc_plan({}, o), {
				paragraphs: [draft.actions.length > 0 ? m.menukaart_slim_plan_intro({}, o) : m.menukaart_slim_plan_none({}, o)],
				items: draft.actions.map(actionLine)
			}),
			...(draft.entries.length > 0
				? [section(m.menukaart_slim_doc_entries({}, o), { items: draft.entries.map((e) => `${e.title}: ${e.summary}`) })]
				: []),
			section(m.menukaart_slim_doc_rules({}, o), {
				paragraphs: [m.menukaart_slim_rules_check({}, o)],
				items: [
					m.menukaart_slim_rules_single({}, o),
					m.menukaart_slim_rules_share({}, o),
					m.menukaart_slim_rules_partnership({}, o),
					m.menukaart_slim_rules_documents({}, o),
					m.menukaart_slim_rules_spend({}, o),
					m.menukaart_slim_rules_source({ apply: SLIM_APPLY_URL, rules: SLIM_RULES_URL }, o)
				]
			}),
			section(m.menukaart_slim_doc_todo({}, o), {
				items: [m.menukaart_slim_todo_budget({}, o), m.menukaart_slim_todo_who({}, o), m.menukaart_slim_todo_forms({}, o)]
			})
		],
		footer: m.menukaart_slim_footer({}, o)
	};
}

/** The same document as plain Markdown text, to copy into the official template and edit there. */
export function slimMarkdown(doc: SlimDocument): string {
	const lines = [`# ${doc.title}`, '', ...doc.notice.map((n) => `> ${n}`), ''];
	for (const s of doc.sections) {
		lines.push(`## ${s.heading}`, '');
		for (const p of s.paragraphs) lines.push(p, '');
		if (s.table) {
			lines.push(`| ${s.table.head.join(' | ')} |`, `| ${s.table.head.map(() => '---').join(' | ')} |`);
			for (const row of s.table.rows) lines.push(`| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
			lines.push('');
		}
		for (const item of s.items) lines.push(`- ${item.replace(/\n+/g, ' ')}`);
		if (s.items.length > 0) lines.push('');
	}
	lines.push('---', '', doc.footer, '');
	return lines.join('\n');
}
