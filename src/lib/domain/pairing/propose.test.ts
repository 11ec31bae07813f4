import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coveredWishes, proposalValue, proposePairs, type PairingPerson, type ProposalValue } from './propose';
import { leastCostAssignment } from './hungarian';
import { parseLabels } from './labels';

const person = (id: string, teaches: string[], wishes: [string, string][], slots = 1): PairingPerson => ({
	id,
	teaches,
	slots,
	wishes: wishes.map(([label, since]) => ({ label, since }))
});
const pairsOf = (people: PairingPerson[]) => proposePairs({ people }).map((p) => `${p.masterId}>${p.apprenticeId}`);

describe('proposePairs: named examples', () => {
	it('pairs a master with the colleague who wants to learn what they teach', () => {
		const people = [person('jan', ['Lassen'], []), person('piet', [], [['lassen ', '2026-03-01']])];
		expect(proposePairs({ people })).toEqual([{ masterId: 'jan', apprenticeId: 'piet', covers: [{ label: 'lassen ', since: '2026-03-01' }] }]);
	});

	it('gives a master with room for one the colleague who waited longest', () => {
		const people = [person('jan', ['lassen'], []), person('piet', [], [['lassen', '2026-05-01']]), person('kees', [], [['lassen', '2026-02-01']])];
		expect(pairsOf(people)).toEqual(['jan>kees']);
	});

	it('gives a master who allows two both colleagues', () => {
		const people = [person('jan', ['lassen'], [], 2), person('piet', [], [['lassen', '2026-05-01']]), person('kees', [], [['lassen', '2026-02-01']])];
		expect(pairsOf(people)).toEqual(['jan>kees', 'jan>piet']);
	});

	it('covers more wishes than taking the biggest match first would', () => {
		// Greedy takes ank>mo (3 wishes) and leaves sara without a master: 3. Best: bas>mo (2) + ank>sara (2) = 4.
		const people = [
			person('ank', ['a', 'b', 'c', 'd', 'e'], []),
			person('bas', ['a', 'b'], []),
			person('mo', [], [['a', '2026-01-01'], ['b', '2026-01-01'], ['c', '2026-01-01']]),
			person('sara', [], [['d', '2026-06-01'], ['e', '2026-06-01']])
		];
		expect(pairsOf(people)).toEqual(['bas>mo', 'ank>sara']);
		expect(proposalValue(people, proposePairs({ people })).matches).toBe(4);
	});

	it('never pairs someone with themselves, but lets two colleagues teach each other', () => {
		expect(pairsOf([person('ann', ['x'], [['x', '2026-01-01']])])).toEqual([]);
		const people = [person('ann', ['x'], [['y', '2026-01-01']]), person('bob', ['y'], [['x', '2026-02-01']])];
		expect(pairsOf(people)).toEqual(['bob>ann', 'ann>bob']);
	});

	it('matches labels however they were typed, and counts a wish once', () => {
		const master = person('jan', ['Tekening  lezen', 'LASSEN'], []);
		const apprentice = person('piet', [], [['tekening lezen', '2026-04-01'], ['Lassen', '2026-03-01'], ['lassen', '2026-05-01'], ['koken', '2026-01-01']]);
		expect(coveredWishes(master, apprentice).map((w) => w.label)).toEqual(['Lassen', 'tekening lezen']);
	});

	it('does not propose a pair that was declined before', () => {
		const people = [person('jan', ['lassen'], []), person('piet', [], [['lassen', '2026-05-01']]), person('kees', [], [['lassen', '2026-02-01']])];
		expect(proposePairs({ people, excluded: [{ masterId: 'jan', apprenticeId: 'kees' }] }).map((p) => p.apprenticeId)).toEqual(['piet']);
	});

	it('proposes nothing to a master without room', () => {
		expect(pairsOf([person('jan', ['lassen'], [], 0), person('piet', [], [['lassen', '2026-05-01']])])).toEqual([]);
	});
});

