import { effectiveThreshold } from './threshold';

/**
 * Disclosure control for one published measure (an aspect's scores, an item's answers, a yes/no question),
 * exactly as DESIGN.md "Disclosure control (exact)" says. Generic over units: respondents today, firms for
 * network figures later. A unit is any string id; it is never linked to a person here.
 *
 * The published figures of a set (count, mean, shares, SD) give the sum of any value over that set. A set
 * of units is exposed when it is a union of atoms (units that belong to exactly the same shown sets) holding
 * 1 to k-1 units and its indicator vector over the atoms lies in the span of the shown sets' vectors: its sum
 * then follows from published figures. The span test is exact (bigint elimination), so rounding can never
 * hide an exposure.
 */

export interface ShownSet {
	id: string;
	members: readonly string[];
	/**
	 * Units whose figures this figure subtracts: a change (the after rounds of some firms minus their before
	 * rounds) shows the sum over `members` minus the sum over `minus`, not two sums. Absent for a plain set.
	 */
	minus?: readonly string[];
}

export interface NewShownSet extends ShownSet {
	/** A breakdown group (hidden first when the search is over budget), not the measure's total. */
	group: boolean;
	/** Tie-break when two sets are equally small: the higher is hidden first (later question, later category). */
	order: number;
	/** False for a set the caller cannot hide; it still counts as shown. */
	hideable?: boolean;
}

export interface MeasureDisclosureInput {
	k?: number;
	/** The sets the new version would show for this measure. */
	shown: readonly NewShownSet[];
	/** Every set already published for this measure in earlier versions; these never change. */
	earlier: readonly ShownSet[];
	/** Candidate checks allowed for this measure before its breakdown groups are hidden instead. */
	budget?: number;
}

export interface MeasureDisclosure {
	/** Ids of new sets to hide, in the order they were hidden. */
	hidden: string[];
	/** The search needed more than the budget, so the breakdown groups were hidden without it. */
	overBudget: boolean;
	checks: number;
}

export const defaultDisclosureBudget = 1_000_000;

/**
 * Decides which of the new version's sets to hide so that nothing shown leaves a set exposed. While an
 * exposed set exists, the smallest new set without which that set is no longer in the span is hidden (ties:
 * the higher `order`). Earlier sets are never hidden: they were published.
 */
export function discloseMeasure(input: MeasureDisclosureInput): MeasureDisclosure {
	const k = effectiveThreshold(input.k);
	const budget = input.budget ?? defaultDisclosureBudget;
	if (!(budget > 0 && Number.isFinite(budget))) throw new Error('The disclosure search needs a finite budget');
	const hidden: string[] = [];
	const hiddenIds = new Set<string>();
	let checks = 0;
	let overBudget = false;
	const hide = (set: NewShownSet) => {
		hiddenIds.add(set.id);
		hidden.push(set.id);
	};
	// Empty sets show nothing and take part in nothing.
	const earlier = input.earlier.filter((s) => s.members.length + (s.minus?.length ?? 0) > 0);
	for (;;) {
		const fresh = input.shown.filter((s) => !hiddenIds.has(s.id) && s.members.length + (s.minus?.length ?? 0) > 0);
		const sets: ShownSet[] = [...earlier, ...fresh];
		const search = findExposure(sets, k, Math.max(1, budget - checks));
		checks += search.checks;
		if (search.overBudget) {
			overBudget = true;
			const groups = fresh.filter((s) => s.group && s.hideable !== false);
			// Without breakdown groups only totals are left, which the search handles at once; should even that
			// be too much, nothing new is shown.
			const next = groups.length > 0 ? groups : fresh.filter((s) => s.hideable !== false);
			if (next.length === 0) break;
			for (const set of next) hide(set);
			continue;
		}
		if (!search.exposed) break;
		const chosen = setToHide(search.exposed, fresh, earlier.length);
		if (chosen.length === 0) break;
		for (const set of chosen) hide(set);
	}
	return { hidden, overBudget, checks };
}

