import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbOpening, arbParticipant } from './arbitraries';
import { compileOpening, compileParticipant, popcount } from './compile';
import { failures } from './constraints';
import { NOW } from './fixtures';
import { certainFailures } from './screen';

describe('certainFailures (the one-shot pre-filter)', () => {
	it('never counts more failures than the real checks find', () => {
		fc.assert(
			fc.property(arbParticipant(), arbOpening(), (p, o) => {
				const compiled = compileParticipant(p, NOW.getTime());
				const real = popcount(failures(compiled, compileOpening(o)));
				expect(certainFailures(compiled, o, 5)).toBeLessThanOrEqual(real);
				expect(certainFailures(compiled, o, 2)).toBeLessThanOrEqual(Math.min(real, 2));
			}),
			{ numRuns: 1000 }
		);
	});
});
