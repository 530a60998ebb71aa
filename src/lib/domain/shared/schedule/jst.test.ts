import { describe, it, expect } from 'vitest';
import { endOfJstDay, endOfJstWeek, floatingAt, minutesOf, todayJst, weekdayOf } from './jst';
import { jst } from './fixtures';

describe('JST clock', () => {
	it('dates an instant in Japan even while UTC is still on the previous day', () => {
		const justAfterMidnight = jst('2026-11-22T00:30');
		expect(justAfterMidnight.toISOString()).toBe('2026-11-21T15:30:00.000Z');
		expect(todayJst(justAfterMidnight)).toBe('2026-11-22');
		expect(todayJst(jst('2026-11-21T23:59'))).toBe('2026-11-21');
	});

	it('ends the day at the next JST midnight', () => {
		expect(endOfJstDay(jst('2026-11-22T00:30'))).toEqual(jst('2026-11-23T00:00'));
	});

	it('ends the week (Monday–Sunday) at Monday 00:00 JST', () => {
		const nextMonday = jst('2026-11-23T00:00');
		expect(endOfJstWeek(jst('2026-11-16T00:00'))).toEqual(nextMonday); // Monday
		expect(endOfJstWeek(jst('2026-11-21T12:00'))).toEqual(nextMonday); // Saturday
		expect(endOfJstWeek(jst('2026-11-22T23:59'))).toEqual(nextMonday); // Sunday
		expect(endOfJstWeek(jst('2026-11-23T00:00'))).toEqual(jst('2026-11-30T00:00'));
	});

	it('counts weekdays from Sunday = 0', () => {
		expect(weekdayOf('2026-11-22')).toBe(0);
		expect(weekdayOf('2026-11-28')).toBe(6);
	});

	it('rejects dates and times that do not exist instead of rolling them over', () => {
		expect(() => floatingAt('2026-02-30')).toThrow(RangeError);
		expect(() => floatingAt('2026-11-22', '24:00')).toThrow(RangeError);
		expect(() => floatingAt('22/11/2026')).toThrow(RangeError);
		expect(minutesOf('13:30')).toBe(13 * 60 + 30);
	});
});
