/** The place page's 「次の開催日」 list: the soonest occurrences across all of a place's activities. */
import { nextOccurrences, type Schedule } from '$lib/domain/shared/schedule';

export interface NextDate {
	/** Unique within the list: two activities may share a start time (issue 10 item 3). */
	key: string;
	activityId: string;
	title: string;
	start: Date;
	end: Date;
}

export function nextDates(activities: readonly { id: string; title: string; schedule: Schedule }[], now: Date, n: number): NextDate[] {
	return activities
		.flatMap((a) =>
			nextOccurrences(a.schedule, now, n).map((o) => ({
				key: `${a.id}@${o.start.toISOString()}`,
				activityId: a.id,
				title: a.title,
				start: o.start,
				end: o.end
			}))
		)
		.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title, 'ja'))
		.slice(0, n);
}
