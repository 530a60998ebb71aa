/**
 * The numbers page and its CSV speak the same words: the catalogue's labels for the domain's
 * columns, end reasons and areas.
 */
import { END_REASONS, type NumbersCsvLabels } from '$lib/domain/participation';
import { formatWareki } from '$lib/domain/shared/wareki';
import { m } from '$lib/paraglide/messages';
import { participationLabel } from './participation';

/** 33.3%, or — when there is nothing to divide. */
export const percent = (rate: number | null) => (rate === null ? '—' : m.pt_rate({ rate: (rate * 100).toFixed(1) }));

/** 令和8年12月 for 2026-12 in Japanese; the month as it is in English. */
export function monthText(month: string, locale: 'ja' | 'en'): string {
	return locale === 'ja' ? formatWareki(`${month}-01`, { day: false }) : month;
}

export function csvLabels(areas: readonly { id: string; name: string }[], locale: 'ja' | 'en'): NumbersCsvLabels {
	return {
		headers: {
			area: m.pt_num_area(),
			month: m.pt_num_month(),
			participants: m.pt_num_participants(),
			connected: m.pt_num_connected(),
			connectedRate: m.pt_num_connected_rate(),
			medianDaysToFirst: m.pt_num_days(),
			settleEligible: m.pt_num_settle_eligible(),
			settled3m: m.pt_num_settled(),
			settledRate: m.pt_num_settled_rate(),
			replies: m.pt_num_replies(),
			medianReplyHours: m.pt_num_reply_hours()
		},
		endReasons: Object.fromEntries(
			END_REASONS.map((r) => [r, `${m.pt_num_end_reasons()}：${participationLabel('end_reason', r)}`])
		) as NumbersCsvLabels['endReasons'],
		areaNames: Object.fromEntries(areas.map((a) => [a.id, a.name])),
		noArea: m.pt_no_area(),
		allAreas: m.pt_all_areas(),
		allMonths: m.pt_all_months(),
		formatMonth: (month) => monthText(month, locale)
	};
}
