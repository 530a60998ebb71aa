import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RRule } from 'rrule';
import { DAY_MS, floatingAt, toInstant } from './jst';
import { ruleStarts } from './occurrences';
import { schedule } from './fixtures';

const RULES = [
	'FREQ=WEEKLY;BYDAY=WE',
	'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
	'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA',
	'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU',
	'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR',
	'FREQ=WEEKLY',
	'FREQ=DAILY;INTERVAL=3',
	'FREQ=MONTHLY;BYDAY=2TU,4TU',
	'FREQ=MONTHLY;BYDAY=5WE',
	'FREQ=MONTHLY;BYDAY=-1SU',
	'FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO',
	'FREQ=MONTHLY;BYMONTHDAY=31',
	'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,15',
	'FREQ=MONTHLY',
	'FREQ=WEEKLY;BYDAY=TH;COUNT=40'
];

const day = (offset: number) => new Date(Date.UTC(2015, 0, 1) + offset * DAY_MS).toISOString().slice(0, 10);

describe('fast-forwarding DTSTART', () => {
	it('gives exactly the dates rrule gives from the original DTSTART', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...RULES),
				fc.integer({ min: 0, max: 4000 }),
				fc.integer({ min: -30, max: 3000 }),
				fc.integer({ min: 1, max: 120 }),
				fc.constantFrom('00:00', '09:30', '23:00'),
				(rrule, start, fromOffset, length, startTime) => {
					const s = schedule({ rrule, dtstart: day(start), startTime });
					const from = toInstant(floatingAt(day(start + fromOffset), '10:00'));
					const to = new Date(from.getTime() + length * DAY_MS);
					const naive = new RRule({ ...RRule.parseString(rrule), dtstart: floatingAt(s.dtstart, startTime) })
						.between(new Date(from.getTime() + 9 * 3600_000), new Date(to.getTime() + 9 * 3600_000), true)
						.filter((d) => d.getTime() < to.getTime() + 9 * 3600_000);
					expect(ruleStarts(s, from, to)).toEqual(naive);
				}
			),
			{ numRuns: 300 }
		);
	});
});
