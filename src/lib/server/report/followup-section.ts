// The report's section about the round's questions on finished actions ("Heeft … geholpen?"): one row per
// action, its figures only from k opinions and hidden by the same disclosure control as the items.
import type { AppLocale } from '../../domain/instrument';
import type { Report } from '../../domain/report';
import type { Block, Section } from './document';
import { formatCount, formatScore, formatShare } from './format';
import * as m from '../../paraglide/messages.js';

type O = { locale: AppLocale };

/** Null when the round asked about no action. */
export function followupSection(report: Report, o: O): Section | null {
	if (report.followups.length === 0) return null;
	const { locale } = o;
	const k = report.threshold;
	const blocks: Block[] = [
		{ kind: 'paragraph', text: m.followup_report_intro({ k }, o) },
		{
			kind: 'table',
			caption: m.followup_report_caption({}, o),
			head: [m.followup_report_col_action({}, o), m.followup_report_col_n({}, o), m.followup_report_col_mean({}, o), m.followup_report_col_favourable({}, o)],
			numericFrom: 1,
			rows: report.followups.map((f) => {
				const statement = m.followup_statement({ title: f.title }, o);
				const withheld = report.withheld.find((w) => w.measure === `followup:${f.id}` && w.group === null);
				if (withheld && withheld.shownFrom === null) return { header: statement, hidden: m.followup_report_hidden({}, o) };
				const e = f.employee;
				if (e.distribution === null) return { header: statement, hidden: m.followup_report_too_few({ k }, o) };
				const answers = m.followup_report_answers(
					{
						disagree: formatCount((e.distribution['1'] ?? 0) + (e.distribution['2'] ?? 0), locale),
						neutral: formatCount(e.distribution['3'] ?? 0, locale),
						agree: formatCount((e.distribution['4'] ?? 0) + (e.distribution['5'] ?? 0), locale),
						dontKnow: formatCount(e.distribution['9'] ?? 0, locale)
					},
					o
				);
				const from = withheld?.shownFrom ? ` ${m.followup_report_from_version({ version: withheld.shownFrom }, o)}` : '';
				return { header: statement, note: `${answers}${from}`, cells: [formatCount(e.n, locale), formatScore(e.mean, locale), formatShare(e.favourable, locale)] };
			})
		},
		{ kind: 'paragraph', text: m.followup_report_scale_note({}, o), muted: true }
	];
	return { id: 'lk-followups', title: m.followup_report_title({}, o), blocks };
}
