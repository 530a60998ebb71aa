import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { patternToRRule, rruleToPattern, type SchedulePattern } from './pattern';
import { describe as sentence } from './describe';
import { schedule } from './fixtures';

const weekday = fc.integer({ min: 0, max: 6 });
const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b);

/** Patterns in canonical form: numbers ascending without repeats, 最終 (-1) after 1…5. */
const pattern: fc.Arbitrary<SchedulePattern> = fc.oneof(
	fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }).map((weekdays) => ({ kind: 'weekly' as const, weekdays: sorted(weekdays) })),
	weekday.map((w) => ({ kind: 'biweekly' as const, weekday: w })),
	fc
		.record({ nths: fc.uniqueArray(fc.constantFrom(1, 2, 3, 4, 5, -1), { minLength: 1, maxLength: 6 }), weekday })
		.map(({ nths, weekday }) => ({
			kind: 'monthly_nth' as const,
			nths: [...sorted(nths.filter((n) => n > 0)), ...nths.filter((n) => n < 0)],
			weekday
		})),
	fc
		.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 31 })
		.map((days) => ({ kind: 'monthly_day' as const, days: sorted(days) })),
	fc.constant({ kind: 'irregular' as const })
);

describe('patternToRRule', () => {
	it('writes the RRULE for each Japanese pattern', () => {
		expect(patternToRRule({ kind: 'weekly', weekdays: [5, 1, 3] })).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
		expect(patternToRRule({ kind: 'weekly', weekdays: [0, 6] })).toBe('FREQ=WEEKLY;BYDAY=SA,SU');
		expect(patternToRRule({ kind: 'biweekly', weekday: 6 })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA');
		expect(patternToRRule({ kind: 'monthly_nth', nths: [4, 2], weekday: 3 })).toBe('FREQ=MONTHLY;BYDAY=2WE,4WE');
		expect(patternToRRule({ kind: 'monthly_nth', nths: [-1, 1], weekday: 0 })).toBe('FREQ=MONTHLY;BYDAY=1SU,-1SU');
		expect(patternToRRule({ kind: 'monthly_day', days: [15, 1, 15] })).toBe('FREQ=MONTHLY;BYMONTHDAY=1,15');
		expect(patternToRRule({ kind: 'irregular' })).toBeNull();
	});

	it('refuses an empty or impossible choice', () => {
		expect(() => patternToRRule({ kind: 'weekly', weekdays: [] })).toThrow(RangeError);
		expect(() => patternToRRule({ kind: 'weekly', weekdays: [7] })).toThrow(RangeError);
		expect(() => patternToRRule({ kind: 'monthly_nth', nths: [6], weekday: 1 })).toThrow(RangeError);
		expect(() => patternToRRule({ kind: 'monthly_nth', nths: [0], weekday: 1 })).toThrow(RangeError);
		expect(() => patternToRRule({ kind: 'monthly_day', days: [32] })).toThrow(RangeError);
		expect(() => patternToRRule({ kind: 'biweekly', weekday: 1.5 })).toThrow(RangeError);
	});
});

describe('rruleToPattern', () => {
	it('reads each shape, whatever the order of parts and values', () => {
		expect(rruleToPattern('FREQ=WEEKLY;BYDAY=FR,MO')).toEqual({ kind: 'weekly', weekdays: [1, 5] });
		expect(rruleToPattern('BYDAY=SA;INTERVAL=2;FREQ=WEEKLY')).toEqual({ kind: 'biweekly', weekday: 6 });
		expect(rruleToPattern('FREQ=MONTHLY;BYDAY=-1SU,+2SU')).toEqual({ kind: 'monthly_nth', nths: [2, -1], weekday: 0 });
		expect(rruleToPattern('FREQ=MONTHLY;BYMONTHDAY=31')).toEqual({ kind: 'monthly_day', days: [31] });
		expect(rruleToPattern('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU')).toEqual({ kind: 'weekly', weekdays: [2] });
		expect(rruleToPattern(null)).toEqual({ kind: 'irregular' });
	});

	it('gives null for rules the form cannot show', () => {
		for (const rule of [
			'FREQ=WEEKLY', // weekday from dtstart
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
			'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO',
			'FREQ=WEEKLY;BYDAY=MO;COUNT=10',
			'FREQ=MONTHLY;BYDAY=1MO,3TU',
			'FREQ=MONTHLY;BYDAY=TU',
			'FREQ=MONTHLY;BYDAY=-2TU',
			'FREQ=MONTHLY;BYMONTHDAY=-1',
			'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1',
			'FREQ=DAILY',
			'FREQ=YEARLY;BYMONTH=4',
			'FREQ=WEEKLY;BYDAY=XX',
			'not a rule',
			''
		]) {
			expect(rruleToPattern(rule), rule).toBeNull();
		}
	});

	it('round-trips every pattern: rruleToPattern(patternToRRule(p)) = p', () => {
		fc.assert(
			fc.property(pattern, (p) => {
				expect(rruleToPattern(patternToRRule(p))).toEqual(p);
			})
		);
	});

	it('round-trips every builder rule: patternToRRule(rruleToPattern(r)) = r', () => {
		fc.assert(
			fc.property(pattern, (p) => {
				const rrule = patternToRRule(p);
				const back = rruleToPattern(rrule);
				expect(back && patternToRRule(back)).toBe(rrule);
			})
		);
	});

	it('describes every pattern in Japanese without falling back to 定期開催', () => {
		fc.assert(
			fc.property(pattern, (p) => {
				const text = sentence(schedule({ rrule: patternToRRule(p), startTime: null, endTime: null }), 'ja');
				expect(text).not.toContain('定期開催');
			})
		);
	});
});
