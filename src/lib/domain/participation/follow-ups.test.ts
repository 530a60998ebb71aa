import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped, followUpState, followUpsFor } from './follow-ups';

describe('followUpsFor', () => {
	it('is due one week, one month and three months after the start', () => {
		expect(followUpsFor('2026-04-10')).toEqual([
			{ kind: 'week1', dueOn: '2026-04-17' },
			{ kind: 'month1', dueOn: '2026-05-10' },
			{ kind: 'month3', dueOn: '2026-07-10' }
		]);
	});

	it('clamps to the end of a shorter month and crosses the year', () => {
		expect(followUpsFor('2026-01-31')).toEqual([
			{ kind: 'week1', dueOn: '2026-02-07' },
			{ kind: 'month1', dueOn: '2026-02-28' },
			{ kind: 'month3', dueOn: '2026-04-30' }
		]);
		expect(followUpsFor('2026-12-28')).toEqual([
			{ kind: 'week1', dueOn: '2027-01-04' },
			{ kind: 'month1', dueOn: '2027-01-28' },
			{ kind: 'month3', dueOn: '2027-03-28' }
		]);
	});

	it('rejects a malformed start date', () => {
		expect(() => followUpsFor('2026-4-10')).toThrow(RangeError);
	});
});

describe('addMonthsClamped', () => {
	it.each([
		['2026-01-31', 1, '2026-02-28'],
		['2028-01-31', 1, '2028-02-29'], // leap year
		['2026-11-30', 3, '2027-02-28'],
		['2027-11-30', 3, '2028-02-29'],
		['2099-11-30', 3, '2100-02-28'], // divisible by 100: not a leap year
		['1999-11-30', 3, '2000-02-29'], // divisible by 400: a leap year
		['2028-02-29', 12, '2029-02-28'],
		['2026-03-31', 1, '2026-04-30'],
		['2026-12-31', 1, '2027-01-31'],
		['2026-05-15', 0, '2026-05-15'],
		['2026-03-31', -1, '2026-02-28'],
		['2026-01-15', -1, '2025-12-15'],
		['2026-01-15', -13, '2024-12-15']
	])('%s + %i months = %s', (date, months, expected) => {
		expect(addMonthsClamped(date, months)).toBe(expected);
	});

	it('moves the month by exactly n and keeps the day unless the month is too short', () => {
		const date = fc
			.record({ y: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
			.map(({ y, m, d }) => ({ y, m, d: Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate()) }));
		fc.assert(
			fc.property(date, fc.integer({ min: -36, max: 36 }), ({ y, m, d }, n) => {
				const input = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
				const [ry, rm, rd] = addMonthsClamped(input, n).split('-').map(Number);
				expect(ry * 12 + rm - (y * 12 + m)).toBe(n);
				const lastDay = new Date(Date.UTC(ry, rm, 0)).getUTCDate();
				expect(rd).toBe(Math.min(d, lastDay));
			})
		);
	});

	it('rejects malformed dates and fractional months', () => {
		expect(() => addMonthsClamped('2026-02-30', 1)).toThrow(RangeError);
		expect(() => addMonthsClamped('2026/01/31', 1)).toThrow(RangeError);
		expect(() => addMonthsClamped('2026-01-31', 0.5)).toThrow(RangeError);
	});
});

describe('addDays', () => {
	it('crosses month, year and leap day', () => {
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('rejects malformed dates and fractional days', () => {
		expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
		expect(() => addDays('20260101', 1)).toThrow(RangeError);
		expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
	});
});

describe('followUpState', () => {
	const today = '2026-04-10';

	it.each([
		['2026-04-09', 'overdue'], // yesterday
		['2026-04-10', 'due'], // today
		['2026-04-13', 'due'], // today + 3, the last day of the window
		['2026-04-14', 'upcoming'], // today + 4
		['2026-03-01', 'overdue']
	] as const)('due on %s, not done, is %s', (dueOn, state) => {
		expect(followUpState(dueOn, null, today)).toBe(state);
	});

	it('is done once done, however late or early', () => {
		expect(followUpState('2026-03-01', '2026-04-09', today)).toBe('done');
		expect(followUpState('2026-05-01', '2026-04-09', today)).toBe('done');
	});

	it('counts the window across a month end', () => {
		expect(followUpState('2026-05-02', null, '2026-04-29')).toBe('due');
		expect(followUpState('2026-05-03', null, '2026-04-29')).toBe('upcoming');
	});

	it('rejects malformed dates', () => {
		expect(() => followUpState('2026-04-31', null, today)).toThrow(RangeError);
		expect(() => followUpState('2026-04-10', null, '2026-4-10')).toThrow(RangeError);
		expect(() => followUpState('2026-04-10', 'yesterday', today)).toThrow(RangeError);
	});
});