/** Priority for hiding: smallest first, then the later question or category. */
function hideFirst(a: NewShownSet, b: NewShownSet): number {
	return a.members.length - b.members.length || b.order - a.order;
}

/**
 * The new set to hide for one exposed set: the smallest that every way of writing the exposed vector as a
 * combination of shown sets needs. If no new set is needed by all of them (which would mean earlier versions
 * alone expose it), every hideable new set that takes part in one combination goes, or else all of them.
 */
function setToHide(exposure: Exposure, fresh: readonly NewShownSet[], earlierCount: number): NewShownSet[] {
	const hideable = fresh.map((set, i) => ({ set, i })).filter(({ set }) => set.hideable !== false);
	const needed = hideable.filter(({ i }) => exposure.essential[earlierCount + i]);
	if (needed.length > 0) return [needed.map(({ set }) => set).sort(hideFirst)[0]!];
	const used = hideable.filter(({ i }) => exposure.used[earlierCount + i]).map(({ set }) => set);
	if (used.length > 0) return [used.sort(hideFirst)[0]!];
	return hideable.map(({ set }) => set);
}

export interface Exposure {
	/** The units of the exposed set. */
	units: string[];
	/** Per shown set (in the order given): needed in every combination that yields the exposed set. */
	essential: boolean[];
	/** Per shown set: has a non-zero weight in one combination that yields the exposed set. */
	used: boolean[];
}

export interface ExposureSearch {
	exposed: Exposure | null;
	overBudget: boolean;
	checks: number;
}

/**
 * Finds a set of 1 to k-1 units whose indicator vector is in the span of the given sets, or says there is
 * none. With N a basis of the null space {v : A v = 0} over the atoms, a union of atoms is in the span exactly
 * when the rows of N over its atoms sum to zero. Only atoms under k units can take part, so the unions to test
 * are the 0/1 vectors z over those small atoms with z N = 0: the vectors of the span that are zero on every
 * large atom. The echelon form of A with the large atoms' columns first gives a basis of exactly that space
 * (the rows whose pivot lies among the small atoms, each pivot the only non-zero in its column), so every such
 * z is the sum of the basis rows whose pivot it contains. The search runs over those few rows (at most one
 * per shown set), smallest atoms first, never past k-1 units; every sum is exact.
 */
