/**
 * Activities and openings share the same schedule columns; this is the one place that turns
 * them into the domain's Schedule.
 */
import type { Closure, Schedule } from '$lib/domain/shared/schedule';
import type { HolidayPolicy } from '$lib/domain/shared/taxonomy';

/** Select list for the schedule columns of a table aliased `alias`. */
export const scheduleColumns = (alias: string) => `
	${alias}.rrule, ${alias}.dtstart::text as dtstart, to_char(${alias}.start_time, 'HH24:MI') as start_time,
	to_char(${alias}.end_time, 'HH24:MI') as end_time, ${alias}.exdates::text[] as exdates,
	${alias}.holiday_policy::text as holiday_policy, ${alias}.closures, ${alias}.until::text as until,
	${alias}.schedule_note`;

export interface ScheduleRow {
	rrule: string | null;
	dtstart: string;
	start_time: string | null;
	end_time: string | null;
	exdates: string[];
	holiday_policy: HolidayPolicy;
	closures: Closure[];
	until: string | null;
	schedule_note: string | null;
}

export function scheduleFromRow(row: ScheduleRow): Schedule {
	return {
		rrule: row.rrule,
		dtstart: row.dtstart,
		startTime: row.start_time,
		endTime: row.end_time,
		exdates: row.exdates ?? [],
		holidayPolicy: row.holiday_policy,
		closures: row.closures ?? [],
		until: row.until
	};
}
