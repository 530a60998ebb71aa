/**
 * Asia/Tokyo wall-clock arithmetic that never reads the process time zone.
 *
 * Japan has kept a fixed UTC+9 since 1951, so a JST reading is an instant shifted by nine hours.
 * A "floating" Date carries a JST wall-clock reading in its UTC fields (10:00 JST on 2026-11-22 is
 * 2026-11-22T10:00Z). rrule computes in UTC, so it can run on floating dates unchanged; real
 * instants appear only at the edges, through toInstant and toFloating.
 */

/** The one home of these lengths: everything that counts days, hours or the JST offset imports them. */
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const JST_OFFSET_MS = 9 * HOUR_MS;
/** UTC+9, as open-data formats that want hours write it */
export const JST_OFFSET_HOURS = 9;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

export function toFloating(instant: Date): Date {
	return new Date(instant.getTime() + JST_OFFSET_MS);
}

export function toInstant(floating: Date): Date {
	return new Date(floating.getTime() - JST_OFFSET_MS);
}

/** The floating Date of a JST 'YYYY-MM-DD' (and 'HH:MM'); rejects dates like 2026-02-30 rather than rolling them over. */
export function floatingAt(date: string, time: string | null = null): Date {
	const d = DATE.exec(date);
	const t = time === null ? ['', '00', '00'] : TIME.exec(time);
	if (!d || !t) throw new RangeError(`not a JST date/time: ${date} ${time ?? ''}`);
	const floating = new Date(Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]));
	if (dateKey(floating) !== date || +t[1] > 23 || +t[2] > 59) {
		throw new RangeError(`not a JST date/time: ${date} ${time ?? ''}`);
	}
	return floating;
}

/** 'YYYY-MM-DD' of a floating Date. */
export function dateKey(floating: Date): string {
	return floating.toISOString().slice(0, 10);
}

/** Today's date in Japan, whatever the server's clock zone says. */
export function todayJst(now: Date): string {
	return dateKey(toFloating(now));
}

export function addDays(date: string, days: number): string {
	return dateKey(new Date(floatingAt(date).getTime() + days * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay and the pattern builder count. */
export function weekdayOf(date: string): number {
	return floatingAt(date).getUTCDay();
}

export function minutesOf(time: string): number {
	const t = floatingAt('2000-01-01', time);
	return t.getUTCHours() * 60 + t.getUTCMinutes();
}

/** The instant a JST date begins. */
export function jstMidnight(date: string): Date {
	return toInstant(floatingAt(date));
}

/** The instant the current JST day ends. */
export function endOfJstDay(now: Date): Date {
	return jstMidnight(addDays(todayJst(now), 1));
}

/** The instant the current JST week (Monday–Sunday) ends: next Monday 00:00 JST. */
export function endOfJstWeek(now: Date): Date {
	const today = todayJst(now);
	const daysToMonday = (8 - weekdayOf(today)) % 7 || 7;
	return jstMidnight(addDays(today, daysToMonday));
}
