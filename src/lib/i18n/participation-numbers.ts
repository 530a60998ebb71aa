/**
 * The numbers page and its CSV speak the same words: the catalogue's labels for the domain's
 * columns, end reasons and areas.
 */
import { END_REASONS, type NumbersCsvLabels } from '$lib/domain/participation';
import { formatWareki } from '$lib/domain/shared/wareki';
import { m } from '$lib/paraglide/messages';
import { participationLabel } from './participation';

/** 33.3%, or — when there is nothing to divide. */
export const percent = (rate: number | null) => (rate === null ? '—' : m.participation_rate({ rate: (rate * 100).toFixed(1) }));

/** 令和8年12月 for 2026-12 in Japanese; the month as it is in English. */
export function monthText(month: string, locale: 'ja' | 'en'): string {
	return locale === 'ja' ? formatWareki(`${month}-01`, { day: false }) : month;
}

export function csvLabels(areas: readonly { id: string; name: string }[], locale: 'ja' | 'en'): NumbersCsvLabels {
	return {
		headers: {
			area: m.participation_num_area(),
			month: m.participation_num_month(),
			participants: m.participation_num_participants(),
			connected: m.participation_num_connected(),
			connectedRate: m.participation_num_connected_rate(),
			medianDaysToFirst: m.participation_num_days(),
			settleEligible: m.participation_num_settle_eligible(),
			settled3m: m.participation_num_settled(),
			settledRate: m.participation_num_settled_rate(),
			replies: m.participation_num_replies(),
			medianReplyHours: m.participation_num_reply_hours()
		},
		endReasons: Object.fromEntries(
			END_REASONS.map((r) => [r, `${m.participation_num_end_reasons()}：${participationLabel('end_reason', r)}`])
		) as NumbersCsvLabels['endReasons'],
		areaNames: Object.fromEntries(areas.map((a) => [a.id, a.name])),
		noArea: m.participation_no_area(),
		allAreas: m.participation_all_areas(),
		allMonths: m.participation_all_months(),
		formatMonth: (month) => monthText(month, locale)
	};
}
