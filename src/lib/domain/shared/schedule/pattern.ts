/**
 * The Japanese patterns a volunteer picks in the form (毎週○曜, 隔週, 毎月第n○曜, 毎月n日, 不定期),
 * and the RRULE each one stands for. Users never see the RRULE.
 *
 * 毎月31日 (or 30日) simply does not occur in shorter months, as RFC 5545 says for BYMONTHDAY;
 * the form should say so next to the day picker.
 */
import { DAY_CODES, lastLast, mondayFirst, parseRule, sortedUnique } from './rule';

export type SchedulePattern =
	/** 毎週○曜 (0 = Sunday … 6 = Saturday) */
	| { kind: 'weekly'; weekdays: number[] }
	/** 隔週○曜, counted from the schedule's dtstart */
	| { kind: 'biweekly'; weekday: number }
	/** 毎月第n○曜; nths 1…5, -1 = 最終 */
	| { kind: 'monthly_nth'; nths: number[]; weekday: number }
	/** 毎月n日; days 1…31 */
	| { kind: 'monthly_day'; days: number[] }
	/** 不定期 */
	| { kind: 'irregular' };

/** The RRULE body for a pattern; null for 不定期. Throws RangeError for an empty or out-of-range choice. */
export function patternToRRule(p: SchedulePattern): string | null {
	switch (p.kind) {
		case 'irregular':
			return null;
		case 'weekly':
			return `FREQ=WEEKLY;BYDAY=${checked(p.weekdays, isWeekday, mondayFirst).map(code).join(',')}`;
		case 'biweekly':
			return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${code(checked([p.weekday], isWeekday)[0])}`;
		case 'monthly_nth': {
			const day = code(checked([p.weekday], isWeekday)[0]);
			return `FREQ=MONTHLY;BYDAY=${checked(p.nths, isNth, lastLast)
				.map((nth) => `${nth}${day}`)
				.join(',')}`;
		}
		case 'monthly_day':
			return `FREQ=MONTHLY;BYMONTHDAY=${checked(p.days, isMonthDay).join(',')}`;
	}
}

/**
 * The pattern an RRULE body stands for, in canonical form (numbers sorted, 最終 last);
 * null when the rule is not one the form can show, so the form can fall back to a note.
 */
export function rruleToPattern(rrule: string | null): SchedulePattern | null {
	if (rrule === null) return { kind: 'irregular' };
	const rule = parseRule(rrule);
	if (!rule || rule.others.length > 0) return null;
	const { freq, interval, byday, bymonthday } = rule;
	// BYDAY=MO (every Monday) as opposed to BYDAY=2MO (the second Monday of the period)
	const plainWeekdays = byday.length > 0 && byday.every((d) => d.nth === null);
	const weekdays = sortedUnique(byday.map((d) => d.weekday));

	if (freq === 'WEEKLY' && bymonthday.length === 0 && plainWeekdays) {
		if (interval === 1) return { kind: 'weekly', weekdays };
		if (interval === 2 && weekdays.length === 1) return { kind: 'biweekly', weekday: weekdays[0] };
	}
	if (freq === 'MONTHLY' && interval === 1 && bymonthday.length === 0 && weekdays.length === 1) {
		const nths = byday.map((d) => d.nth);
		if (nths.every((n): n is number => n !== null && isNth(n))) {
			return { kind: 'monthly_nth', nths: sortedUnique(nths, lastLast), weekday: weekdays[0] };
		}
	}
	if (freq === 'MONTHLY' && interval === 1 && byday.length === 0 && bymonthday.length > 0 && bymonthday.every(isMonthDay)) {
		return { kind: 'monthly_day', days: sortedUnique(bymonthday) };
	}
	return null;
}

const isWeekday = (n: number) => Number.isInteger(n) && n >= 0 && n <= 6;
const isNth = (n: number) => n === -1 || (Number.isInteger(n) && n >= 1 && n <= 5);
const isMonthDay = (n: number) => Number.isInteger(n) && n >= 1 && n <= 31;
const code = (weekday: number) => DAY_CODES[weekday];

function checked(values: readonly number[], valid: (n: number) => boolean, order?: (n: number) => number): number[] {
	if (values.length === 0 || !values.every(valid)) throw new RangeError(`not a schedule choice: [${values.join(', ')}]`);
	return sortedUnique(values, order);
}
