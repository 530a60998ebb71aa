import { describe, it, expect } from 'vitest';
import { nextOccurrences, occurrences } from './occurrences';
import { NOW, dates, jst, schedule } from './fixtures';

const year2026 = [jst('2026-01-01T00:00'), jst('2027-01-01T00:00')] as const;

describe('occurrences', () => {
	it('gives real instants for JST wall-clock times', () => {
		const [first] = occurrences(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SU' }), NOW, jst('2026-12-01T00:00'));
		expect(first).toEqual({ date: '2026-11-22', start: jst('2026-11-22T10:00'), end: jst('2026-11-22T12:00') });
		expect(first.start.toISOString()).toBe('2026-11-22T01:00:00.000Z');
	});

	it('returns the occurrences that start in [from, to)', () => {
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SU' });
		expect(dates(occurrences(s, jst('2026-11-22T10:00'), jst('2026-11-29T10:00')))).toEqual(['2026-11-22']);
		expect(dates(occurrences(s, jst('2026-11-22T10:01'), jst('2026-11-29T10:01')))).toEqual(['2026-11-29']);
	});

	it('has none for 不定期', () => {
		expect(occurrences(schedule({ rrule: null }), ...year2026)).toEqual([]);
	});

	it('fires 第5水曜 only in months that have a fifth Wednesday', () => {
		const s = schedule({ rrule: 'FREQ=MONTHLY;BYDAY=5WE' });
		expect(dates(occurrences(s, ...year2026))).toEqual(['2026-04-29', '2026-07-29', '2026-09-30', '2026-12-30']);
	});

	it('drops a 祝日 on the rule day under 祝日は休み and keeps it under 祝日も開催', () => {
		// 2026-09-22 is the fourth Tuesday and a 国民の休日
		const rule = { rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', dtstart: '2026-09-01' };
		const september = [jst('2026-09-01T00:00'), jst('2026-10-01T00:00')] as const;
		expect(dates(occurrences(schedule({ ...rule, holidayPolicy: 'skip' }), ...september))).toEqual(['2026-09-08']);
		expect(dates(occurrences(schedule({ ...rule, holidayPolicy: 'hold' }), ...september))).toEqual(['2026-09-08', '2026-09-22']);
	});

	it('treats 振替休日 as a holiday: a Wednesday rule with skip drops 2026-05-06', () => {
		const may = [jst('2026-05-01T00:00'), jst('2026-06-01T00:00')] as const;
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=WE', holidayPolicy: 'skip' });
		expect(dates(occurrences(s, ...may))).toEqual(['2026-05-13', '2026-05-20', '2026-05-27']);
		expect(dates(occurrences({ ...s, holidayPolicy: 'hold' }, ...may))).toEqual(['2026-05-06', '2026-05-13', '2026-05-20', '2026-05-27']);
	});

	it('closes 12-29 → 01-03 across the year boundary', () => {
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', closures: [{ kind: 'annual', from: '12-29', to: '01-03' }] });
		const winter = occurrences(s, jst('2026-12-24T00:00'), jst('2027-01-09T00:00'));
		expect(dates(winter)).toEqual([
			...['2026-12-24', '2026-12-25', '2026-12-28'],
			...['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']
		]);
	});

	it('closes a one-off period', () => {
		const renovation = { kind: 'once' as const, from: '2026-12-01', to: '2026-12-13', label: '改修工事' };
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SA', closures: [renovation] });
		expect(dates(occurrences(s, jst('2026-11-28T00:00'), jst('2026-12-20T00:00')))).toEqual(['2026-11-28', '2026-12-19']);
	});

	it('counts 隔週 from dtstart', () => {
		const window = [jst('2026-11-01T00:00'), jst('2026-12-31T00:00')] as const;
		const biweekly = (dtstart: string) => dates(occurrences(schedule({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', dtstart }), ...window));
		expect(biweekly('2026-11-07')).toEqual(['2026-11-07', '2026-11-21', '2026-12-05', '2026-12-19']);
		expect(biweekly('2026-11-14')).toEqual(['2026-11-14', '2026-11-28', '2026-12-12', '2026-12-26']);
		// A dtstart mid-week anchors the week it falls in.
		expect(biweekly('2026-11-11')).toEqual(biweekly('2026-11-14'));
		// Long after dtstart the phase still holds.
		expect(biweekly('2025-01-11')).toEqual(biweekly('2026-11-14')); // 96 weeks before
	});

	it('never starts before dtstart', () => {
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=WE', dtstart: '2026-11-18' });
		expect(dates(occurrences(s, jst('2026-11-01T00:00'), jst('2026-11-26T00:00')))).toEqual(['2026-11-18', '2026-11-25']);
	});

	it('applies EXDATEs', () => {
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=WE', exdates: ['2026-11-25'] });
		expect(dates(occurrences(s, jst('2026-11-18T00:00'), jst('2026-12-03T00:00')))).toEqual(['2026-11-18', '2026-12-02']);
	});

	it('stops after until (inclusive)', () => {
		const s = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=WE', until: '2026-12-02' });
		expect(dates(occurrences(s, jst('2026-11-18T00:00'), jst('2027-01-01T00:00')))).toEqual(['2026-11-18', '2026-11-25', '2026-12-02']);
	});

	it('skips 毎月31日 in months without a 31st', () => {
		const s = schedule({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=31' });
		expect(dates(occurrences(s, jst('2026-01-01T00:00'), jst('2026-06-01T00:00')))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
	});

	it('spans the whole JST day when no time is set', () => {
		const [o] = occurrences(schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SU', startTime: null, endTime: null }), NOW, jst('2026-11-30T00:00'));
		expect(o).toEqual({ date: '2026-11-29', start: jst('2026-11-29T00:00'), end: jst('2026-11-30T00:00') });
	});
});

describe('nextOccurrences', () => {
	it('includes the occurrence in progress', () => {
		const sunday = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SU', startTime: '09:00', endTime: '12:00' });
		expect(dates(nextOccurrences(sunday, NOW, 2))).toEqual(['2026-11-22', '2026-11-29']);
	});

	it('leaves out an occurrence that has ended', () => {
		const sunday = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=SU', startTime: '09:00', endTime: '10:00' });
		expect(dates(nextOccurrences(sunday, NOW, 2))).toEqual(['2026-11-29', '2026-12-06']);
	});

	it('finds dates months apart', () => {
		const s = schedule({ rrule: 'FREQ=MONTHLY;BYDAY=5WE', holidayPolicy: 'skip' });
		expect(dates(nextOccurrences(s, NOW, 4))).toEqual(['2026-12-30', '2027-03-31', '2027-06-30', '2027-09-29']);
	});

	it('ends for a rule that never fires, and for 不定期', () => {
		const never = schedule({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' });
		expect(nextOccurrences(never, NOW, 3)).toEqual([]);
		expect(nextOccurrences(schedule({ rrule: null }), NOW, 3)).toEqual([]);
		expect(nextOccurrences(schedule(), NOW, 0)).toEqual([]);
	});

	it('stops at the two-year horizon', () => {
		const all = nextOccurrences(schedule({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' }), NOW, 100);
		expect(all).toHaveLength(24);
		expect(all.at(-1)?.date).toBe('2028-11-01');
	});
});