export function findExposure(sets: readonly ShownSet[], kGiven: number, budget = defaultDisclosureBudget): ExposureSearch {
	const k = Math.max(1, Math.floor(kGiven));
	const atoms = atomsOf(sets);
	if (atoms.length === 0) return { exposed: null, overBudget: false, checks: 0 };
	// Columns: large atoms first, then the small ones from smallest to largest.
	const order = atoms
		.map((atom, index) => ({ size: atom.units.length, index }))
		.sort((a, b) => Number(a.size < k) - Number(b.size < k) || (a.size < k ? a.size - b.size : 0) || a.index - b.index)
		.map(({ index }) => index);
	const firstSmall = order.findIndex((index) => atoms[index]!.units.length < k);
	if (firstSmall < 0) return { exposed: null, overBudget: false, checks: 0 };
	const matrix = sets.map((_, s) => order.map((index) => atoms[index]!.sets.get(s) ?? 0n));
	const { rows, pivots } = echelon(matrix, order.length);
	const basis = rows.flatMap((row, i) => (pivots[i]! >= firstSmall ? [{ row, pivot: pivots[i]! }] : []));
	if (basis.length === 0) return { exposed: null, overBudget: false, checks: 0 };
	// Scaled to one common pivot value L, a union is a sum of basis rows whose entries are all 0 or L.
	let common = 1n;
	for (const { row, pivot } of basis) {
		const p = row[pivot]! < 0n ? -row[pivot]! : row[pivot]!;
		common = (common * p) / gcd(common, p);
	}
	let largest = common;
	const scaledBig = basis.map(({ row, pivot }) => {
		const factor = common / row[pivot]!;
		const entries: { column: number; value: bigint }[] = [];
		for (let c = firstSmall; c < row.length; c++) {
			if (row[c] === 0n) continue;
			const value = row[c]! * factor;
			if ((value < 0n ? -value : value) > largest) largest = value < 0n ? -value : value;
			entries.push({ column: c, value });
		}
		return { pivot, entries };
	});
	// Sums of these whole numbers are exact in floating point while they stay under 2^53; beyond that (never
	// seen for sets of people) the search gives up as if over budget, which hides rather than risks.
	if (largest * BigInt(basis.length + 1) >= 2n ** 52n) return { exposed: null, overBudget: true, checks: 0 };
	const L = Number(common);
	const scaled = scaledBig.map(({ pivot, entries }) => ({ pivot, columns: entries.map((e) => e.column), values: entries.map((e) => Number(e.value)) }));
	const sizeOf = (column: number) => atoms[order[column]!]!.units.length;
	// The last basis row that touches a column: once the search is past it, that column's value is final.
	const lastTouch = new Int32Array(order.length).fill(-1);
	scaled.forEach(({ columns }, b) => columns.forEach((c) => (lastTouch[c] = b)));
	const sum = new Float64Array(order.length);
	// Kept up to date per row added: columns neither 0 nor L, and units in columns at L, each counted by the
	// last row that touches the column, so that what is final after row b is the count up to b.
	const wrongBy = new Int32Array(scaled.length);
	const unitsBy = new Float64Array(scaled.length);
	let wrong = 0;
	let units = 0;
	const account = (c: number, value: number, sign: 1 | -1) => {
		const t = lastTouch[c]!;
		if (value === L) {
			unitsBy[t] = unitsBy[t]! + sign * sizeOf(c);
			units += sign * sizeOf(c);
		} else if (value !== 0) {
			wrongBy[t] = wrongBy[t]! + sign;
			wrong += sign;
		}
	};
	const add = (b: number, sign: 1 | -1) => {
		const { columns, values } = scaled[b]!;
		for (let i = 0; i < columns.length; i++) {
			const c = columns[i]!;
			account(c, sum[c]!, -1);
			sum[c] = sum[c]! + sign * values[i]!;
			account(c, sum[c]!, 1);
		}
	};
	let checks = 0;
	let found: number[] | null = null;
	/** After choosing row `last`: is the running sum a union under k, or can no later row make it one? */
	const judge = (last: number): 'exposed' | 'dead' | 'open' => {
		let finalUnits = 0;
		for (let t = 0; t <= last; t++) {
			if (wrongBy[t]! > 0) return 'dead';
			finalUnits += unitsBy[t]!;
		}
		if (finalUnits > k - 1) return 'dead';
		return wrong === 0 && units >= 1 && units <= k - 1 ? 'exposed' : 'open';
	};
	const visit = (after: number, pivotUnits: number): boolean => {
		for (let b = after + 1; b < scaled.length; b++) {
			// Each chosen row puts its pivot's atom in the union, and pivots come smallest first.
			if (pivotUnits + sizeOf(scaled[b]!.pivot) > k - 1) break;
			checks += 1;
			if (checks > budget) return true;
			add(b, 1);
			const verdict = judge(b);
			if (verdict === 'exposed') {
				found = [];
				for (let c = firstSmall; c < order.length; c++) if (sum[c] === L) found.push(c);
				return true;
			}
			const stop = verdict === 'open' && visit(b, pivotUnits + sizeOf(scaled[b]!.pivot));
			add(b, -1);
			if (stop) return true;
		}
		return false;
	};
	visit(-1, 0);
	if (!found) return { exposed: null, overBudget: checks > budget, checks };
	const columns = new Set(found as number[]);
	const exposedUnits = [...columns].sort((a, b) => a - b).flatMap((c) => atoms[order[c]!]!.units);
	const inUnion = new Set([...columns].map((c) => order[c]!));
	const original = sets.map((_, s) => atoms.map((atom) => atom.sets.get(s) ?? 0n));
	const indicator = atoms.map((_, index) => (inUnion.has(index) ? 1n : 0n));
	return { exposed: { units: exposedUnits, ...roles(original, indicator) }, overBudget: false, checks };
}

