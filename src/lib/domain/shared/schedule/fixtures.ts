/** Test fixtures: JST instants and schedules with the usual defaults. */
import type { Schedule } from './types';

/** The instant of a JST wall-clock reading: jst('2026-11-22T10:00'). */
export function jst(local: string): Date {
	return new Date(`${local}+09:00`);
}

/** The dates of a list of occurrences. */
export const dates = (list: { date: string }[]) => list.map((o) => o.date);

/** Sunday 22 November 2026, 10:00 JST: the fixed "now" of the tests. */
export const NOW = jst('2026-11-22T10:00');

export function schedule(overrides: Partial<Schedule> = {}): Schedule {
	return {
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		dtstart: '2026-01-01',
		startTime: '10:00',
		endTime: '12:00',
		exdates: [],
		holidayPolicy: 'hold',
		closures: [],
		until: null,
		...overrides
	};
}
