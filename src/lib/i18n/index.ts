/**
 * Labels for taxonomy codes, from the message catalogue (`<vocabulary>_<code>`).
 * Written out in full rather than looked up by name, so the bundler keeps only these messages
 * in the browser's JavaScript — a dynamic `m[key]` would pull in the whole catalogue.
 */
import { m } from '$lib/paraglide/messages';

export type Message = (inputs?: object, options?: { locale?: 'ja' | 'en' }) => string;

const LABELS = {
	category: {
		salon: m.category_salon,
		ibasho: m.category_ibasho,
		kodomo_shokudo: m.category_kodomo_shokudo,
		intermediate_work: m.category_intermediate_work,
		kayoinoba: m.category_kayoinoba,
		childcare_hub: m.category_childcare_hub,
		activity_support_center: m.category_activity_support_center,
		study_support: m.category_study_support,
		food_support: m.category_food_support,
		volunteering: m.category_volunteering,
		consultation_desk: m.category_consultation_desk
	},
	target_group: {
		elderly: m.target_group_elderly,
		disability: m.target_group_disability,
		children: m.target_group_children,
		parents: m.target_group_parents,
		poverty: m.target_group_poverty,
		youth: m.target_group_youth,
		hikikomori: m.target_group_hikikomori,
		anyone: m.target_group_anyone
	},
	accommodation: {
		solo_ok: m.accommodation_solo_ok,
		observe_ok: m.accommodation_observe_ok,
		no_reservation: m.accommodation_no_reservation,
		no_talking_ok: m.accommodation_no_talking_ok,
		leave_early_ok: m.accommodation_leave_early_ok,
		small_group: m.accommodation_small_group,
		barrier_free: m.accommodation_barrier_free,
		pickup: m.accommodation_pickup,
		short_time_ok: m.accommodation_short_time_ok,
		companion_ok: m.accommodation_companion_ok,
		quiet: m.accommodation_quiet,
		travel_expenses: m.accommodation_travel_expenses,
		wage: m.accommodation_wage
	},
	venue_type: {
		community_center: m.venue_type_community_center,
		meeting_hall: m.venue_type_meeting_hall,
		vacant_house: m.venue_type_vacant_house,
		temple: m.venue_type_temple,
		shrine: m.venue_type_shrine,
		church: m.venue_type_church,
		shop: m.venue_type_shop,
		welfare_facility: m.venue_type_welfare_facility,
		school: m.venue_type_school,
		park: m.venue_type_park,
		public_office: m.venue_type_public_office,
		private_home: m.venue_type_private_home,
		other: m.venue_type_other
	},
	organization_kind: {
		shakyo: m.organization_kind_shakyo,
		municipal_dept: m.organization_kind_municipal_dept,
		npo: m.organization_kind_npo,
		neighborhood_assoc: m.organization_kind_neighborhood_assoc,
		corporation: m.organization_kind_corporation,
		company: m.organization_kind_company,
		volunteer_group: m.organization_kind_volunteer_group,
		agency: m.organization_kind_agency
	},
	membership_role: {
		volunteer: m.membership_role_volunteer,
		moderator: m.membership_role_moderator,
		coordinator: m.membership_role_coordinator,
		agency_staff: m.membership_role_agency_staff,
		admin: m.membership_role_admin
	},
	area_kind: {
		sphere: m.area_kind_sphere,
		district: m.area_kind_district,
		school_district: m.area_kind_school_district,
		neighborhood: m.area_kind_neighborhood,
		chome: m.area_kind_chome
	},
	disclosure_level: {
		exact: m.disclosure_level_exact,
		approximate: m.disclosure_level_approximate,
		contact_only: m.disclosure_level_contact_only
	},
	place_status: {
		draft: m.place_status_draft,
		submitted: m.place_status_submitted,
		published: m.place_status_published,
		archived: m.place_status_archived
	}
} satisfies Record<string, Record<string, Message>>;

export type Vocabulary = keyof typeof LABELS;

/** The label in the request's language, or in `locale` (open data is always Japanese). */
export function label(vocabulary: Vocabulary, code: string, locale?: 'ja' | 'en'): string {
	return labelIn(LABELS[vocabulary], code, locale);
}

/** A code's message from one vocabulary's table; an unknown code is shown as it is. */
export function labelIn(table: Record<string, Message>, code: string, locale?: 'ja' | 'en'): string {
	const message = table[code];
	return message ? message({}, locale ? { locale } : undefined) : code;
}
