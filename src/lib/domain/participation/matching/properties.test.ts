import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareOpenings, rankOpenings, rankParticipants } from './index';
import { arbOpening, arbOpenings, arbParticipant, arbParticipants } from './arbitraries';
import { NOW } from './fixtures';
import { oracleDistanceKm, oracleFailures } from './oracle';

const RUNS = { numRuns: 300 };

describe('rankOpenings against an independent statement of the hard constraints', () => {
	it('returns as matches exactly the openings failing none, as near misses those failing exactly one', () => {
		fc.assert(
			fc.property(arbParticipant(), arbOpenings(12), (p, openings) => {
				const r = rankOpenings(p, openings, NOW);
				const expectedMatches = openings.filter((o) => oracleFailures(p, o, NOW).length === 0).map((o) => o.id);
				expect(r.matches.map((m) => m.openingId).sort()).toEqual(expectedMatches.sort());
				for (const n of r.nearMisses) {
					const o = openings.find((x) => x.id === n.openingId)!;
					expect(oracleFailures(p, o, NOW)).toEqual([n.failed]);
					expect(n.reason.length).toBeGreaterThan(0);
				}
				const expectedNear = openings.filter((o) => oracleFailures(p, o, NOW).length === 1);
				expect(r.nearMisses).toHaveLength(expectedNear.length);
			}),
			RUNS
		);
	});
	it('never returns a match whose first fit is outside the 4 weeks or the person’s windows', () => {
		fc.assert(
			fc.property(arbParticipant(), arbOpenings(8), (p, openings) => {
				for (const m of rankOpenings(p, openings, NOW).matches) {
					const o = openings.find((x) => x.id === m.openingId)!;
					expect(oracleFailures(p, { ...o, occurrences: [m.firstFit] }, NOW)).toEqual([]);
					expect(m.score).toBeGreaterThanOrEqual(0);
					expect(m.score).toBeLessThanOrEqual(100);
				}
			}),
			RUNS
		);
	});
	it('agrees with rankParticipants pair by pair', () => {
		fc.assert(
			fc.property(arbOpening(), arbParticipants(8), (o, people) => {
				const r = rankParticipants(o, people, NOW);
				const expected = people.filter((p) => oracleFailures(p, o, NOW).length === 0).map((p) => p.id);
				expect(r.matches.map((m) => m.participantId).sort()).toEqual(expected.sort());
				for (const m of r.matches) {
					const single = rankOpenings(
						people.find((p) => p.id === m.participantId)!,
						[o],
						NOW
					).matches[0];
					expect(m.score).toBe(single.score);
					expect(m.sentence).toBe(single.sentence);
				}
			}),
			RUNS
		);
	});
});

describe('determinism', () => {
	it('gives the same output for the same input, for shuffled openings, and for prepared openings', () => {
		fc.assert(
			fc.property(
				arbParticipant(),
				arbOpenings(12).chain((os) => fc.tuple(fc.constant(os), fc.shuffledSubarray(os, { minLength: os.length, maxLength: os.length }))),
				fc.option(fc.integer({ min: 1, max: 5 })),
				(p, [openings, shuffled], limit) => {
					const opts = limit === null ? {} : { limit };
					const first = rankOpenings(p, openings, NOW, opts);
					expect(rankOpenings(p, openings, NOW, opts)).toEqual(first);
					expect(rankOpenings(p, shuffled, NOW, opts)).toEqual(first);
					expect(rankOpenings(p, prepareOpenings(shuffled), NOW, opts)).toEqual(first);
				}
			),
			RUNS
		);
	});
	it('orders by score, then by opening id', () => {
		fc.assert(
			fc.property(arbParticipant(), arbOpenings(12), (p, openings) => {
				const { matches, nearMisses } = rankOpenings(p, openings, NOW);
				for (const list of [matches, nearMisses]) {
					for (let i = 1; i < list.length; i++) {
						const [a, b] = [list[i - 1], list[i]];
						expect(a.score > b.score || (a.score === b.score && a.openingId < b.openingId)).toBe(true);
					}
				}
			}),
			RUNS
		);
	});
});

describe('travel in the score', () => {
	it('never scores a closer opening lower when everything else is equal', () => {
		const place = fc.record({
			lon: fc.double({ min: 139.9, max: 140.05, noNaN: true }),
			lat: fc.double({ min: 35.8, max: 35.95, noNaN: true })
		});
		fc.assert(
			fc.property(arbParticipant(), arbOpening(), place, place, (p0, o, x, y) => {
				const p = { ...p0, home: p0.home ?? { lon: 139.97, lat: 35.87 } };
				const [near, far] = oracleDistanceKm(p.home, x) <= oracleDistanceKm(p.home, y) ? [x, y] : [y, x];
				const r = rankOpenings(
					p,
					[
						{ ...o, id: 'far', location: far },
						{ ...o, id: 'near', location: near }
					],
					NOW
				);
				const score = (id: string) => [...r.matches, ...r.nearMisses].find((m) => m.openingId === id)?.score;
				const farScore = score('far');
				if (farScore === undefined) return;
				// Closer never fails more constraints, so it is listed whenever the farther one is.
				expect(score('near')).toBeGreaterThanOrEqual(farScore);
				if (r.matches.some((m) => m.openingId === 'far')) expect(r.matches.some((m) => m.openingId === 'near')).toBe(true);
			}),
			RUNS
		);
	});
});
