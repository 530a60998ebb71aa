/**
 * 参加支援 after the match: the workflow of a placement, the 定着支援 follow-ups once someone
 * starts, and the numbers a 社協 reports. Pure and deterministic: `today`/`now` are arguments,
 * and JST is computed without the process time zone.
 */
export {
	PLACEMENT_STATUSES,
	TRANSITIONS,
	canTransition,
	isPlacementStatus,
	isOpen,
	isStarted,
	occupiesCapacity,
	HOST_DECLINE_REASONS,
	END_REASONS,
	WITHDRAW_REASONS,
	SELF_REPORTS,
	HOST_REQUEST,
	hostRequestExpiresAt,
	hostReminderDueAt,
	isHostRequestExpired,
	type PlacementStatus,
	type HostDeclineReason,
	type EndReason,
	type WithdrawReason,
	type SelfReport
} from './workflow';
export {
	FOLLOW_UP_KINDS,
	FOLLOW_UP_DUE_WINDOW_DAYS,
	followUpsFor,
	followUpState,
	addDays,
	addMonthsClamped,
	checkDate,
	type FollowUp,
	type FollowUpKind,
	type FollowUpState
} from './follow-ups';
export {
	NO_AREA,
	ALL_AREAS,
	participationNumbers,
	numbersCsv,
	median,
	type NumbersInput,
	type NumbersParticipant,
	type NumbersPlacement,
	type NumbersMetrics,
	type NumbersRow,
	type ParticipationNumbers,
	type NumbersColumn,
	type NumbersCsvLabels
} from './numbers';