interface Atom {
	units: string[];
	/** The coefficient of these units in each set they take part in: 1, or -1 where a change subtracts them. */
	sets: Map<number, bigint>;
}

/**
 * Units that take part in exactly the same sets with the same sign, in the order first met. A unit both
 * added and subtracted by one set (never meant) counts as neither.
 */
function atomsOf(sets: readonly ShownSet[]): Atom[] {
	const membership = new Map<string, Map<number, bigint>>();
	const note = (unit: string, s: number, sign: bigint) => {
		let list = membership.get(unit);
		if (!list) membership.set(unit, (list = new Map()));
		list.set(s, (list.get(s) ?? 0n) + sign);
	};
	sets.forEach((set, s) => {
		for (const unit of new Set(set.members)) note(unit, s, 1n);
		for (const unit of new Set(set.minus ?? [])) note(unit, s, -1n);
	});
	const atoms = new Map<string, Atom>();
	for (const [unit, list] of membership) {
		const signs = new Map([...list].filter(([, sign]) => sign !== 0n));
		if (signs.size === 0) continue;
		const key = [...signs].map(([s, sign]) => `${s}:${sign}`).join(',');
		const atom = atoms.get(key);
		if (atom) atom.units.push(unit);
		else atoms.set(key, { units: [unit], sets: signs });
	}
	return [...atoms.values()];
}

function gcd(a: bigint, b: bigint): bigint {
	a = a < 0n ? -a : a;
	b = b < 0n ? -b : b;
	while (b !== 0n) [a, b] = [b, a % b];
	return a;
}

interface Echelon {
	rows: bigint[][];
	/** Column of each row's pivot. */
	pivots: number[];
}

/**
 * Reduced row echelon form over the integers (bigint, so exact whatever the sizes): each pivot is the only
 * non-zero in its column. Every row is divided by the common divisor of its entries to keep them small.
 */
function echelon(matrix: readonly (readonly bigint[])[], columns: number): Echelon {
	const rows = matrix.map((row) => [...row]);
	const pivots: number[] = [];
	let rank = 0;
	for (let col = 0; col < columns && rank < rows.length; col++) {
		const at = rows.findIndex((row, r) => r >= rank && row[col] !== 0n);
		if (at < 0) continue;
		[rows[rank], rows[at]] = [rows[at]!, rows[rank]!];
		const pivotRow = rows[rank]!;
		const pivot = pivotRow[col]!;
		for (let r = 0; r < rows.length; r++) {
			const row = rows[r]!;
			const factor = row[col]!;
			if (r === rank || factor === 0n) continue;
			let common = 0n;
			for (let c = 0; c < row.length; c++) {
				row[c] = row[c]! * pivot - pivotRow[c]! * factor;
				common = gcd(common, row[c]!);
			}
			if (common > 1n) for (let c = 0; c < row.length; c++) row[c] = row[c]! / common;
		}
		pivots.push(col);
		rank += 1;
	}
	return { rows: rows.slice(0, rank), pivots };
}

/**
 * Which shown sets an exposed vector x needs. Solving y A = x (rows of A are the sets): with the echelon form
 * of [A^T | x], a set is needed by every solution when it is a pivot with a non-zero value and no free set can
 * stand in for it, and it is used by the particular solution when its value is non-zero.
 */
function roles(matrix: readonly (readonly bigint[])[], x: readonly bigint[]): { essential: boolean[]; used: boolean[] } {
	const sets = matrix.length;
	const transposed = x.map((value, atom) => [...matrix.map((row) => row[atom]!), value]);
	const { rows, pivots } = echelon(transposed, sets);
	const pivotSet = new Set(pivots);
	const essential = new Array<boolean>(sets).fill(false);
	const used = new Array<boolean>(sets).fill(false);
	rows.forEach((row, i) => {
		const set = pivots[i]!;
		if (row[sets] === 0n) return;
		used[set] = true;
		let alone = true;
		for (let c = 0; c < sets; c++) if (!pivotSet.has(c) && row[c] !== 0n) alone = false;
		essential[set] = alone;
	});
	return { essential, used };
}
