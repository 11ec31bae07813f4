import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseMeasure, findExposure, type NewShownSet, type ShownSet } from './disclosure';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const fresh = (id: string, members: string[], order: number, group = true): NewShownSet => ({ id, members, order, group });

describe('discloseMeasure: the examples of issue 10', () => {
	it('team Winkel = five people of 55+ and one of 25-34 among 12: 6 x Winkel - 5 x 55+ is one person, so a group goes', () => {
		const older = ids('o', 5);
		const young = ['y1'];
		const werkplaats = ids('w', 6);
		const everyone = [...older, ...young, ...werkplaats];
		// Every shown group has at least 5; the other age groups (3, 3 and 1) are hidden already.
		const shown = [
			fresh('total', everyone, 0, false),
			fresh('age:55_plus', older, 5),
			fresh('team:Werkplaats', werkplaats, 10),
			fresh('team:Winkel', [...older, ...young], 11)
		];
		expect(findExposure(shown, 5).exposed?.units).toEqual(['y1']);
		const result = discloseMeasure({ k: 5, shown, earlier: [] });
		// Winkel can be written as total - Werkplaats, so 55+ is the one set every subtraction needs.
		expect(result.hidden).toEqual(['age:55_plus']);
		expect(findExposure(shown.filter((s) => !result.hidden.includes(s.id)), 5).exposed).toBeNull();
	});

	it('a group shown with n = 5 of which one has a score, while the total has 6 scores: the other group goes', () => {
		const a = ['a1'];
		const b = ids('b', 5);
		const shown = [fresh('total', [...a, ...b], 0, false), fresh('team:A', a, 10), fresh('team:B', b, 11)];
		const result = discloseMeasure({ k: 5, shown, earlier: [] });
		expect(result.hidden).toEqual(['team:A', 'team:B']);
		expect(findExposure(shown.filter((s) => !result.hidden.includes(s.id)), 5).exposed).toBeNull();
	});

	it('hides nothing where nothing is exposed', () => {
		const all = ids('r', 12);
		const shown = [fresh('total', all, 0, false), fresh('team:A', all.slice(0, 6), 10), fresh('team:B', all.slice(6), 11)];
		expect(discloseMeasure({ k: 5, shown, earlier: [] }).hidden).toEqual([]);
	});
});

describe('discloseMeasure across versions', () => {
	it('hides a total that grew by fewer than k since the last version, and keeps one that grew by k', () => {
		const v1: ShownSet[] = [{ id: 'v1:total', members: ids('r', 5) }];
		const grewBy3 = discloseMeasure({ k: 5, shown: [fresh('total', ids('r', 8), 0, false)], earlier: v1 });
		expect(grewBy3.hidden).toEqual(['total']);
		const grewBy5 = discloseMeasure({ k: 5, shown: [fresh('total', ids('r', 10), 0, false)], earlier: v1 });
		expect(grewBy5.hidden).toEqual([]);
	});

	it('hides a group that changed by fewer than k, even when every group is large', () => {
		const v1: ShownSet[] = [
			{ id: 'v1:total', members: ids('r', 10) },
			{ id: 'v1:team:A', members: ids('r', 5) }
		];
		const v2 = ids('r', 15);
		// team A grew by 2 (r11, r12), team B by 3; a version of 15 = 10 + 5 is allowed, the groups are not.
		const shown = [fresh('total', v2, 0, false), fresh('team:A', [...ids('r', 5), 'r11', 'r12'], 10), fresh('team:B', [...v2.slice(5, 10), 'r13', 'r14', 'r15'], 11)];
		const result = discloseMeasure({ k: 5, shown, earlier: v1 });
		expect(result.hidden.length).toBeGreaterThan(0);
		expect(findExposure([...v1, ...shown.filter((s) => !result.hidden.includes(s.id))], 5).exposed).toBeNull();
	});

	it('keeps the budget: over it, the breakdown groups are hidden instead of searched', () => {
		const all = ids('r', 40);
		// Sixteen atoms of 2 or 3 and k = 12: more unions to try than a budget of 3 checks allows.
		const shown = [fresh('total', all, 0, false), ...[0, 1, 2, 3].map((q) => fresh(`q${q}`, all.filter((_, i) => (i >> q) % 2 === 0), q + 1))];
		const result = discloseMeasure({ k: 12, shown, earlier: [], budget: 3 });
		expect(result.overBudget).toBe(true);
		expect(result.hidden).toEqual(['q0', 'q1', 'q2', 'q3']);
	});
});

// ---------------------------------------------------------------------------------------------------------
// An attacker written apart from the module: it enumerates every union of atoms under k and tests whether it
// lies in the span of the published sets by Gaussian elimination over exact rationals.

class Q {
	constructor(
		readonly n: bigint,
		readonly d: bigint = 1n
	) {}
	static of(n: bigint, d: bigint): Q {
		if (d < 0n) [n, d] = [-n, -d];
		let a = n < 0n ? -n : n;
		let b = d;
		while (b) [a, b] = [b, a % b];
		return a > 1n ? new Q(n / a, d / a) : new Q(n, d);
	}
	sub(o: Q): Q {
		return Q.of(this.n * o.d - o.n * this.d, this.d * o.d);
	}
	mul(o: Q): Q {
		return Q.of(this.n * o.n, this.d * o.d);
	}
	div(o: Q): Q {
		return Q.of(this.n * o.d, this.d * o.n);
	}
	get zero() {
		return this.n === 0n;
	}
}

