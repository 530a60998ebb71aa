import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WAITING_BONUS, assignBatch, greedyBatch, rankOpenings, waitingBonus } from './index';
import { arbInstance } from './arbitraries';
import { NOW, northOfHome, opening, participant } from './fixtures';
import { oracleFailures } from './oracle';
import type { BatchResult, Opening, Participant } from './types';

/** The objective of one pair in hundredths of a point, as the batch defines it. */
function pairWeights(people: readonly Participant[], openings: readonly Opening[]): Map<string, number> {
	const weights = new Map<string, number>();
	for (const p of people) {
		for (const m of rankOpenings(p, openings, NOW).matches) {
			weights.set(`${p.id}|${m.openingId}`, Math.max(1, Math.round((m.score + waitingBonus(p, NOW)) * 100)));
		}
	}
	return weights;
}

/** Every way of giving each participant nothing or one feasible opening with room. */
function bruteForce(people: readonly Participant[], openings: readonly Opening[]): number {
	const weights = pairWeights(people, openings);
	const room = new Map(openings.map((o) => [o.id, o.capacity - o.filled]));
	const go = (i: number): number => {
		if (i === people.length) return 0;
		let best = go(i + 1);
		for (const o of openings) {
			const w = weights.get(`${people[i].id}|${o.id}`);
			if (w === undefined || room.get(o.id)! <= 0) continue;
			room.set(o.id, room.get(o.id)! - 1);
			best = Math.max(best, w + go(i + 1));
			room.set(o.id, room.get(o.id)! + 1);
		}
		return best;
	};
	return go(0);
}

const hundredths = (x: number) => Math.round(x * 100);

/** Capacity, one opening per person, feasible pairs only, consistent totals and lists. */
function expectValid(r: BatchResult, people: readonly Participant[], openings: readonly Opening[]) {
	const seen = new Set<string>();
	const used = new Map<string, number>();
	let total = 0;
	for (const a of r.assignments) {
		expect(seen.has(a.participantId)).toBe(false);
		seen.add(a.participantId);
		used.set(a.openingId, (used.get(a.openingId) ?? 0) + 1);
		const p = people.find((x) => x.id === a.participantId)!;
		const o = openings.find((x) => x.id === a.openingId)!;
		expect(oracleFailures(p, o, NOW)).toEqual([]);
		expect(hundredths(a.weight)).toBe(hundredths(a.score + waitingBonus(p, NOW)));
		total += hundredths(a.weight);
	}
	for (const [id, n] of used) {
		const o = openings.find((x) => x.id === id)!;
		expect(n).toBeLessThanOrEqual(o.capacity - o.filled);
	}
	expect(hundredths(r.totalScore)).toBe(total);
	expect(r.unassigned).toEqual(
		people
			.map((p) => p.id)
			.filter((id) => !seen.has(id))
			.sort()
	);
}

