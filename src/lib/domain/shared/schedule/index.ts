/**
 * Schedules of activities and openings: RRULE + 祝日 + closures in Asia/Tokyo.
 * Pure functions, no I/O, no process time zone; usable in the browser and on the server.
 */
export type { Closure, Occurrence, Schedule } from './types';
export { occurrences, nextOccurrences } from './occurrences';
export { isOnToday, isThisWeek, matchesWhen, bandsOf, BANDS, type Band, type WhenFilter } from './when';
export { describe, type DescribeOptions } from './describe';
export type { Locale } from './phrasebook';
export { toICalendar, type CalendarEvent, type CalendarOptions } from './ical';
export { patternToRRule, rruleToPattern, type SchedulePattern } from './pattern';
export { isHoliday, holidayName } from './holidays';
