/**
 * Explanations a coordinator reads aloud to the person: why a match fits
 * (「木曜午前に合う・徒歩12分・同伴可・本が好き」) and which one constraint a near miss fails
 * (「時間が合わない（金曜のみ）」). Every word comes from the message catalogue
 * (messages/participation, `match_*` and `miss_*`), in the coordinator's language: `locale`, or
 * the request's when it is not given.
 */
import { ACCOMMODATIONS } from '../../shared/taxonomy';
import { SLOT, accommodationBit, slotsOf, type CompiledOpening, type CompiledParticipant } from './compile';
import { ageFits, bestOwnMode, targetFits } from './constraints';
import { MINUTE_MS, formatClock, jstDay, jstMinuteOfDay, weekdayOfDay } from './jst';
import { m } from '$lib/paraglide/messages';
import type { Accommodation, Goal, TargetGroup } from '../../shared/taxonomy';
import { WEEKDAY_ORDER, partOfDay } from './labels';
import { interestOverlap } from './score';
import { minutesFor, wholeMinutes } from './travel';
import type { HardConstraint, Locale, Travel, TravelMode } from './types';

/** Enough to say why without reading out a list. */
const MAX_INTEREST_REASONS = 2;
const MAX_GOAL_REASONS = 1;

type Options = { locale?: Locale };
type Words = (inputs: Record<string, string | number>, options: Options) => string;
const key = <T extends string>(prefix: string, code: T) => (m as unknown as Record<string, Words | undefined>)[`${prefix}${code}`];

/** A code's label from the catalogue; a code the catalogue lacks (an interest tag typed freely) as it is. */
function labelOf(prefix: string, code: string, o: Options): string {
	return key(prefix, code)?.({}, o) ?? code;
}
const weekday = (d: number, o: Options) => labelOf('weekday_', String(d), o);
const modeWord = (mode: Exclude<TravelMode, 'pickup'>, o: Options) => labelOf('match_mode_', mode, o);
const accommodation = (a: Accommodation, o: Options) => labelOf('accommodation_', a, o);
const goal = (g: Goal, o: Options) => labelOf('goal_', g, o);
const target = (t: TargetGroup, o: Options) => labelOf('miss_target_', t, o);
const join = (parts: string[], o: Options) => parts.join(m.match_separator({}, o));

export interface Explanation {
	reasons: string[];
	sentence: string;
	cautions: string[];
	travel: Travel;
}

/** How a feasible pair is reached, as shown: an own mode within the limit, else (being feasible) the host's pickup. */
export function travelOf(p: CompiledParticipant, km: number): Travel {
	if (Number.isNaN(km)) return null;
	const best = bestOwnMode(p, km);
	if (best && wholeMinutes(best.minutes) <= p.maxMinutes) return { mode: best.mode, minutes: wholeMinutes(best.minutes) };
	return { mode: 'pickup', minutes: wholeMinutes(minutesFor('pickup', km)) };
}

function travelReason(travel: Travel, lo: Options): string {
	if (travel === null) return m.match_distance_unknown({}, lo);
	if (travel.mode === 'pickup') return accommodation('pickup', lo);
	return m.match_travel({ mode: modeWord(travel.mode, lo), minutes: travel.minutes }, lo);
}

function accommodationLabels(mask: number, lo: Options): string[] {
	return ACCOMMODATIONS.filter((a) => (mask & accommodationBit(a)) !== 0).map((a) => accommodation(a, lo));
}

export function explainMatch(p: CompiledParticipant, o: CompiledOpening, fit: number, km: number, lo: Options = {}): Explanation {
	const travel = travelOf(p, km);
	const start = slotsOf(o)[fit];
	const period = labelOf('period_', partOfDay(jstMinuteOfDay(start)), lo);
	const reasons: string[] = [m.match_fits({ weekday: weekday(weekdayOfDay(jstDay(start)), lo), period }, lo), travelReason(travel, lo)];
	// Needs met: the required ones, and 送迎 for someone who can only come when collected.
	let needs = p.reqMask;
	if (p.src.modes.includes('pickup_needed')) needs |= accommodationBit('pickup');
	reasons.push(...accommodationLabels(needs & o.accMask, lo));
	// Wishes met: a small or quiet place for someone who prefers one.
	if (p.prefersSmall && o.smallness === 1) reasons.push(accommodation('small_group', lo));
	reasons.push(...accommodationLabels(p.prefAccMask & o.accMask, lo));
	for (const i of interestOverlap(p, o).slice(0, MAX_INTEREST_REASONS))
		reasons.push(m.match_likes({ interest: labelOf('interest_', i, lo) }, lo));
	const goals = p.src.goals.filter((g: Goal) => o.src.goals.includes(g));
	for (const g of [...new Set(goals)].slice(0, MAX_GOAL_REASONS)) reasons.push(m.match_goal({ goal: goal(g, lo) }, lo));
	const unique = [...new Set(reasons)];

	const cautions: string[] = [];
	if (p.declined.has(o.id)) cautions.push(m.match_caution_declined_before({}, lo));
	// Openings carry no staff data yet, so this wish can only be checked by asking the host.
	if (p.src.preferences.includes('same_gender_staff')) cautions.push(m.match_caution_same_gender_staff({}, lo));
	return { reasons: unique, sentence: join(unique, lo), cautions, travel };
}

