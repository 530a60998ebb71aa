/**
 * The one-shot path (rankOpenings on a raw Opening[]) takes shortcuts for speed: the time rule on
 * the raw occurrences instead of sorted slots, one compiled record reused for the candidates, and
 * the top k kept while pairs are added rather than after. Each is held here to the general answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbDenseOpening, arbDenseParticipant, arbOpening, arbParticipant } from './arbitraries';
import { compileOpening, compileOpeningInto, compileParticipant, slotsOf, type CompiledOpening } from './compile';
import { failures, firstFit, someOccurrenceFits } from './constraints';
import { NOW, opening } from './fixtures';
import { prepareOpenings, rankOpenings, type Opening } from './index';
import { DAY_MS } from '../../shared/schedule/jst';

/** NOW and moments around it, so that the horizon's edges cut through the occurrences. */
const arbNow = fc.oneof(
	fc.constant(NOW),
	fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS }).map((d) => new Date(NOW.getTime() + d))
);

describe('the time rule on raw occurrences', () => {
	it('agrees with firstFit on the sorted slots', () => {
		fc.assert(
			fc.property(arbParticipant(), arbOpening(), arbNow, (p, o, now) => {
				const compiled = compileParticipant(p, now.getTime());
				expect(someOccurrenceFits(compiled, o.occurrences)).toBe(firstFit(compiled, compileOpening(o)) >= 0);
			}),
			{ numRuns: 2000 }
		);
	});

	it('gives failures() the same mask whether or not the slots were built', () => {
		fc.assert(
			fc.property(arbParticipant(), arbOpening(), arbNow, (p, o, now) => {
				const compiled = compileParticipant(p, now.getTime());
				const withSlots = compileOpening(o);
				slotsOf(withSlots);
				for (let stopAt = 1; stopAt <= 5; stopAt++) {
					const raw = compileOpening(o);
					expect(failures(compiled, raw, stopAt)).toBe(failures(compiled, withSlots, stopAt));
					expect(raw.slots).toBeNull();
				}
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('a compiled record reused for another opening', () => {
	it('has every field set by compileOpeningInto', () => {
		const assigned = new Set<string | symbol>();
		const spy = new Proxy({} as CompiledOpening, {
			set: (target, key, value) => {
				assigned.add(key);
				return Reflect.set(target, key, value);
			}
		});
		compileOpeningInto(spy, opening());
		expect([...assigned].sort()).toEqual(Object.keys(compileOpening(opening())).sort());
	});

	it('is the same as one compiled afresh, whatever it held before', () => {
		fc.assert(
			fc.property(arbOpening(), arbOpening(), fc.boolean(), (before, o, withSlots) => {
				const record = compileOpening(before);
				if (withSlots) slotsOf(record);
				expect(compileOpeningInto(record, o)).toEqual(compileOpening(o));
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('the top k kept while adding', () => {
	// 20–300 openings in copies with equal scores (ties broken by id), arriving in any order; dense
	// ones too, so that dozens are matches and the kept list is trimmed (about 2 runs in 5).
	const inCopies = (arb: fc.Arbitrary<Opening>) =>
		fc
			.tuple(fc.array(arb, { minLength: 2, maxLength: 10 }), fc.integer({ min: 10, max: 30 }))
			.map(([os, n]) => os.flatMap((o, i) => Array.from({ length: n }, (_, j) => ({ ...o, id: `o${i}-${j}` }))))
			.chain((os) => fc.shuffledSubarray(os, { minLength: os.length, maxLength: os.length }));
	const arbCase = fc.oneof(
		fc.tuple(arbParticipant(), inCopies(arbOpening())),
		fc.tuple(arbDenseParticipant(fc.constant('p')), inCopies(arbDenseOpening(fc.constant('o'))))
	);
	const arbLimit = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));

	it('equals the whole ranking cut to k, for one-shot and prepared openings alike', () => {
		fc.assert(
			fc.property(arbCase, arbLimit, fc.option(arbLimit), ([p, openings], limit, nearMissLimit) => {
				const all = rankOpenings(p, openings, NOW);
				const opts = nearMissLimit === null ? { limit } : { limit, nearMissLimit };
				const top = rankOpenings(p, openings, NOW, opts);
				expect(top.matches).toEqual(all.matches.slice(0, limit));
				expect(top.nearMisses).toEqual(all.nearMisses.slice(0, nearMissLimit ?? limit));
				expect(rankOpenings(p, prepareOpenings(openings), NOW, opts)).toEqual(top);
			}),
			{ numRuns: 150 }
		);
	});
});
