/**
 * The listing forms: a place (地域資源: what, for whom, where, contact), an activity (what
 * happens there, on a Japanese schedule pattern) and an opening (受け入れ枠). A new listing is
 * a place and its first activity on one page. Shared by the form (client validation) and the
 * server action; values stay strings as typed (tidied) — listing-values.ts turns them into rows.
 */
import { GOALS, INTERESTS } from '../../shared/taxonomy';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	ACCOMMODATIONS,
	CATEGORIES,
	DISCLOSURE_LEVELS,
	HOLIDAY_POLICIES,
	OPENING_STATUSES,
	OPENING_VISIBILITIES,
	TARGET_GROUPS,
	VENUE_TYPES
} from '../../shared/taxonomy';
import { isDate, isMonthDay, isTime, normalizeDate } from '../../shared/normalize';
import {
	choice,
	choices,
	coordinate,
	date,
	email,
	inJapan,
	integer,
	line,
	lines,
	optionalUuid,
	phone,
	postalCode,
	time,
	url,
	uuid,
	version
} from '../../shared/fields';

export const SCHEDULE_PATTERNS = ['weekly', 'biweekly', 'monthly_nth', 'monthly_day', 'irregular'] as const;
export type SchedulePatternKind = (typeof SCHEDULE_PATTERNS)[number];
export const WEEKDAY_VALUES = ['1', '2', '3', '4', '5', '6', '0'] as const;
export const NTH_VALUES = ['1', '2', '3', '4', '5', '-1'] as const;
export const MONTH_DAY_VALUES = Array.from({ length: 31 }, (_, i) => String(i + 1)) as unknown as readonly [string, ...string[]];
export const CLOSURE_SLOTS = [1, 2, 3] as const;
export const FEE_KINDS = ['free', 'paid', 'unknown'] as const;

const closureDate = () => z.string().overwrite(normalizeDate).default('');

/** Schedule fields, as the schedule builder shows them. */
export const scheduleShape = {
	pattern: choice(SCHEDULE_PATTERNS, () => m.reg_schedule_pattern_required()),
	weekdays: choices(['0', '1', '2', '3', '4', '5', '6']),
	weekday: z.string().default(''),
	nths: choices(NTH_VALUES),
	month_days: choices(MONTH_DAY_VALUES),
	dtstart: date(() => m.reg_schedule_dtstart_required()),
	until: date(),
	start_time: time(),
	end_time: time(),
	holiday_policy: choice(HOLIDAY_POLICIES, () => m.reg_schedule_holiday_required()),
	closed_year_end: z.boolean().default(false),
	closure_from_1: closureDate(),
	closure_to_1: closureDate(),
	closure_label_1: line(40),
	closure_from_2: closureDate(),
	closure_to_2: closureDate(),
	closure_label_2: line(40),
	closure_from_3: closureDate(),
	closure_to_3: closureDate(),
	closure_label_3: line(40),
	schedule_note: line(200)
};

type ScheduleInput = { [K in keyof typeof scheduleShape]: z.output<(typeof scheduleShape)[K]> };

/** The closure fields of one slot as the writer typed them, tidied ('YYYY-MM-DD' or 'MM-DD'). */
export function closureSlotValues(v: Partial<ScheduleInput>, n: 1 | 2 | 3) {
	return {
		from: normalizeDate(String(v[`closure_from_${n}`] ?? '')),
		to: normalizeDate(String(v[`closure_to_${n}`] ?? '')),
		label: String(v[`closure_label_${n}`] ?? '')
	};
}

/** Checks between schedule fields; runs even when a field on its own is wrong, so every message shows at once. */
export function checkSchedule(v: Partial<ScheduleInput>, ctx: z.RefinementCtx): void {
	const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
	const weekdayOk = /^[0-6]$/.test(v.weekday ?? '');
	switch (v.pattern) {
		case 'weekly':
			if (!v.weekdays?.length) issue('weekdays', m.reg_schedule_weekdays_required());
			break;
		case 'biweekly':
			if (!weekdayOk) issue('weekday', m.reg_schedule_weekday_required());
			break;
		case 'monthly_nth':
			if (!v.nths?.length) issue('nths', m.reg_schedule_nths_required());
			if (!weekdayOk) issue('weekday', m.reg_schedule_weekday_required());
			break;
		case 'monthly_day':
			if (!v.month_days?.length) issue('month_days', m.reg_schedule_month_days_required());
			break;
		case 'irregular':
			if (!v.schedule_note) issue('schedule_note', m.reg_schedule_note_required());
			break;
	}
	const start = v.start_time ?? '';
	const end = v.end_time ?? '';
	if (isTime(start) && (start < '05:00' || start > '23:00')) issue('start_time', m.reg_schedule_start_range());
	if (end !== '' && start === '') issue('start_time', m.reg_schedule_start_needed());
	if (isTime(start) && isTime(end) && end <= start) issue('end_time', m.reg_schedule_end_after_start());
	if (v.until && v.dtstart && isDate(v.until) && isDate(v.dtstart) && v.until < v.dtstart)
		issue('until', m.reg_schedule_until_after_start());
	for (const n of CLOSURE_SLOTS) {
		const { from, to } = closureSlotValues(v, n);
		if (from === '' && to === '') continue;
		const bothOnce = isDate(from) && isDate(to);
		const bothAnnual = isMonthDay(from) && isMonthDay(to);
		if (from === '' || (!isDate(from) && !isMonthDay(from))) issue(`closure_from_${n}`, m.reg_closure_date());
		else if (to === '' || (!isDate(to) && !isMonthDay(to))) issue(`closure_to_${n}`, m.reg_closure_date());
		else if (!bothOnce && !bothAnnual) issue(`closure_to_${n}`, m.reg_closure_same_kind());
		else if (bothOnce && to < from) issue(`closure_to_${n}`, m.reg_closure_order());
	}
}

