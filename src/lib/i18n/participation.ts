/**
 * Labels for the 参加支援 codes, from the message catalogue (`<vocabulary>_<code>`), written out
 * in full like $lib/i18n so that only the staff pages' bundles carry them.
 */
import { formatWareki, todayJst } from '$lib/domain/shared/wareki';
import { labelIn, type Message } from '$lib/i18n/index';
import { m } from '$lib/paraglide/messages';

const LABELS = {
	age_band: {
		'10s': m.age_band_10s,
		'20s': m.age_band_20s,
		'30s': m.age_band_30s,
		'40s': m.age_band_40s,
		'50s': m.age_band_50s,
		'60s': m.age_band_60s,
		'70s': m.age_band_70s,
		'80plus': m.age_band_80plus
	},
	goal: {
		ibasho: m.goal_ibasho,
		friends: m.goal_friends,
		volunteer: m.goal_volunteer,
		work_prep: m.goal_work_prep,
		hobby: m.goal_hobby
	},
	mode: {
		walk: m.mode_walk,
		bicycle: m.mode_bicycle,
		bus: m.mode_bus,
		pickup_needed: m.mode_pickup_needed
	},
	preference: {
		small_group: m.preference_small_group,
		quiet: m.preference_quiet,
		same_gender_staff: m.preference_same_gender_staff
	},
	interest: {
		books: m.interest_books,
		cooking: m.interest_cooking,
		farming: m.interest_farming,
		crafts: m.interest_crafts,
		animals: m.interest_animals,
		computers: m.interest_computers,
		music: m.interest_music,
		sports: m.interest_sports,
		gardening: m.interest_gardening,
		children: m.interest_children
	},
	period: {
		am: m.period_am,
		pm: m.period_pm,
		eve: m.period_eve
	},
	placement_status: {
		proposed: m.placement_status_proposed,
		asked: m.placement_status_asked,
		accepted: m.placement_status_accepted,
		declined: m.placement_status_declined,
		expired: m.placement_status_expired,
		trial_visit: m.placement_status_trial_visit,
		active: m.placement_status_active,
		settled: m.placement_status_settled,
		ended: m.placement_status_ended,
		withdrawn: m.placement_status_withdrawn
	},
	host_decline_reason: {
		full: m.host_decline_reason_full,
		schedule: m.host_decline_reason_schedule,
		not_ready: m.host_decline_reason_not_ready,
		not_suitable: m.host_decline_reason_not_suitable,
		other: m.host_decline_reason_other
	},
	end_reason: {
		next_step: m.end_reason_next_step,
		employed: m.end_reason_employed,
		not_a_fit: m.end_reason_not_a_fit,
		health: m.end_reason_health,
		schedule: m.end_reason_schedule,
		moved: m.end_reason_moved,
		host_circumstances: m.end_reason_host_circumstances,
		no_contact: m.end_reason_no_contact,
		other: m.end_reason_other,
		participant_changed_mind: m.end_reason_participant_changed_mind,
		found_elsewhere: m.end_reason_found_elsewhere
	},
	self_report: {
		good: m.self_report_good,
		okay: m.self_report_okay,
		hard: m.self_report_hard
	},
	follow_up_kind: {
		week1: m.follow_up_kind_week1,
		month1: m.follow_up_kind_month1,
		month3: m.follow_up_kind_month3
	},
	actor_kind: {
		host_link: m.actor_kind_host_link,
		system: m.actor_kind_system
	},
	access_action: {
		view: m.access_action_view,
		list: m.access_action_list,
		create: m.access_action_create,
		update: m.access_action_update,
		delete: m.access_action_delete,
		export: m.access_action_export
	},
	access_record: {
		participant: m.access_record_participant,
		participant_name: m.access_record_participant_name,
		assignment: m.access_record_assignment,
		placement: m.access_record_placement,
		follow_up: m.access_record_follow_up,
		numbers: m.access_record_numbers
	}
} satisfies Record<string, Record<string, Message>>;

export type ParticipationVocabulary = keyof typeof LABELS;

export function participationLabel(vocabulary: ParticipationVocabulary, code: string): string {
	return labelIn(LABELS[vocabulary], code);
}

export const participationOptions = (vocabulary: ParticipationVocabulary, codes: readonly string[]) =>
	codes.map((value) => ({ value, label: participationLabel(vocabulary, value) }));

/** A day as staff read it: 和暦 in Japanese (令和8年12月1日), ISO in English. */
export function dayText(date: Date | string | null, locale: 'ja' | 'en'): string {
	if (date === null) return '—';
	if (locale === 'ja') return formatWareki(date);
	return typeof date === 'string' ? date : todayJst(date);
}
