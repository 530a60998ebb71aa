import { clock, dayParts, isWholeMonths, sharedWeekday, type DayParts, type Phrasebook, type RulePhrase } from './phrasebook';
import type { Closure } from './types';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
	...['January', 'February', 'March', 'April', 'May', 'June'],
	...['July', 'August', 'September', 'October', 'November', 'December']
];

/* Closure labels are Japanese free text, so English always words the dates themselves. */
export const en: Phrasebook = {
	irregular: 'Irregular',
	rule,
	time: (start, end) => (end === null ? `from ${clock(start)}` : `${clock(start)}–${clock(end)}`),
	// A one-word rule reads as a heading ("Weekdays 9:00–17:00"); a longer one needs the comma.
	withTime: (rule, time) => `${rule}${rule.includes(' ') ? ',' : ''} ${time}`,
	holidaysClosed: 'closed on public holidays',
	closure: (c) => `closed ${closurePeriod(c)}`,
	notes: (notes) => ` (${notes.join('; ')})`
};

function rule(p: RulePhrase): string {
	switch (p.kind) {
		case 'daily':
			return 'Daily';
		case 'weekdays':
			return 'Weekdays';
		case 'weekly': {
			const days = list(p.weekdays.map((d) => WEEKDAYS[d]));
			if (p.interval === 1) return `Every ${days}`;
			if (p.interval === 2) return `Every other ${days}`;
			return `Every ${p.interval} weeks on ${days}`;
		}
		case 'monthly_nth':
			return `Every ${nthWeekdays(p.days)} of ${months(p.interval, 'the month')}`;
		case 'monthly_day': {
			const days = `the ${list(p.days.map((d) => (d === -1 ? 'last day' : ordinal(d))))}`;
			const period = p.interval === 1 ? 'Monthly' : p.interval === 2 ? 'Every other month' : `Every ${p.interval} months`;
			return `${period} on ${days}`;
		}
		case 'other':
			return 'Regularly';
	}
}

function months(interval: number, one: string): string {
	return interval === 1 ? one : interval === 2 ? 'every other month' : `every ${interval} months`;
}

function nthWeekdays(days: { nth: number; weekday: number }[]): string {
	const nth = (n: number) => (n === -1 ? 'last' : ordinal(n));
	const shared = sharedWeekday(days);
	if (shared !== null) return `${list(days.map((d) => nth(d.nth)))} ${WEEKDAYS[shared]}`;
	return list(days.map((d) => `${nth(d.nth)} ${WEEKDAYS[d.weekday]}`));
}

function ordinal(n: number): string {
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
}

/** a, b and c */
function list(items: string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** in August, December–February, Dec 29–Jan 3, Dec 1–5, 2026 */
function closurePeriod(c: Closure): string {
	const from = dayParts(c.from);
	const to = dayParts(c.to);
	const year = (p: DayParts) => (p.year === null ? '' : ` ${p.year}`);
	if (isWholeMonths(c)) {
		if (from.month === to.month && from.year === to.year) return `in ${MONTHS[from.month - 1]}${year(from)}`;
		return `${MONTHS[from.month - 1]}${from.year === to.year ? '' : year(from)}–${MONTHS[to.month - 1]}${year(to)}`;
	}
	const short = (p: DayParts) => `${MONTHS[p.month - 1].slice(0, 3)} ${p.day}`;
	const withYear = (p: DayParts) => (p.year === null ? '' : `, ${p.year}`);
	if (c.from === c.to) return `${short(from)}${withYear(from)}`;
	if (from.year !== to.year) return `${short(from)}${withYear(from)}–${short(to)}${withYear(to)}`;
	const end = from.month === to.month ? `${to.day}` : short(to);
	return `${short(from)}–${end}${withYear(to)}`;
}
