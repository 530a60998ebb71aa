import { describe as group, it, expect } from 'vitest';
import { describe } from './describe';
import { NOW, jst, schedule } from './fixtures';
import type { Closure, Schedule } from './types';

const untimed = { startTime: null, endTime: null };
const yearEnd: Closure = { kind: 'annual', from: '12-29', to: '01-03' };
const august: Closure = { kind: 'annual', from: '08-01', to: '08-31' };

const cases: [Partial<Schedule>, string, string][] = [
	[
		{ rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', startTime: '10:00', endTime: '12:00', holidayPolicy: 'skip' },
		'毎月第2・第4火曜 10:00〜12:00（祝日は休み）',
		'Every 2nd and 4th Tuesday of the month, 10:00–12:00 (closed on public holidays)'
	],
	[{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', ...untimed }, '隔週土曜', 'Every other Saturday'],
	[{ rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', ...untimed }, '毎月15日', 'Monthly on the 15th'],
	[{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', startTime: '09:00', endTime: '17:00' }, '平日 9:00〜17:00', 'Weekdays 9:00–17:00'],
	[
		{ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', startTime: '13:30', endTime: '15:00' },
		'毎週月・水・金 13:30〜15:00',
		'Every Monday, Wednesday and Friday, 13:30–15:00'
	],
	[{ rrule: 'FREQ=MONTHLY;BYDAY=-1SU', ...untimed }, '毎月最終日曜', 'Every last Sunday of the month'],
	[
		{ rrule: 'FREQ=MONTHLY;BYDAY=2SA,4SA', startTime: '11:00', endTime: '14:00', holidayPolicy: 'skip' },
		'毎月第2・第4土曜 11:00〜14:00（祝日は休み）',
		'Every 2nd and 4th Saturday of the month, 11:00–14:00 (closed on public holidays)'
	],
	[{ rrule: null }, '不定期', 'Irregular']
];

group('describe', () => {
	it.each(cases)('%o', (overrides, ja, en) => {
		const s = schedule(overrides);
		expect(describe(s, 'ja')).toBe(ja);
		expect(describe(s, 'en')).toBe(en);
	});

	it('appends closures after 祝日は休み', () => {
		const s = schedule({ rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', holidayPolicy: 'skip', closures: [yearEnd] });
		expect(describe(s, 'ja')).toBe('毎月第2・第4火曜 10:00〜12:00（祝日は休み・年末年始は休み）');
		expect(describe(s, 'en')).toBe('Every 2nd and 4th Tuesday of the month, 10:00–12:00 (closed on public holidays; closed Dec 29–Jan 3)');
	});

	it('names a closure by its label, or by its dates', () => {
		const closures = (...list: Closure[]) => describe(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SA', ...untimed, closures: list }), 'ja');
		expect(closures(august)).toBe('毎週土曜（8月は休み）');
		expect(closures({ ...august, label: '夏休み期間' })).toBe('毎週土曜（夏休み期間は休み）');
		expect(closures(yearEnd, august)).toBe('毎週土曜（年末年始は休み・8月は休み）');
		expect(closures({ kind: 'annual', from: '08-13', to: '08-16' })).toBe('毎週土曜（8月13日〜8月16日は休み）');
		expect(closures({ kind: 'annual', from: '12-01', to: '02-28' })).toBe('毎週土曜（12月〜2月は休み）');
		expect(closures({ kind: 'once', from: '2027-02-01', to: '2027-02-14' })).toBe('毎週土曜（2027年2月1日〜2月14日は休み）');
		expect(closures({ kind: 'once', from: '2026-12-28', to: '2027-01-05' })).toBe('毎週土曜（2026年12月28日〜2027年1月5日は休み）');
		expect(closures({ kind: 'once', from: '2027-03-06', to: '2027-03-06' })).toBe('毎週土曜（2027年3月6日は休み）');
	});

	it('words closures in English from their dates, since labels are Japanese', () => {
		const closures = (...list: Closure[]) => describe(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SA', ...untimed, closures: list }), 'en');
		expect(closures({ ...august, label: '8月' })).toBe('Every Saturday (closed in August)');
		expect(closures({ kind: 'annual', from: '12-01', to: '02-28' })).toBe('Every Saturday (closed December–February)');
		expect(closures({ kind: 'once', from: '2027-02-01', to: '2027-02-14' })).toBe('Every Saturday (closed Feb 1–14, 2027)');
		expect(closures({ kind: 'once', from: '2026-12-28', to: '2027-01-05' })).toBe('Every Saturday (closed Dec 28, 2026–Jan 5, 2027)');
	});

	it('leaves out one-off closures that are over, when given now', () => {
		const s = schedule({
			rrule: 'FREQ=WEEKLY;BYDAY=SA',
			...untimed,
			closures: [{ kind: 'once', from: '2026-11-01', to: '2026-11-21', label: '改修工事' }, yearEnd]
		});
		expect(describe(s, 'ja')).toBe('毎週土曜（改修工事は休み・年末年始は休み）');
		expect(describe(s, 'ja', { now: NOW })).toBe('毎週土曜（年末年始は休み）');
		expect(describe(s, 'ja', { now: jst('2026-11-21T23:00') })).toBe('毎週土曜（改修工事は休み・年末年始は休み）');
	});

	it('says nothing about holidays under 祝日も開催', () => {
		expect(describe(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=MO', holidayPolicy: 'hold' }), 'ja')).toBe('毎週月曜 10:00〜12:00');
	});

	it('covers the other shapes a rule can take', () => {
		const say = (rrule: string, locale: 'ja' | 'en' = 'ja', extra: Partial<Schedule> = {}) =>
			describe(schedule({ rrule, ...untimed, ...extra }), locale);
		expect(say('FREQ=DAILY')).toBe('毎日');
		expect(say('FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH,FR,SA', 'en')).toBe('Daily');
		expect(say('FREQ=WEEKLY;BYDAY=FR,TU')).toBe('毎週火・金');
		expect(say('FREQ=WEEKLY;BYDAY=SU,SA')).toBe('毎週土・日');
		expect(say('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'en')).toBe('Every other Monday and Thursday');
		expect(say('FREQ=WEEKLY;INTERVAL=3;BYDAY=TU')).toBe('3週ごとの火曜');
		expect(say('FREQ=WEEKLY;INTERVAL=3;BYDAY=TU', 'en')).toBe('Every 3 weeks on Tuesday');
		expect(say('FREQ=MONTHLY;BYDAY=1TU,3TH')).toBe('毎月第1火曜・第3木曜');
		expect(say('FREQ=MONTHLY;BYDAY=-1SU,1SU', 'en')).toBe('Every 1st and last Sunday of the month');
		expect(say('FREQ=MONTHLY;BYDAY=5WE')).toBe('毎月第5水曜');
		expect(say('FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE')).toBe('隔月第2水曜');
		expect(say('FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE', 'en')).toBe('Every 2nd Wednesday of every other month');
		expect(say('FREQ=MONTHLY;BYMONTHDAY=15,1')).toBe('毎月1・15日');
		expect(say('FREQ=MONTHLY;BYMONTHDAY=1,11,22,23,-1', 'en')).toBe('Monthly on the 1st, 11th, 22nd, 23rd and last day');
		expect(say('FREQ=MONTHLY;BYMONTHDAY=-1')).toBe('毎月末日');
		expect(say('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=10', 'en')).toBe('Every other month on the 10th');
		// A part left out repeats dtstart (2026-01-01, a Thursday).
		expect(say('FREQ=WEEKLY')).toBe('毎週木曜');
		expect(say('FREQ=MONTHLY')).toBe('毎月1日');
		// Rules the builder does not make are still a sentence, just a vaguer one.
		expect(say('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=29')).toBe('定期開催');
		expect(say('FREQ=WEEKLY;BYDAY=SA;COUNT=4', 'en', { startTime: '10:00', endTime: null })).toBe('Regularly from 10:00');
	});

	it('writes an open end time as 〜', () => {
		expect(describe(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=TH', startTime: '18:00', endTime: null }), 'ja')).toBe('毎週木曜 18:00〜');
	});
});
