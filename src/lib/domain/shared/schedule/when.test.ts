import { describe, it, expect } from 'vitest';
import { bandsOf, isOnToday, isThisWeek, matchesWhen } from './when';
import { NOW, jst, schedule } from './fixtures';

const sunday = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SU', startTime: '10:00', endTime: '12:00' });
const saturday = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SA', startTime: '10:00', endTime: '12:00' });

describe('isOnToday (今日やっている)', () => {
	it('uses the JST date just after midnight, while UTC is still on the previous day', () => {
		const now = jst('2026-11-22T00:30'); // Sunday in Japan, Saturday 15:30 in UTC
		expect(now.getUTCDay()).toBe(6);
		expect(isOnToday(sunday, now)).toBe(true);
		expect(isOnToday(saturday, now)).toBe(false);
	});

	it('is true until the occurrence ends, then false', () => {
		expect(isOnToday(sunday, jst('2026-11-22T11:59'))).toBe(true);
		expect(isOnToday(sunday, jst('2026-11-22T12:00'))).toBe(false);
	});

	it('holds all day for an activity without a time', () => {
		expect(isOnToday({ ...sunday, startTime: null, endTime: null }, jst('2026-11-22T23:59'))).toBe(true);
	});

	it('is false on a 祝日 under 祝日は休み and for 不定期', () => {
		const monday = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=MO' });
		const laborThanksgiving = jst('2026-11-23T09:00');
		expect(isOnToday(monday, laborThanksgiving)).toBe(true);
		expect(isOnToday({ ...monday, holidayPolicy: 'skip' }, laborThanksgiving)).toBe(false);
		expect(isOnToday(schedule({ rrule: null }), NOW)).toBe(false);
	});
});

describe('isThisWeek', () => {
	const wednesday = jst('2026-11-18T10:00');

	it('looks from now to the end of Sunday', () => {
		expect(isThisWeek(sunday, wednesday)).toBe(true);
		expect(isThisWeek(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=MO' }), wednesday)).toBe(false);
		expect(isThisWeek(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=TU' }), wednesday)).toBe(false);
	});

	it('counts the occurrence in progress on Sunday, and nothing of next week', () => {
		expect(isThisWeek(sunday, NOW)).toBe(true);
		expect(isThisWeek(sunday, jst('2026-11-22T12:00'))).toBe(false);
		expect(isThisWeek(saturday, NOW)).toBe(false);
	});
});

describe('bandsOf', () => {
	const bands = (startTime: string | null, endTime: string | null) => bandsOf({ startTime, endTime });

	it('puts an activity crossing noon in both morning and afternoon', () => {
		expect(bands('11:00', '14:00')).toEqual(['morning', 'afternoon']);
	});

	it('uses 12:00 and 17:00 as open boundaries', () => {
		expect(bands('10:00', '12:00')).toEqual(['morning']);
		expect(bands('12:00', '13:00')).toEqual(['afternoon']);
		expect(bands('16:00', '18:00')).toEqual(['afternoon', 'evening']);
		expect(bands('17:00', '19:00')).toEqual(['evening']);
		expect(bands('09:00', '17:00')).toEqual(['morning', 'afternoon']);
		expect(bands('08:00', '20:00')).toEqual(['morning', 'afternoon', 'evening']);
	});

	it('places an open-ended activity by its start, and an untimed one nowhere', () => {
		expect(bands('12:00', null)).toEqual(['afternoon']);
		expect(bands('17:00', null)).toEqual(['evening']);
		expect(bands(null, null)).toEqual([]);
	});
});

describe('matchesWhen', () => {
	const lunch = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SA', startTime: '11:00', endTime: '14:00' });

	it('matches a noon-crossing activity for morning and for afternoon, not evening', () => {
		expect(matchesWhen(lunch, NOW, { bands: ['morning'] })).toBe(true);
		expect(matchesWhen(lunch, NOW, { bands: ['afternoon'] })).toBe(true);
		expect(matchesWhen(lunch, NOW, { bands: ['evening'] })).toBe(false);
		expect(matchesWhen(lunch, NOW, { bands: ['evening', 'afternoon'] })).toBe(true);
	});

	it('matches weekdays by the JST date of an occurrence', () => {
		expect(matchesWhen(lunch, NOW, { weekdays: [6] })).toBe(true);
		expect(matchesWhen(lunch, NOW, { weekdays: [0, 1] })).toBe(false);
		expect(matchesWhen(lunch, NOW, { weekdays: [6], bands: ['evening'] })).toBe(false);
	});

	it('limits the window to today or this week when asked', () => {
		expect(matchesWhen(lunch, NOW, { within: 'today' })).toBe(false);
		expect(matchesWhen(lunch, NOW, { within: 'week' })).toBe(false); // Sunday: the week is over
		expect(matchesWhen(lunch, jst('2026-11-18T10:00'), { within: 'week', bands: ['morning'] })).toBe(true);
		expect(matchesWhen(sunday, NOW, { within: 'today', weekdays: [0] })).toBe(true);
	});

	it('looks eight weeks ahead for weekday and band', () => {
		const fifthWednesday = schedule({ rrule: 'FREQ=MONTHLY;BYDAY=5WE' });
		expect(matchesWhen(fifthWednesday, NOW, { weekdays: [3] })).toBe(true); // 2026-12-30
		expect(matchesWhen(fifthWednesday, jst('2027-01-05T10:00'), { weekdays: [3] })).toBe(false); // next is 2027-03-31
	});

	it('matches everything with an empty filter, and 不定期 with no condition at all', () => {
		const irregular = schedule({ rrule: null });
		expect(matchesWhen(irregular, NOW, {})).toBe(true);
		expect(matchesWhen(irregular, NOW, { weekdays: [], bands: [] })).toBe(true);
		expect(matchesWhen(irregular, NOW, { bands: ['morning'] })).toBe(false);
	});
});
