/**
 * The life of a placement — one participant proposed to one opening — from the coordinator's
 * pick to 定着 or an ending. The status codes and reason codes are stored as they are (the
 * statuses become a PostgreSQL enum), so they are part of the data, not of the wording: the
 * screens label them through the message catalogue.
 */
import { DAY_MS } from '../shared/schedule/jst';

/** In the order a placement usually goes through them. */
export const PLACEMENT_STATUSES = [
	'proposed', // the coordinator picked this opening for this person
	'asked', // the host has been asked and has not answered yet
	'accepted', // 見学OK, with candidate dates
	'declined', // 今は難しい, with a reason
	'expired', // no answer in time; may be asked again
	'trial_visit', // 見学・体験 done
	'active', // 参加開始
	'settled', // 定着
	'ended', // 終了, with a reason
	'withdrawn' // cancelled before starting, with a reason
] as const;

export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/**
 * Every move a placement may make. A status with no moves is terminal: a new attempt with the
 * same host is a new placement, so that each one's history stays readable as it happened.
 */
export const TRANSITIONS: Record<PlacementStatus, readonly PlacementStatus[]> = {
	proposed: ['asked', 'withdrawn'],
	asked: ['accepted', 'declined', 'expired', 'withdrawn'],
	// The host may simply have missed the request; asking again keeps the same placement.
	expired: ['asked', 'withdrawn'],
	// Some people start straight away without a separate 見学.
	accepted: ['trial_visit', 'active', 'withdrawn'],
	trial_visit: ['active', 'withdrawn'],
	// Once someone has started, stopping is an ending (with its reason), never a withdrawal.
	active: ['settled', 'ended'],
	settled: ['ended'],
	declined: [],
	withdrawn: [],
	ended: []
};

export function isPlacementStatus(value: unknown): value is PlacementStatus {
	return typeof value === 'string' && (PLACEMENT_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: PlacementStatus, to: PlacementStatus): boolean {
	return TRANSITIONS[from].includes(to);
}

/** Not terminal: something can still happen to it (an expired request can be asked again). */
export function isOpen(status: PlacementStatus): boolean {
	return TRANSITIONS[status].length > 0;
}

/** The person has begun taking part. `ended` counts because it can only follow active or settled. */
export function isStarted(status: PlacementStatus): boolean {
	return status === 'active' || status === 'settled' || status === 'ended';
}

/**
 * Holds one of the opening's seats. A pending request does not: hosts are often asked about
 * several people at once, and a seat is only promised once the host says yes.
 */
export function occupiesCapacity(status: PlacementStatus): boolean {
	return status === 'accepted' || status === 'trial_visit' || status === 'active' || status === 'settled';
}

/** Why a host said 今は難しい: 定員に空きがない, 日程が合わない, 受け入れ体制が整わない, 活動内容が合わない, その他. */
export const HOST_DECLINE_REASONS = ['full', 'schedule', 'not_ready', 'not_suitable', 'other'] as const;
export type HostDeclineReason = (typeof HOST_DECLINE_REASONS)[number];

/**
 * Why taking part ended: 次のステップへ, 就労につながった, 合わなかった, 体調, 時間が合わなくなった,
 * 転居, 受け入れ先の事情, 連絡が取れない, その他. Several are good outcomes, which is why the
 * numbers count them separately rather than as one drop-out figure.
 */
export const END_REASONS = [
	'next_step',
	'employed',
	'not_a_fit',
	'health',
	'schedule',
	'moved',
	'host_circumstances',
	'no_contact',
	'other'
] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Why a placement was cancelled before starting. */
export const WITHDRAW_REASONS = ['participant_changed_mind', 'found_elsewhere', 'health', 'other'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

/** The participant's own word after going: 行ってよかった / まあまあ / しんどかった. */
export const SELF_REPORTS = ['good', 'okay', 'hard'] as const;
export type SelfReport = (typeof SELF_REPORTS)[number];

/**
 * How long a host has to answer, and when to nudge them. Plain elapsed days rather than JST
 * calendar days: a request sent late in the evening still gets a full week.
 */
export const HOST_REQUEST = { expiresAfterDays: 7, remindAfterDays: 3 } as const;

export function hostRequestExpiresAt(askedAt: Date): Date {
	return new Date(instant(askedAt) + HOST_REQUEST.expiresAfterDays * DAY_MS);
}

export function hostReminderDueAt(askedAt: Date): Date {
	return new Date(instant(askedAt) + HOST_REQUEST.remindAfterDays * DAY_MS);
}

/** True from the moment the week is up, so that "7 days" never quietly means 7 days and a bit. */
export function isHostRequestExpired(askedAt: Date, now: Date): boolean {
	return instant(now) >= hostRequestExpiresAt(askedAt).getTime();
}

function instant(date: Date): number {
	const ms = date.getTime();
	if (Number.isNaN(ms)) throw new RangeError('not a valid Date');
	return ms;
}