export function explainNearMiss(p: CompiledParticipant, o: CompiledOpening, failed: HardConstraint, km: number, lo: Options = {}): string {
	switch (failed) {
		case 'time':
			return m.miss_time({ detail: timeDetail(p, o, lo) }, lo);
		case 'capacity':
			return m.miss_capacity({}, lo);
		case 'eligibility':
			return eligibilityReason(p, o, lo);
		case 'accommodations':
			return m.miss_accommodations({ missing: join(accommodationLabels(p.reqMask & ~o.accMask, lo), lo) }, lo);
		case 'travel':
			return travelFailure(p, km, lo);
	}
}

/** The opening's weekdays within the 4 weeks; where they meet the person's own days, also its times. */
function timeDetail(p: CompiledParticipant, o: CompiledOpening, lo: Options): string {
	const slots = slotsOf(o);
	const inHorizon: { weekday: number; start: number; end: number }[] = [];
	let mask = 0;
	for (let i = 0; i < slots.length; i += SLOT) {
		if (slots[i] < p.nowMs || slots[i] >= p.horizonEnd) continue;
		const weekday = weekdayOfDay(jstDay(slots[i]));
		const start = jstMinuteOfDay(slots[i]);
		inHorizon.push({ weekday, start, end: start + (slots[i + 1] - slots[i]) / MINUTE_MS });
		mask |= 1 << weekday;
	}
	if (inHorizon.length === 0) return m.miss_time_nothing_scheduled({}, lo);
	const days = WEEKDAY_ORDER.filter((d) => (mask & (1 << d)) !== 0);
	const dayList = join(
		days.map((d) => weekday(d, lo)),
		lo
	);
	const shared = days.find((d) => (p.weekdayMask & (1 << d)) !== 0);
	if (shared === undefined) return m.miss_time_days({ days: dayList }, lo);
	const times: string[] = [];
	for (const x of inHorizon) {
		if (x.weekday !== shared) continue;
		const time = m.miss_time_range({ start: formatClock(x.start), end: formatClock(x.end) }, lo);
		if (!times.includes(time)) times.push(time);
		if (times.length === 2) break;
	}
	const joined = times.join(m.miss_time_list_separator({}, lo));
	return days.length === 1
		? m.miss_time_days_times({ days: dayList, times: joined }, lo)
		: m.miss_time_days_then_times({ days: dayList, day: weekday(shared, lo), times: joined }, lo);
}

function ageRange(min: number | null, max: number | null, lo: Options): string {
	if (min !== null && max !== null) return m.miss_age_between({ min, max }, lo);
	if (min !== null) return m.miss_age_at_least({ min }, lo);
	return m.miss_age_at_most({ max: max ?? '' }, lo);
}

function eligibilityReason(p: CompiledParticipant, o: CompiledOpening, lo: Options): string {
	const parts: string[] = [];
	if (!ageFits(p, o)) parts.push(m.miss_age({ range: ageRange(o.src.ageMin, o.src.ageMax, lo) }, lo));
	if (!targetFits(p, o))
		parts.push(
			m.miss_target(
				{
					groups: join(
						o.src.targetGroups.map((g) => target(g, lo)),
						lo
					)
				},
				lo
			)
		);
	return join(parts, lo);
}

function travelFailure(p: CompiledParticipant, km: number, lo: Options): string {
	const best = Number.isNaN(km) ? null : bestOwnMode(p, km);
	if (best === null) return m.miss_no_pickup({}, lo);
	return m.miss_too_far({ mode: modeWord(best.mode, lo), minutes: wholeMinutes(best.minutes), max: p.maxMinutes }, lo);
}
