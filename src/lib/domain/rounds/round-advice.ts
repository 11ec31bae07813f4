// Advice on the new-round form, from the calendar and the firm's size; pure, so it is tested without a clock.

export type Season = 'spring' | 'autumn';

/**
 * The half-year a day falls in, as owners name their rounds ("Voorjaar 2027", "Najaar 2026"): January to June
 * is spring, July to December autumn. `day` is YYYY-MM-DD.
 */
export function seasonOf(day: string): { season: Season; year: number } {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	return { season: month <= 6 ? 'spring' : 'autumn', year };
}

/**
 * A firm that can just reach k, but with little to spare: with fewer than twice k employees, a few who do not
 * take part mean no report at all. Below k there is no report in any case (said elsewhere).
 */
export function fewEmployeesForThreshold(employees: number, threshold: number): boolean {
	return employees >= threshold && employees < 2 * threshold;
}