/** Every exposed set the attacker can find in what was published: none may exist. */
function attack(published: readonly (readonly string[])[], k: number): string[] | null {
	const units = [...new Set(published.flat())];
	const signature = (u: string) => published.map((set) => (set.includes(u) ? '1' : '0')).join('');
	const atomMap = new Map<string, string[]>();
	for (const u of units) atomMap.set(signature(u), [...(atomMap.get(signature(u)) ?? []), u]);
	const atoms = [...atomMap.entries()].map(([sig, members]) => ({ sig, members }));
	// Reduced row echelon form of the published sets over the atoms, pivots normalised to 1.
	const rows: Q[][] = published.map((_, s) => atoms.map((a) => new Q(a.sig[s] === '1' ? 1n : 0n)));
	const pivots: number[] = [];
	let r = 0;
	for (let c = 0; c < atoms.length && r < rows.length; c++) {
		const p = rows.findIndex((row, i) => i >= r && !row[c]!.zero);
		if (p < 0) continue;
		[rows[r], rows[p]] = [rows[p]!, rows[r]!];
		const pv = rows[r]![c]!;
		rows[r] = rows[r]!.map((x) => x.div(pv));
		for (let i = 0; i < rows.length; i++) {
			if (i === r || rows[i]![c]!.zero) continue;
			const f = rows[i]![c]!;
			rows[i] = rows[i]!.map((x, j) => x.sub(f.mul(rows[r]![j]!)));
		}
		pivots.push(c);
		r++;
	}
	const inSpan = (x: Q[]) => {
		const rest = [...x];
		pivots.forEach((c, i) => {
			const f = rest[c]!;
			if (!f.zero) for (let j = 0; j < rest.length; j++) rest[j] = rest[j]!.sub(f.mul(rows[i]![j]!));
		});
		return rest.every((v) => v.zero);
	};
	// The residual is linear in x: a float sum of the atoms' residuals finds candidates, the exact test decides.
	const residual = atoms.map((_, a) => {
		const x = atoms.map((__, j) => new Q(j === a ? 1n : 0n));
		pivots.forEach((c, i) => {
			const f = x[c]!;
			if (!f.zero) for (let j = 0; j < x.length; j++) x[j] = x[j]!.sub(f.mul(rows[i]![j]!));
		});
		return x.map((v) => Number(v.n) / Number(v.d));
	});
	const small = atoms.map((a, i) => ({ i, size: a.members.length })).filter((a) => a.size < k);
	const picked: number[] = [];
	let found: string[] | null = null;
	const walk = (from: number, size: number, sum: number[]) => {
		if (found) return;
		if (picked.length > 0 && sum.every((v) => Math.abs(v) < 1e-7)) {
			const x = atoms.map((_, j) => new Q(picked.includes(j) ? 1n : 0n));
			if (inSpan(x)) {
				found = picked.flatMap((j) => atoms[j]!.members);
				return;
			}
		}
		for (let s = from; s < small.length; s++) {
			const { i, size: extra } = small[s]!;
			if (size + extra > k - 1) continue;
			picked.push(i);
			walk(s + 1, size + extra, sum.map((v, j) => v + residual[i]![j]!));
			picked.pop();
			if (found) return;
		}
	};
	walk(0, 0, atoms.map(() => 0));
	return found;
}

describe('discloseMeasure: no attacker finds an exposed set in what it lets through', () => {
	const population = fc.record({
		k: fc.integer({ min: 3, max: 5 }),
		questions: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 2, maxLength: 4 }),
		// Population sizes spread evenly over 5 to 60 (fast-check's own bias would favour tiny arrays).
		people: fc.integer({ min: 5, max: 60 }).chain((n) =>
			fc.array(
				fc.record({
					answers: fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 4, maxLength: 4 }),
					hasValue: fc.integer({ min: 0, max: 9 }).map((v) => v < 8)
				}),
				{ minLength: n, maxLength: n }
			)
		),
		cuts: fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 })
	});

	it('over random populations with missing answers and 1 to 3 versions', () => {
		fc.assert(
			fc.property(population, ({ k, questions, people, cuts }) => {
				const sizes = [...cuts.map((c) => Math.max(1, Math.floor(c * people.length))), people.length].sort((a, b) => a - b);
				const published: { id: string; members: string[] }[] = [];
				sizes.slice(-3).forEach((size, version) => {
					const members = people.slice(0, size).map((p, i) => ({ ...p, id: `p${i}` }));
					const withValue = members.filter((p) => p.hasValue);
					const shown: NewShownSet[] = [fresh('total', withValue.map((p) => p.id), 0, false)];
					questions.forEach((categories, q) => {
						for (let c = 0; c < categories; c++) {
							const group = withValue.filter((p) => p.answers[q] === c).map((p) => p.id);
							// As the report does: groups under k are never offered.
							if (group.length >= k) shown.push(fresh(`q${q}:c${c}`, group, (q + 1) * 10 + c));
						}
					});
					const result = discloseMeasure({ k, shown, earlier: published });
					for (const set of shown) if (!result.hidden.includes(set.id)) published.push({ id: `v${version}:${set.id}`, members: [...set.members] });
				});
				expect(attack(published.map((s) => s.members), k)).toBeNull();
			}),
			{ numRuns: 200, seed: 20261130 }
		);
	});

	it('the attacker is not blind: it finds the Winkel subtraction when nothing is hidden', () => {
		const older = ids('o', 5);
		expect(attack([[...older, 'y1', ...ids('w', 6)], older, ids('w', 6), [...older, 'y1']], 5)).toEqual(['y1']);
	});
});
