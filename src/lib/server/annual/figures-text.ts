// The platform's figures in words, for a progress talk and the annual report. Each sentence names where
// a number comes from and how sure it is; none says "significant", and where there is no figure it says so.
import type { BenchmarkFindings, EffectWord, IntervalPlace, PilotAspectFinding, PilotFindings, TalkFigures } from '../../domain/annual/figures';
import { findAspect, loadInstrument, currentInstrumentVersion, type AppLocale } from '../../domain/instrument';
import { formatCount, formatGap, formatScore } from '../report/format';
import * as m from '../../paraglide/messages.js';

export function aspectName(id: string, locale: AppLocale): string {
	return findAspect(loadInstrument(currentInstrumentVersion), id)?.label[locale] ?? id;
}

/** Two decimals for a difference or an effect size: one decimal would round most pilot effects to 0,1. */
function gap2(value: number, locale: AppLocale): string {
	const rounded = Math.round(value * 100) / 100;
	return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(
		rounded === 0 ? 0 : rounded
	);
}

const effectWords: Record<EffectWord, (locale: AppLocale) => string> = {
	negligible: (locale) => m.annual_effect_negligible({}, { locale }),
	small: (locale) => m.annual_effect_small({}, { locale }),
	medium: (locale) => m.annual_effect_medium({}, { locale }),
	large: (locale) => m.annual_effect_large({}, { locale })
};

const placeWords: Record<IntervalPlace, (values: { low: string; high: string }, locale: AppLocale) => string> = {
	'above-zero': (v, locale) => m.annual_fig_interval_above(v, { locale }),
	'around-zero': (v, locale) => m.annual_fig_interval_around(v, { locale }),
	'below-zero': (v, locale) => m.annual_fig_interval_below(v, { locale })
};

/** One aspect of a pilot's evaluation in words. */
export function pilotAspectSentence(finding: PilotAspectFinding, locale: AppLocale): string {
	const o = { locale };
	const aspect = aspectName(finding.aspect, locale);
	if (finding.kind === 'too-few') {
		return m.annual_fig_pilot_too_few(
			{ aspect, pilotFirms: formatCount(finding.pilotFirms, locale), comparisonFirms: formatCount(finding.comparisonFirms, locale), threshold: String(finding.threshold) },
			o
		);
	}
	const parts: string[] = [
		m.annual_fig_pilot_change(
			{
				aspect,
				pilotFirms: formatCount(finding.pilotFirms, locale),
				comparisonFirms: formatCount(finding.comparisonFirms, locale),
				pilotChange: finding.pilotChange === null ? formatGap(null, locale) : gap2(finding.pilotChange, locale),
				comparisonChange: finding.comparisonChange === null ? formatGap(null, locale) : gap2(finding.comparisonChange, locale),
				did: gap2(finding.did, locale)
			},
			o
		)
	];
	if (finding.interval && finding.place) parts.push(placeWords[finding.place]({ low: gap2(finding.interval[0], locale), high: gap2(finding.interval[1], locale) }, locale));
	if (finding.effectSize !== null && finding.effect) parts.push(m.annual_fig_effect({ size: gap2(finding.effectSize, locale), word: effectWords[finding.effect](locale) }, o));
	return parts.join(' ');
}

/** A pilot's evaluation in words: a summary line, then a sentence per aspect. */
export function pilotSentences(findings: PilotFindings | null, locale: AppLocale): { summary: string; aspects: string[] } {
	const o = { locale };
	if (!findings) return { summary: m.annual_fig_pilot_none({}, o), aspects: [] };
	const summary =
		findings.estimated === 0
			? m.annual_fig_pilot_summary_none({ threshold: String(findings.threshold) }, o)
			: m.annual_fig_pilot_summary(
					{
						estimated: String(findings.estimated),
						aspects: String(findings.aspects.length),
						above: String(findings.aboveZero),
						around: String(findings.aroundZero),
						below: String(findings.belowZero)
					},
					o
				);
	return { summary, aspects: findings.aspects.map((a) => pilotAspectSentence(a, locale)) };
}

export function benchmarkSentence(findings: BenchmarkFindings | null, locale: AppLocale): string {
	const o = { locale };
	if (!findings) return m.annual_fig_benchmark_none({}, o);
	const firms = formatCount(findings.firms, locale);
	if (!findings.highest || !findings.lowest) return m.annual_fig_benchmark_no_means({ firms, threshold: String(findings.threshold) }, o);
	return m.annual_fig_benchmark({
		firms,
		highest: aspectName(findings.highest.aspect, locale),
		highMean: formatScore(findings.highest.mean, locale),
		lowest: aspectName(findings.lowest.aspect, locale),
		lowMean: formatScore(findings.lowest.mean, locale)
	}, o);
}

/** The "figures" part of a progress talk in words: the pilot's evaluation (for a pilot) and the network's benchmark. */
export function talkFiguresText(figures: TalkFigures, options: { isPilot: boolean; locale: AppLocale }): string[] {
	const lines: string[] = [];
	if (options.isPilot) {
		const pilot = pilotSentences(figures.pilot, options.locale);
		lines.push(pilot.summary, ...pilot.aspects);
	}
	lines.push(benchmarkSentence(figures.benchmark, options.locale));
	return lines;
}
