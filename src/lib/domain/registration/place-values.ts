/**
 * Form values ⇄ database rows for places, activities and openings. Pure, so the same code
 * builds the live schedule preview in the browser and the row the server writes.
 */
import { patternToRRule, rruleToPattern, type Closure, type Schedule, type SchedulePattern } from '../shared/schedule';
import { isYearEnd } from '../shared/schedule/phrasebook';
import type {
	Accommodation,
	Category,
	DisclosureLevel,
	HolidayPolicy,
	OpeningStatus,
	OpeningVisibility,
	TargetGroup,
	VenueType
} from '../shared/taxonomy';
import { CLOSURE_SLOTS, type SchedulePatternKind } from './schemas/place';
import { isDate, isMonthDay, normalizeDate } from '../shared/normalize';

/** The schedule fields of a form (a subset of the activity, opening and listing forms). */
export interface ScheduleFields {
	pattern: string;
	weekdays: string[];
	weekday: string;
	nths: string[];
	month_days: string[];
	dtstart: string;
	until: string;
	start_time: string;
	end_time: string;
	holiday_policy: string;
	closed_year_end: boolean;
	closure_from_1: string;
	closure_to_1: string;
	closure_label_1: string;
	closure_from_2: string;
	closure_to_2: string;
	closure_label_2: string;
	closure_from_3: string;
	closure_to_3: string;
	closure_label_3: string;
	schedule_note: string;
}

const YEAR_END: Closure = { kind: 'annual', from: '12-29', to: '01-03' };

/** The pattern the fields describe, or null while they are incomplete. */
export function patternOf(f: ScheduleFields): SchedulePattern | null {
	const weekday = /^[0-6]$/.test(f.weekday) ? Number(f.weekday) : null;
	switch (f.pattern as SchedulePatternKind) {
		case 'weekly':
			return f.weekdays.length ? { kind: 'weekly', weekdays: f.weekdays.map(Number) } : null;
		case 'biweekly':
			return weekday === null ? null : { kind: 'biweekly', weekday };
		case 'monthly_nth':
			return weekday === null || !f.nths.length ? null : { kind: 'monthly_nth', nths: f.nths.map(Number), weekday };
		case 'monthly_day':
			return f.month_days.length ? { kind: 'monthly_day', days: f.month_days.map(Number) } : null;
		case 'irregular':
			return { kind: 'irregular' };
		default:
			return null;
	}
}

export function closuresOf(f: ScheduleFields): Closure[] {
	const out: Closure[] = f.closed_year_end ? [YEAR_END] : [];
	for (const n of CLOSURE_SLOTS) {
		const from = normalizeDate(f[`closure_from_${n}`]);
		const to = normalizeDate(f[`closure_to_${n}`]);
		const label = f[`closure_label_${n}`].trim() || undefined;
		if (isDate(from) && isDate(to) && from <= to) out.push({ kind: 'once', from, to, ...(label ? { label } : {}) });
		else if (isMonthDay(from) && isMonthDay(to)) out.push({ kind: 'annual', from, to, ...(label ? { label } : {}) });
	}
	return out;
}

/**
 * The domain Schedule the fields describe, or null while they are incomplete (no pattern yet,
 * no valid start date). Used for the live preview and for the row.
 */
export function scheduleOf(f: ScheduleFields): Schedule | null {
	const pattern = patternOf(f);
	if (!pattern || !isDate(f.dtstart)) return null;
	let rrule: string | null;
	try {
		rrule = patternToRRule(pattern);
	} catch {
		return null;
	}
	const time = (t: string) => (/^\d{2}:\d{2}$/.test(t) ? t : null);
	const startTime = time(f.start_time);
	return {
		rrule,
		dtstart: f.dtstart,
		startTime,
		endTime: startTime ? time(f.end_time) : null,
		exdates: [],
		holidayPolicy: (f.holiday_policy === 'hold' ? 'hold' : 'skip') as HolidayPolicy,
		closures: closuresOf(f),
		until: isDate(f.until) ? f.until : null
	};
}

export interface ScheduleColumns {
	rrule: string | null;
	dtstart: string;
	until: string | null;
	start_time: string | null;
	end_time: string | null;
	holiday_policy: HolidayPolicy;
	closures: Closure[];
	schedule_note: string | null;
}

