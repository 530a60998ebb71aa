/**
 * What describe() says, split from how each language says it.
 * A phrasebook is a sentence grammar for one locale — a schedule sentence, not UI chrome, so it
 * lives here beside the rules rather than in the message catalogue.
 */
import type { Closure } from './types';

export type Locale = 'ja' | 'en';

/** A rule reduced to what a sentence needs. Weekdays are Monday first, nths 1…5 then -1 (last). */
export type RulePhrase =
	| { kind: 'daily' }
	/** Monday to Friday, every week */
	| { kind: 'weekdays' }
	| { kind: 'weekly'; interval: number; weekdays: number[] }
	| { kind: 'monthly_nth'; interval: number; days: { nth: number; weekday: number }[] }
	/** days 1…31, -1 = the last day */
	| { kind: 'monthly_day'; interval: number; days: number[] }
	/** a rule the builder does not make (COUNT, BYMONTH, YEARLY …): said only as "regular" */
	| { kind: 'other' };

export interface Phrasebook {
	irregular: string;
	rule(phrase: RulePhrase): string;
	/** end null = open-ended */
	time(start: string, end: string | null): string;
	withTime(rule: string, time: string): string;
	holidaysClosed: string;
	closure(closure: Closure): string;
	notes(notes: string[]): string;
}

/** 'HH:MM' → 'H:MM': 9:00, 13:30. */
export function clock(time: string): string {
	return `${Number(time.slice(0, 2))}:${time.slice(3, 5)}`;
}

export interface DayParts {
	year: number | null;
	month: number;
	day: number;
}

/** The parts of an 'MM-DD' (annual) or 'YYYY-MM-DD' (once) closure bound. */
export function dayParts(value: string): DayParts {
	const [month, day] = value.slice(-5).split('-').map(Number);
	return { year: value.length > 5 ? Number(value.slice(0, 4)) : null, month, day };
}

/** 年末年始: an annual closure from late December to early January. */
export function isYearEnd(c: Closure): boolean {
	return c.kind === 'annual' && c.from > c.to && c.from >= '12-20' && c.to <= '01-10';
}

/** Whether a closure is whole calendar months (08-01 → 08-31); a February may end on the 28th or 29th. */
export function isWholeMonths(c: Closure): boolean {
	const from = dayParts(c.from);
	const to = dayParts(c.to);
	const lastDay = to.month === 2 ? [28, 29] : [new Date(Date.UTC(2001, to.month, 0)).getUTCDate()];
	return from.day === 1 && lastDay.includes(to.day);
}

/** Groups nth-weekday items when they share one weekday: 第2・第4火曜 rather than 第2火曜・第4火曜. */
export function sharedWeekday(days: { nth: number; weekday: number }[]): number | null {
	return days.every((d) => d.weekday === days[0].weekday) ? days[0].weekday : null;
}
