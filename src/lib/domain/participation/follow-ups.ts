/**
 * 定着支援: after someone starts, the coordinator checks in at one week, one month and three
 * months — the points where people most often quietly stop going. Dates are JST calendar
 * dates ('YYYY-MM-DD'), so a follow-up is due on a day, not at an instant.
 */
import { DAY_MS, dateKey, floatingAt } from '../shared/schedule/jst';

export const FOLLOW_UP_KINDS = ['week1', 'month1', 'month3'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export interface FollowUp {
	kind: FollowUpKind;
	dueOn: string;
}

/** A follow-up counts as due this many days ahead, so that it can be planned into the week. */
export const FOLLOW_UP_DUE_WINDOW_DAYS = 3;

export type FollowUpState = 'done' | 'overdue' | 'due' | 'upcoming';

export function followUpsFor(startedOn: string): FollowUp[] {
	return [
		{ kind: 'week1', dueOn: addDays(startedOn, 7) },
		{ kind: 'month1', dueOn: addMonthsClamped(startedOn, 1) },
		{ kind: 'month3', dueOn: addMonthsClamped(startedOn, 3) }
	];
}

/**
 * overdue: dueOn < today and not done; due: today ≤ dueOn ≤ today + 3 days; upcoming: later.
 * Done wins whenever it was done — a late check-in still happened.
 */
export function followUpState(dueOn: string, doneOn: string | null, today: string): FollowUpState {
	checkDate(dueOn);
	if (doneOn !== null) {
		checkDate(doneOn);
		return 'done';
	}
	checkDate(today);
	// 'YYYY-MM-DD' strings order like the dates they name.
	if (dueOn < today) return 'overdue';
	if (dueOn <= addDays(today, FOLLOW_UP_DUE_WINDOW_DAYS)) return 'due';
	return 'upcoming';
}

export function addDays(date: string, days: number): string {
	checkWhole(days);
	return dateKey(new Date(floatingAt(date).getTime() + days * DAY_MS));
}

/**
 * Calendar months, clamped to the end of a shorter month: 01-31 + 1 month is 02-28 (02-29 in a
 * leap year), not 03-03 as Date#setUTCMonth would roll it — "one month after" should never
 * land in the month after that.
 */
export function addMonthsClamped(date: string, months: number): string {
	checkWhole(months);
	const start = floatingAt(date);
	const index = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
	const year = Math.floor(index / 12);
	const month = index - year * 12; // 0-based, also for negative `months`
	const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
	const result = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	checkDate(result); // a year outside 0100–9999 would not round-trip
	return result;
}

/** Throws RangeError unless `date` is a real 'YYYY-MM-DD' (no 2026-02-30, no 2026-2-3). */
export function checkDate(date: string): string {
	floatingAt(date);
	return date;
}

function daysInMonth(year: number, month0: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month0];
}

function checkWhole(n: number): void {
	if (!Number.isInteger(n)) throw new RangeError(`not a whole number: ${n}`);
}