/** The schedule columns for a validated form. */
export function scheduleColumnsOf(f: ScheduleFields): ScheduleColumns {
	const s = scheduleOf(f);
	if (!s) throw new RangeError('the schedule fields are incomplete');
	return {
		rrule: s.rrule,
		dtstart: s.dtstart,
		until: s.until ?? null,
		start_time: s.startTime,
		end_time: s.endTime,
		holiday_policy: s.holidayPolicy,
		closures: s.closures,
		schedule_note: f.schedule_note.trim() || null
	};
}

export const EMPTY_SCHEDULE: ScheduleFields = {
	pattern: '',
	weekdays: [],
	weekday: '',
	nths: [],
	month_days: [],
	dtstart: '',
	until: '',
	start_time: '',
	end_time: '',
	holiday_policy: 'skip',
	closed_year_end: false,
	closure_from_1: '',
	closure_to_1: '',
	closure_label_1: '',
	closure_from_2: '',
	closure_to_2: '',
	closure_label_2: '',
	closure_from_3: '',
	closure_to_3: '',
	closure_label_3: '',
	schedule_note: ''
};

/**
 * The fields for a stored schedule. `unsupported` when the rule is not one the builder can show
 * (then the form starts at 不定期 with the sentence kept as the note, and says so).
 */
export function scheduleFieldsOf(s: Schedule, note: string | null): { fields: ScheduleFields; unsupported: boolean } {
	const pattern = rruleToPattern(s.rrule);
	const f: ScheduleFields = {
		...EMPTY_SCHEDULE,
		dtstart: s.dtstart,
		until: s.until ?? '',
		start_time: s.startTime ?? '',
		end_time: s.endTime ?? '',
		holiday_policy: s.holidayPolicy,
		schedule_note: note ?? ''
	};
	if (pattern) {
		f.pattern = pattern.kind;
		if (pattern.kind === 'weekly') f.weekdays = pattern.weekdays.map(String);
		if (pattern.kind === 'biweekly') f.weekday = String(pattern.weekday);
		if (pattern.kind === 'monthly_nth') {
			f.weekday = String(pattern.weekday);
			f.nths = pattern.nths.map(String);
		}
		if (pattern.kind === 'monthly_day') f.month_days = pattern.days.map(String);
	} else f.pattern = 'irregular';
	let slot = 0;
	for (const c of s.closures) {
		if (isYearEnd(c) && !c.label && !f.closed_year_end) {
			f.closed_year_end = true;
			continue;
		}
		slot += 1;
		if (slot > CLOSURE_SLOTS.length) break;
		const n = slot as 1 | 2 | 3;
		f[`closure_from_${n}`] = c.from;
		f[`closure_to_${n}`] = c.to;
		f[`closure_label_${n}`] = c.label ?? '';
	}
	return { fields: f, unsupported: pattern === null };
}

// ── places ─────────────────────────────────────────────────────────────────────────────────

export interface PlaceFields {
	name: string;
	name_kana: string;
	category: string;
	summary: string;
	description: string;
	target_groups: string[];
	accommodations: string[];
	venue_type: string;
	venue_name: string;
	fee_kind: string;
	fee_yen: string;
	fee_note: string;
	accessibility: string;
	access_note: string;
	contact_phone: string;
	contact_email: string;
	website: string;
	disclosure: string;
	address: string;
	postal_code: string;
	lon: string;
	lat: string;
}

/** The keys a place form compares and a change request carries. */
export const PLACE_FIELDS: (keyof PlaceFields)[] = [
	'name',
	'name_kana',
	'category',
	'summary',
	'description',
	'target_groups',
	'accommodations',
	'venue_type',
	'venue_name',
	'fee_kind',
	'fee_yen',
	'fee_note',
	'accessibility',
	'access_note',
	'contact_phone',
	'contact_email',
	'website',
	'disclosure',
	'address',
	'postal_code',
	'lon',
	'lat'
];

export interface PlaceRow {
	name: string;
	name_kana: string | null;
	category: Category;
	summary: string | null;
	description: string | null;
	target_groups: TargetGroup[];
	accommodations: Accommodation[];
	venue_type: VenueType;
	venue_name: string | null;
	fee_yen: number | null;
	fee_note: string | null;
	accessibility: string | null;
	access_note: string | null;
	contact_phone: string | null;
	contact_email: string | null;
	website: string | null;
	disclosure: DisclosureLevel;
}

