/**
 * A small reader for the RRULE parts the pattern builder and describe() talk about.
 * rrule's own parser turns BYDAY into library objects and accepts more than we can put in words;
 * this one keeps the numbers and reports every other part, so callers can refuse what they do not know.
 */

/** RRULE weekday codes indexed like Date#getDay (0 = Sunday). */
export const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

export interface NthWeekday {
	/** 1…5 from the start of the month, -1 the last; null = every such weekday. */
	nth: number | null;
	weekday: number;
}

export interface RuleParts {
	freq: string;
	interval: number;
	byday: NthWeekday[];
	bymonthday: number[];
	/** Names of the parts other than FREQ, INTERVAL, BYDAY and BYMONTHDAY (COUNT, BYMONTH …). */
	others: string[];
}

const BYDAY_ITEM = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/;
const INTEGER = /^[+-]?\d{1,3}$/;

/** The parts of an RRULE body, or null if it is not one. */
export function parseRule(body: string): RuleParts | null {
	const rule: RuleParts = { freq: '', interval: 1, byday: [], bymonthday: [], others: [] };
	for (const part of body.split(';')) {
		const [name, value, extra] = part.split('=');
		if (!name || !value || extra !== undefined) return null;
		if (name === 'FREQ') rule.freq = value;
		else if (name === 'INTERVAL') rule.interval = INTEGER.test(value) ? +value : NaN;
		else if (name === 'BYDAY') rule.byday = value.split(',').map(parseNthWeekday);
		else if (name === 'BYMONTHDAY') rule.bymonthday = value.split(',').map((n) => (INTEGER.test(n) ? +n : NaN));
		else rule.others.push(name);
	}
	const valid =
		rule.freq !== '' &&
		rule.interval >= 1 &&
		rule.byday.every((d) => d.weekday >= 0 && d.nth !== 0) &&
		rule.bymonthday.every((d) => d !== 0 && Math.abs(d) <= 31);
	return valid ? rule : null;
}

function parseNthWeekday(item: string): NthWeekday {
	const match = BYDAY_ITEM.exec(item);
	if (!match) return { nth: null, weekday: -1 };
	return { nth: match[1] === undefined ? null : +match[1], weekday: DAY_CODES.indexOf(match[2] as (typeof DAY_CODES)[number]) };
}

/** Sorted ascending without repeats. */
export function sortedUnique(numbers: readonly number[], order: (n: number) => number = (n) => n): number[] {
	return [...new Set(numbers)].sort((a, b) => order(a) - order(b));
}

/** Sort key for weekdays in the order a Japanese week is read: Monday first, Sunday last. */
export const mondayFirst = (weekday: number): number => (weekday + 6) % 7;

/** Sort key for nths: 1…5, then the last (-1). */
export const lastLast = (nth: number): number => (nth === -1 ? 99 : nth);