describe('assignBatch', () => {
	it('beats greedy where taking the best pair first blocks a second person', () => {
		// p1 can reach both; p2 only the near one. Greedy gives p1 the near one and leaves p2 out.
		const openings = [opening({ id: 'near', capacity: 1 }), opening({ id: 'far', capacity: 1, location: northOfHome(1.5) })];
		const people = [
			participant({ id: 'p1', modes: ['bicycle'], interests: ['books'] }),
			participant({ id: 'p2', modes: ['walk'], interests: ['cooking'] })
		];
		const greedy = greedyBatch(people, openings, NOW);
		const exact = assignBatch(people, openings, NOW);
		expect(greedy.assignments.map((a) => [a.participantId, a.openingId])).toEqual([['p1', 'near']]);
		expect(exact.assignments.map((a) => [a.participantId, a.openingId])).toEqual([
			['p1', 'far'],
			['p2', 'near']
		]);
		expect(exact.totalScore).toBeGreaterThan(greedy.totalScore);
	});
	it('maximises total weight, not the number of people placed', () => {
		// p1 fits 'good' very well and 'poor' badly; p2 fits only 'good', moderately.
		const good = opening({ id: 'good', capacity: 1, hostMedianReplyHours: 0 });
		const poor = opening({
			id: 'poor',
			capacity: 1,
			location: northOfHome(8),
			accommodations: ['pickup'],
			tags: [],
			goals: [],
			groupSize: 'large',
			hostMedianReplyHours: 500,
			targetGroups: ['hikikomori']
		});
		const p1 = participant({ id: 'p1', declinedOpeningIds: ['poor'], preferences: ['small_group'] });
		const p2 = participant({
			id: 'p2',
			targetGroups: ['youth'],
			interests: ['music'],
			goals: ['work_prep'],
			pastOrganizationIds: ['org1']
		});
		const r = assignBatch([p1, p2], [good, poor], NOW);
		const w = pairWeights([p1, p2], [good, poor]);
		expect(w.get('p1|good')! > w.get('p1|poor')! + w.get('p2|good')!).toBe(true);
		expect(r.assignments.map((a) => [a.participantId, a.openingId])).toEqual([['p1', 'good']]);
		expect(r.unassigned).toEqual(['p2']);
		expect(hundredths(r.totalScore)).toBe(bruteForce([p1, p2], [good, poor]));
	});
	it('gives a contested place to whoever has waited longer, all else equal', () => {
		const people = [participant({ id: 'a', waitingSince: '2026-11-01' }), participant({ id: 'b', waitingSince: '2026-05-01' })];
		const r = assignBatch(people, [opening({ capacity: 1 })], NOW);
		expect(r.assignments.map((a) => a.participantId)).toEqual(['b']);
		expect(waitingBonus(people[1], NOW)).toBe(WAITING_BONUS.maxPoints);
		expect(waitingBonus(people[0], NOW)).toBe(3);
	});
	it('respects remaining capacity and ignores full openings', () => {
		const people = ['a', 'b', 'c', 'd'].map((id) => participant({ id }));
		const r = assignBatch(people, [opening({ id: 'x', capacity: 3, filled: 1 }), opening({ id: 'y', filled: 3 })], NOW);
		expect(r.assignments.map((a) => a.openingId)).toEqual(['x', 'x']);
		expect(r.unassigned).toHaveLength(2);
	});
	it('handles nobody and nothing', () => {
		expect(assignBatch([], [], NOW)).toMatchObject({ assignments: [], unassigned: [], totalScore: 0 });
		expect(assignBatch([participant()], [], NOW)).toMatchObject({ assignments: [], unassigned: ['p1'], totalScore: 0 });
	});
});

describe('batch properties', () => {
	it('never exceeds capacity, never assigns anyone twice, uses feasible pairs only, and is ≥ greedy', () => {
		fc.assert(
			fc.property(arbInstance(12, 8), fc.integer({ min: 1, max: 4 }), ([people, openings], k) => {
				const exact = assignBatch(people, openings, NOW, { k });
				const greedy = greedyBatch(people, openings, NOW);
				expectValid(exact, people, openings);
				expectValid(greedy, people, openings);
				expect(hundredths(exact.totalScore)).toBeGreaterThanOrEqual(hundredths(greedy.totalScore));
			}),
			{ numRuns: 200 }
		);
	});
	it('equals the brute-force optimum on small instances, whatever the pruning K', () => {
		fc.assert(
			fc.property(arbInstance(6, 4), fc.integer({ min: 1, max: 3 }), ([people, openings], k) => {
				const optimum = bruteForce(people, openings);
				expect(hundredths(assignBatch(people, openings, NOW).totalScore)).toBe(optimum);
				expect(hundredths(assignBatch(people, openings, NOW, { k }).totalScore)).toBe(optimum);
			}),
			{ numRuns: 300 }
		);
	});
	it('does not depend on the order of its inputs', () => {
		fc.assert(
			fc.property(
				arbInstance(10, 6).chain(([ps, os]) =>
					fc.tuple(
						fc.constant(ps),
						fc.constant(os),
						fc.shuffledSubarray(ps, { minLength: ps.length }),
						fc.shuffledSubarray(os, { minLength: os.length })
					)
				),
				([ps, os, ps2, os2]) => {
					expect(assignBatch(ps2, os2, NOW)).toEqual(assignBatch(ps, os, NOW));
					expect(greedyBatch(ps2, os2, NOW)).toEqual(greedyBatch(ps, os, NOW));
				}
			),
			{ numRuns: 100 }
		);
	});
});
