import type { Closure } from './types';

/** Whether a JST 'YYYY-MM-DD' falls in one of the closures. */
export function isClosed(date: string, closures: readonly Closure[]): boolean {
	return closures.some((c) => covers(c, date));
}

function covers(closure: Closure, date: string): boolean {
	if (closure.kind === 'once') return closure.from <= date && date <= closure.to;
	const monthDay = date.slice(5);
	const { from, to } = closure;
	// 12-29 → 01-03 crosses the year end: the closure is both ends of the calendar, not the middle.
	return from <= to ? from <= monthDay && monthDay <= to : monthDay >= from || monthDay <= to;
}
