import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicationDecision } from './index';

describe('publicationDecision while the round is open', () => {
	it('shows nothing before k responses', () => {
		expect(publicationDecision({ responses: 4, published: null, k: 5, closed: false })).toEqual({
			publish: false,
			includedResponses: 0,
			nextVersionAt: 5,
			tooLate: 0,
			hasEmployeeFigures: false
		});
	});

	it('publishes the first version at k', () => {
		expect(publicationDecision({ responses: 5, published: 0, k: 5, closed: false })).toMatchObject({
			publish: true,
			includedResponses: 5,
			nextVersionAt: 10,
			hasEmployeeFigures: true
		});
	});

	it('waits for k new responses after a version, then takes in all of them', () => {
		expect(publicationDecision({ responses: 9, published: 5, k: 5, closed: false })).toMatchObject({
			publish: false,
			includedResponses: 5,
			nextVersionAt: 10
		});
		expect(publicationDecision({ responses: 12, published: 5, k: 5, closed: false })).toMatchObject({
			publish: true,
			includedResponses: 12,
			nextVersionAt: 17
		});
	});

	it('never steps by fewer than 3', () => {
		expect(publicationDecision({ responses: 2, published: 0, k: 1, closed: false }).publish).toBe(false);
		expect(publicationDecision({ responses: 3, published: 0, k: 1, closed: false }).publish).toBe(true);
	});
});

describe('publicationDecision at close', () => {
	it('takes in the rest when it is again at least k', () => {
		expect(publicationDecision({ responses: 10, published: 5, k: 5, closed: true })).toEqual({
			publish: true,
			includedResponses: 10,
			nextVersionAt: null,
			tooLate: 0,
			hasEmployeeFigures: true
		});
	});

	it('otherwise keeps the last version and says how many came too late', () => {
		expect(publicationDecision({ responses: 8, published: 5, k: 5, closed: true })).toEqual({
			publish: false,
			includedResponses: 5,
			nextVersionAt: null,
			tooLate: 3,
			hasEmployeeFigures: true
		});
	});

	it('has no employee figures at all when fewer than k answered in the whole round', () => {
		expect(publicationDecision({ responses: 3, published: null, k: 5, closed: true })).toEqual({
			publish: false,
			includedResponses: 0,
			nextVersionAt: null,
			tooLate: 0,
			hasEmployeeFigures: false
		});
	});
});

describe('publicationDecision: property', () => {
	it('makes every two published versions differ by at least k responses', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 30 }),
				fc.integer({ min: 0, max: 9 }),
				(arrivals, k) => {
					const applied = Math.max(3, k);
					let responses = 0;
					const versions: number[] = [];
					const decide = (closed: boolean) => {
						const decision = publicationDecision({ responses, published: versions.at(-1) ?? null, k, closed });
						if (decision.publish) versions.push(decision.includedResponses);
						return decision;
					};
					for (const arrived of arrivals) {
						responses += arrived;
						decide(false);
					}
					const final = decide(true);
					let previous = 0;
					for (const version of versions) {
						expect(version - previous).toBeGreaterThanOrEqual(applied);
						previous = version;
					}
					expect(final.includedResponses + final.tooLate).toBe(versions.length > 0 ? responses : 0);
					if (versions.length > 0) expect(final.tooLate).toBeLessThan(applied);
				}
			)
		);
	});
});