export interface LocationRow {
	lon: number;
	lat: number;
	address: string;
	postal_code: string | null;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function placeRowOf(f: PlaceFields): { place: PlaceRow; location: LocationRow | null } {
	const located = f.lon !== '' && f.lat !== '' && f.address.trim() !== '';
	return {
		place: {
			name: f.name,
			name_kana: orNull(f.name_kana),
			category: f.category as Category,
			summary: orNull(f.summary),
			description: orNull(f.description),
			target_groups: f.target_groups as TargetGroup[],
			accommodations: f.accommodations as Accommodation[],
			venue_type: f.venue_type as VenueType,
			venue_name: orNull(f.venue_name),
			fee_yen: f.fee_kind === 'free' ? 0 : f.fee_kind === 'paid' ? Number(f.fee_yen) : null,
			fee_note: orNull(f.fee_note),
			accessibility: orNull(f.accessibility),
			access_note: orNull(f.access_note),
			contact_phone: orNull(f.contact_phone),
			contact_email: orNull(f.contact_email),
			website: orNull(f.website),
			disclosure: f.disclosure as DisclosureLevel
		},
		location: located ? { lon: Number(f.lon), lat: Number(f.lat), address: f.address, postal_code: orNull(f.postal_code) } : null
	};
}

export function placeFieldsOf(p: PlaceRow, l: LocationRow | null): PlaceFields {
	return {
		name: p.name,
		name_kana: p.name_kana ?? '',
		category: p.category,
		summary: p.summary ?? '',
		description: p.description ?? '',
		target_groups: [...p.target_groups],
		accommodations: [...p.accommodations],
		venue_type: p.venue_type,
		venue_name: p.venue_name ?? '',
		fee_kind: p.fee_yen === 0 ? 'free' : p.fee_yen === null ? 'unknown' : 'paid',
		fee_yen: p.fee_yen ? String(p.fee_yen) : '',
		fee_note: p.fee_note ?? '',
		accessibility: p.accessibility ?? '',
		access_note: p.access_note ?? '',
		contact_phone: p.contact_phone ?? '',
		contact_email: p.contact_email ?? '',
		website: p.website ?? '',
		disclosure: p.disclosure,
		address: l?.address ?? '',
		postal_code: l?.postal_code ?? '',
		lon: l ? String(l.lon) : '',
		lat: l ? String(l.lat) : ''
	};
}

export const EMPTY_PLACE: PlaceFields = {
	name: '',
	name_kana: '',
	category: '',
	summary: '',
	description: '',
	target_groups: [],
	accommodations: [],
	venue_type: '',
	venue_name: '',
	fee_kind: '',
	fee_yen: '',
	fee_note: '',
	accessibility: '',
	access_note: '',
	contact_phone: '',
	contact_email: '',
	website: '',
	disclosure: 'exact',
	address: '',
	postal_code: '',
	lon: '',
	lat: ''
};

// ── activities and openings ───────────────────────────────────────────────────────────────

export interface ActivityFields extends ScheduleFields {
	title: string;
	description: string;
}

export const ACTIVITY_FIELDS: (keyof ActivityFields)[] = [
	'title',
	'description',
	'pattern',
	'weekdays',
	'weekday',
	'nths',
	'month_days',
	'dtstart',
	'until',
	'start_time',
	'end_time',
	'holiday_policy',
	'closed_year_end',
	'closure_from_1',
	'closure_to_1',
	'closure_label_1',
	'closure_from_2',
	'closure_to_2',
	'closure_label_2',
	'closure_from_3',
	'closure_to_3',
	'closure_label_3',
	'schedule_note'
];

export interface OpeningFields extends ScheduleFields {
	activity_id: string;
	title: string;
	description: string;
	capacity: string;
	accommodations: string[];
	target_groups: string[];
	interests: string[];
	goals: string[];
	age_min: string;
	age_max: string;
	visibility: string;
	status: string;
}

export interface OpeningRow extends ScheduleColumns {
	activity_id: string | null;
	title: string;
	description: string | null;
	capacity: number;
	accommodations: Accommodation[];
	target_groups: TargetGroup[];
	interests: string[];
	goals: string[];
	age_min: number | null;
	age_max: number | null;
	visibility: OpeningVisibility;
	status: OpeningStatus;
}

export function openingRowOf(f: OpeningFields): OpeningRow {
	return {
		activity_id: f.activity_id || null,
		title: f.title,
		description: orNull(f.description),
		capacity: Number(f.capacity),
		accommodations: f.accommodations as Accommodation[],
		target_groups: f.target_groups as TargetGroup[],
		interests: f.interests,
		goals: f.goals,
		age_min: f.age_min === '' ? null : Number(f.age_min),
		age_max: f.age_max === '' ? null : Number(f.age_max),
		visibility: f.visibility as OpeningVisibility,
		status: f.status as OpeningStatus,
		...scheduleColumnsOf(f)
	};
}
