// Master and apprentice (meester-gezel, issue 13): who could learn what from whom. Leerkompas proposes the pairs
// that cover the most wishes, counted as matched (wish, skill) pairs: an apprentice who wants to learn lassen and
// tekening lezen from a master who teaches both counts two. A master takes one apprentice at a time unless they
// allow more (capacity c: c slots); an apprentice has one master at a time; nobody is paired with themselves; a
// person can teach one colleague and learn from another.
//
// Ties go to whoever waited longest: among the assignments that cover the most wishes, the one whose covered
// wishes were recorded earliest, summed over those wishes (a wish recorded 100 days ago outweighs one of 60 days).
// Both come down to one number per possible pair, so the optimum is an assignment problem solved exactly by the
// Hungarian method (hungarian.ts), not a greedy guess: greedy can take a two-wish pair that blocks two others.
import { leastCostAssignment } from './hungarian';
import { labelKey } from './labels';

export interface Wish {
	label: string;
	/** The ISO day (YYYY-MM-DD) the wish was recorded: the longer ago, the sooner it counts. */
	since: string;
}

export interface PairingPerson {
	id: string;
	/** What they can teach (labels as typed). */
	teaches: readonly string[];
	/** How many apprentices they take at once now (their capacity minus those they already have); 0 teaches nobody. */
	slots: number;
	wishes: readonly Wish[];
}

export interface ProposedPair {
	masterId: string;
	apprenticeId: string;
	/** The apprentice's wishes the master teaches, oldest first (labels as the apprentice typed them). */
	covers: Wish[];
}

export interface ProposalValue {
	/** Matched (wish, skill) pairs. */
	matches: number;
	/** Days waited by the covered wishes, summed, counted from the day after the newest wish of anyone. */
	waited: number;
}

export interface ProposeInput {
	people: readonly PairingPerson[];
	/** Pairs that must not be proposed again (declined before, or already together). */
	excluded?: readonly { masterId: string; apprenticeId: string }[];
}

/** The wishes of `apprentice` that `master` teaches, oldest first. */
export function coveredWishes(master: Pick<PairingPerson, 'teaches'>, apprentice: Pick<PairingPerson, 'wishes'>): Wish[] {
	const taught = new Set(master.teaches.map(labelKey));
	const seen = new Set<string>();
	const covered: Wish[] = [];
	for (const wish of [...apprentice.wishes].sort(byWish)) {
		const key = labelKey(wish.label);
		if (!taught.has(key) || seen.has(key)) continue;
		seen.add(key);
		covered.push(wish);
	}
	return covered;
}

/** The value of a set of pairs: what proposePairs maximises, first `matches`, then `waited`. */
export function proposalValue(people: readonly PairingPerson[], pairs: readonly { masterId: string; apprenticeId: string }[]): ProposalValue {
	const byId = new Map(people.map((p) => [p.id, p]));
	const reference = referenceDay(people);
	let matches = 0;
	let waited = 0;
	for (const pair of pairs) {
		const covers = coveredWishes(byId.get(pair.masterId)!, byId.get(pair.apprenticeId)!);
		matches += covers.length;
		waited += covers.reduce((sum, w) => sum + reference - dayNumber(w.since), 0);
	}
	return { matches, waited };
}

/**
 * The best pairs: most matched (wish, skill) pairs, then the longest waits. Deterministic: the same people (in
 * any order) give the same pairs, ordered by the oldest covered wish, then by ids.
 */
export function proposePairs(input: ProposeInput): ProposedPair[] {
	const people = [...input.people].sort((a, b) => compare(a.id, b.id));
	const excluded = new Set((input.excluded ?? []).map((e) => `${e.masterId}\u0000${e.apprenticeId}`));
	const apprentices = people.filter((p) => p.wishes.length > 0);
	const slots = people.flatMap((p) => (p.teaches.length > 0 ? Array.from({ length: Math.max(0, Math.floor(p.slots)) }, () => p) : []));
	if (apprentices.length === 0 || slots.length === 0) return [];
	const reference = referenceDay(people);
	const covers = new Map<string, Wish[]>();
	let allWaited = 0;
	for (const a of apprentices) for (const w of a.wishes) allWaited += reference - dayNumber(w.since);
	// One covered wish must outweigh any total of waiting, so waiting only ever breaks ties.
	const perMatch = allWaited + 1;
	const weight = (master: PairingPerson, apprentice: PairingPerson): number => {
		if (master.id === apprentice.id || excluded.has(`${master.id}\u0000${apprentice.id}`)) return 0;
		const key = `${master.id}\u0000${apprentice.id}`;
		let covered = covers.get(key);
		if (!covered) {
			covered = coveredWishes(master, apprentice);
			covers.set(key, covered);
		}
		return covered.length * perMatch + covered.reduce((sum, w) => sum + reference - dayNumber(w.since), 0);
	};
	// Rows: apprentices. Columns: the masters' slots, then one "nobody" column per apprentice (weight 0).
	const cost = apprentices.map((a) => [...slots.map((m) => -weight(m, a)), ...apprentices.map(() => 0)]);
	const assignment = leastCostAssignment(cost);
	const pairs: ProposedPair[] = [];
	assignment.forEach((column, row) => {
		const apprentice = apprentices[row]!;
		const master = slots[column];
		if (!master || weight(master, apprentice) <= 0) return;
		pairs.push({ masterId: master.id, apprenticeId: apprentice.id, covers: covers.get(`${master.id}\u0000${apprentice.id}`)! });
	});
	return pairs.sort((a, b) => compare(a.covers[0]!.since, b.covers[0]!.since) || compare(a.apprenticeId, b.apprenticeId) || compare(a.masterId, b.masterId));
}

function byWish(a: Wish, b: Wish): number {
	return compare(a.since, b.since) || compare(labelKey(a.label), labelKey(b.label));
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The day after the newest wish: every covered wish then counts at least one day of waiting. */
function referenceDay(people: readonly PairingPerson[]): number {
	let newest = -Infinity;
	for (const p of people) for (const w of p.wishes) newest = Math.max(newest, dayNumber(w.since));
	return Number.isFinite(newest) ? newest + 1 : 0;
}

function dayNumber(isoDay: string): number {
	const [year, month, day] = isoDay.split('-').map(Number);
	return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / 86_400_000);
}