describe('parseLabels', () => {
	it('splits on commas and lines, trims, and keeps each label once', () => {
		expect(parseLabels(' Lassen, tekening  lezen\nlassen;;  ')).toEqual(['Lassen', 'tekening lezen']);
	});
});

describe('leastCostAssignment', () => {
	it('finds the cheapest assignment of a small matrix', () => {
		expect(leastCostAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])).toEqual([1, 0, 2]);
	});
});

// An independent brute force: every apprentice gets no master or any master with room left (not themselves).
function bruteForce(people: PairingPerson[], excluded: Set<string>): ProposalValue {
	const apprentices = people.filter((p) => p.wishes.length > 0);
	const room = new Map(people.map((p) => [p.id, p.teaches.length > 0 ? p.slots : 0]));
	let best: ProposalValue = { matches: 0, waited: 0 };
	const chosen: { masterId: string; apprenticeId: string }[] = [];
	const walk = (i: number) => {
		if (i === apprentices.length) {
			const value = proposalValue(people, chosen);
			if (value.matches > best.matches || (value.matches === best.matches && value.waited > best.waited)) best = value;
			return;
		}
		walk(i + 1);
		const a = apprentices[i]!;
		for (const m of people) {
			if (m.id === a.id || (room.get(m.id) ?? 0) <= 0 || excluded.has(`${m.id}>${a.id}`)) continue;
			room.set(m.id, room.get(m.id)! - 1);
			chosen.push({ masterId: m.id, apprenticeId: a.id });
			walk(i + 1);
			chosen.pop();
			room.set(m.id, room.get(m.id)! + 1);
		}
	};
	walk(0);
	return best;
}

const LABELS = ['lassen', 'tekening lezen', 'offerte maken', 'heftruck'];
const DAYS = ['2026-01-01', '2026-01-15', '2026-02-01', '2026-03-10'];
const peopleArb = fc
	.array(
		fc.record({
			teaches: fc.subarray(LABELS),
			slots: fc.integer({ min: 0, max: 2 }),
			wishes: fc.array(fc.record({ label: fc.constantFrom(...LABELS), since: fc.constantFrom(...DAYS) }), { maxLength: 3 })
		}),
		{ minLength: 1, maxLength: 5 }
	)
	.map((rows) => rows.map((r, i): PairingPerson => ({ id: `p${i}`, ...r })));

describe('proposePairs against brute force', () => {
	it('reaches the optimum value: the most matched pairs, then the longest waits', () => {
		fc.assert(
			fc.property(peopleArb, fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 3 }), (people, ex) => {
				const excluded = ex.map(([m, a]) => ({ masterId: `p${m}`, apprenticeId: `p${a}` }));
				const pairs = proposePairs({ people, excluded });
				expect(proposalValue(people, pairs)).toEqual(bruteForce(people, new Set(excluded.map((e) => `${e.masterId}>${e.apprenticeId}`))));
			}),
			{ numRuns: 400 }
		);
	});

	it('gives a valid, order-independent proposal', () => {
		fc.assert(
			fc.property(peopleArb, fc.integer(), (people, seed) => {
				const pairs = proposePairs({ people });
				const shuffled = [...people].sort((a, b) => ((a.id.charCodeAt(1) * seed) % 7) - ((b.id.charCodeAt(1) * seed) % 7));
				expect(proposePairs({ people: shuffled })).toEqual(pairs);
				const apprentices = pairs.map((p) => p.apprenticeId);
				expect(new Set(apprentices).size).toBe(apprentices.length);
				for (const p of people) expect(pairs.filter((pair) => pair.masterId === p.id).length).toBeLessThanOrEqual(p.teaches.length > 0 ? p.slots : 0);
				for (const pair of pairs) {
					expect(pair.masterId).not.toBe(pair.apprenticeId);
					expect(pair.covers.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
