/**
 * JST wall-clock readings of instants without the process time zone: Japan has kept UTC+9 with
 * no DST since 1951, so a reading is a fixed shift. (schedule/jst.ts does the same for dates;
 * this module needs only weekday and minute-of-day, in the hot loop, without allocating a Date.)
 */
import type { Weekday } from './types';

import { DAY_MS, JST_OFFSET_MS, MINUTE_MS } from '../../shared/schedule/jst';

export { DAY_MS, MINUTE_MS };

/** The JST day number (days since 1970-01-01 in Japan) of an instant. */
export function jstDay(ms: number): number {
	return Math.floor((ms + JST_OFFSET_MS) / DAY_MS);
}

/** The instant the JST day of `ms` began. */
export function jstDayStart(ms: number): number {
	return jstDay(ms) * DAY_MS - JST_OFFSET_MS;
}

/** 1970-01-01 was a Thursday. */
export function weekdayOfDay(day: number): Weekday {
	return ((((day + 4) % 7) + 7) % 7) as Weekday;
}

/** Minutes since JST midnight of the instant's own JST day (may be fractional). */
export function jstMinuteOfDay(ms: number): number {
	const local = ms + JST_OFFSET_MS;
	return (local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS;
}

const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** 'HH:MM' → minutes since midnight; '24:00' is allowed as an end; NaN when malformed. */
export function parseClock(text: string): number {
	const m = CLOCK.exec(text);
	if (!m) return Number.NaN;
	const h = Number(m[1]);
	const min = Number(m[2]);
	if (min > 59 || h > 24 || (h === 24 && min !== 0)) return Number.NaN;
	return h * 60 + min;
}

export function formatClock(minutes: number): string {
	const m = Math.round(minutes);
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The JST day number of a 'YYYY-MM-DD'; NaN when malformed. */
export function dayOfDate(date: string): number {
	const m = DATE.exec(date);
	if (!m) return Number.NaN;
	return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}
