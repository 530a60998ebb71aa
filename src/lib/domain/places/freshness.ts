/**
 * Keeping listings true: each category is confirmed again after an interval. 'Updated' is not
 * 'verified' — only a confirmation by the organisation or staff resets the clock.
 */
import type { Category } from '../shared/taxonomy';
import { DAY_MS } from '../shared/schedule/jst';

/** Days after a confirmation when the next one is due. */
export const CONFIRMATION_INTERVAL_DAYS: Record<Category, number> = {
	salon: 180,
	ibasho: 180,
	kodomo_shokudo: 180,
	intermediate_work: 180,
	kayoinoba: 180,
	childcare_hub: 365,
	activity_support_center: 365,
	study_support: 180,
	food_support: 180,
	volunteering: 180,
	consultation_desk: 365
};

/** Grace after the due date before a listing counts as overdue (marked, ranked lower). */
export const OVERDUE_GRACE_DAYS = 60;

export type Freshness = 'fresh' | 'due' | 'overdue';

export function freshness(category: Category, verifiedAt: Date | null, now: Date): { state: Freshness; ageDays: number | null } {
	if (!verifiedAt) return { state: 'overdue', ageDays: null };
	const ageDays = Math.floor((now.getTime() - verifiedAt.getTime()) / DAY_MS);
	const interval = CONFIRMATION_INTERVAL_DAYS[category];
	const state = ageDays >= interval + OVERDUE_GRACE_DAYS ? 'overdue' : ageDays >= interval ? 'due' : 'fresh';
	return { state, ageDays };
}