const always = { when: () => true };

export const scheduleSchema = z.object(scheduleShape).superRefine(checkSchedule, always);

/** The place's own fields (edit form). */
export const placeShape = {
	id: uuid(),
	version: version(),
	// editing a published listing: the pending request the editor started from ('' = none)
	request_id: optionalUuid(),
	// and why (shown to the moderator)
	note: lines(1000),
	name: line(100, () => m.reg_place_name_required()),
	name_kana: line(100),
	category: choice(CATEGORIES, () => m.reg_place_category_required()),
	summary: line(200),
	description: lines(4000),
	target_groups: choices(TARGET_GROUPS, 8),
	accommodations: choices(ACCOMMODATIONS),
	venue_type: choice(VENUE_TYPES, () => m.reg_place_venue_type_required()),
	venue_name: line(100),
	fee_kind: choice(FEE_KINDS, () => m.reg_place_fee_kind_required()),
	fee_yen: integer(1, 100000),
	fee_note: line(200),
	accessibility: lines(1000),
	access_note: lines(500),
	contact_phone: phone(),
	contact_email: email(),
	website: url(),
	disclosure: choice(DISCLOSURE_LEVELS, () => m.reg_place_disclosure_required()),
	address: line(200),
	postal_code: postalCode(),
	lon: coordinate(),
	lat: coordinate()
};

type PlaceInput = { [K in keyof typeof placeShape]: z.output<(typeof placeShape)[K]> };

export function checkPlace(v: Partial<PlaceInput>, ctx: z.RefinementCtx): void {
	const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
	if (v.fee_kind === 'paid' && !v.fee_yen) issue('fee_yen', m.reg_place_fee_required());
	if (!v.contact_phone && !v.contact_email) issue('contact_phone', m.reg_place_contact_required());
	const located = (v.lon ?? '') !== '' || (v.lat ?? '') !== '';
	if (located && !inJapan(v.lon ?? '', v.lat ?? '')) issue('lon', m.reg_place_outside_japan());
	if (v.disclosure !== 'contact_only') {
		if (!located) issue('lon', m.reg_place_location_required());
		if (!v.address) issue('address', m.reg_place_address_required());
	}
	if (located && !v.address) issue('address', m.reg_place_address_required());
}

export const placeSchema = z.object(placeShape).superRefine(checkPlace, always);
export type PlaceForm = z.infer<typeof placeSchema>;

export const activityShape = {
	id: uuid(),
	version: version(),
	request_id: optionalUuid(),
	title: line(100, () => m.reg_activity_title_required()),
	description: lines(2000),
	...scheduleShape
};
export const activitySchema = z.object(activityShape).superRefine(checkSchedule, always);
export type ActivityForm = z.infer<typeof activitySchema>;

/** A new listing: the place and its first activity on one page. */
export const newPlaceSchema = z
	.object({
		...placeShape,
		organization_id: uuid(),
		activity_id: uuid(),
		// which button sent the form: 下書き保存 or 審査に出す
		intent: z.enum(['draft', 'submit']).default('draft'),
		activity_title: line(100, () => m.reg_activity_title_required()),
		activity_description: lines(2000),
		...scheduleShape
	})
	.superRefine((v, ctx) => {
		checkPlace(v, ctx);
		checkSchedule(v, ctx);
	}, always);
export type NewPlaceForm = z.infer<typeof newPlaceSchema>;

export const openingShape = {
	id: uuid(),
	version: version(),
	activity_id: optionalUuid(),
	title: line(100, () => m.reg_opening_title_required()),
	description: lines(2000),
	capacity: integer(1, 1000, () => m.reg_opening_capacity_required()),
	accommodations: choices(ACCOMMODATIONS),
	target_groups: choices(TARGET_GROUPS, 8),
	// what the matching engine compares with a participant's interests and goals (参加支援)
	interests: choices(INTERESTS),
	goals: choices(GOALS),
	age_min: integer(0, 120),
	age_max: integer(0, 120),
	visibility: choice(OPENING_VISIBILITIES, () => m.reg_opening_visibility_required()),
	status: choice(OPENING_STATUSES, () => m.reg_opening_status_required()),
	...scheduleShape
};
export const openingSchema = z.object(openingShape).superRefine((v, ctx) => {
	checkSchedule(v, ctx);
	if (v.age_min && v.age_max && /^\d+$/.test(v.age_min) && /^\d+$/.test(v.age_max) && Number(v.age_min) > Number(v.age_max))
		ctx.addIssue({ code: 'custom', path: ['age_max'], message: m.reg_opening_age_order() });
}, always);
export type OpeningForm = z.infer<typeof openingSchema>;

// re-exported so forms need one import
export { date, email, phone, time };
