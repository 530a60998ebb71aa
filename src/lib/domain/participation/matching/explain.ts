/**
 * Japanese explanations: why a match fits (「木曜午前に合う・徒歩12分・同伴可・本が好き」) and
 * which one constraint a near miss fails (「時間が合わない（金曜のみ）」). The coordinator reads
 * these aloud to the person, so they are short and concrete.
 */
import { ACCOMMODATIONS } from '../../shared/taxonomy';
import { SLOT, accommodationBit, slotsOf, type CompiledOpening, type CompiledParticipant } from './compile';
import { ageFits, bestOwnMode, targetFits } from './constraints';
import { MINUTE_MS, formatClock, jstDay, jstMinuteOfDay, weekdayOfDay } from './jst';
import {
	ACCOMMODATION_LABELS_JA,
	GOAL_LABELS_JA,
	TARGET_GROUP_LABELS_JA,
	TRAVEL_LABELS_JA,
	WEEKDAY_LABELS_JA,
	WEEKDAY_ORDER_JA,
	interestLabel,
	partOfDayJa
} from './labels';
import { interestOverlap } from './score';
import { minutesFor, wholeMinutes } from './travel';
import type { Goal, HardConstraint, Travel } from './types';

/** Enough to say why without reading out a list. */
const MAX_INTEREST_REASONS = 2;
const MAX_GOAL_REASONS = 1;

export const SEPARATOR_JA = '・';

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

function travelReason(travel: Travel): string {
	if (travel === null) return '距離は不明';
	if (travel.mode === 'pickup') return TRAVEL_LABELS_JA.pickup;
	return `${TRAVEL_LABELS_JA[travel.mode]}${travel.minutes}分`;
}

function accommodationLabels(mask: number): string[] {
	return ACCOMMODATIONS.filter((a) => (mask & accommodationBit(a)) !== 0).map((a) => ACCOMMODATION_LABELS_JA[a]);
}

export function explainMatch(p: CompiledParticipant, o: CompiledOpening, fit: number, km: number): Explanation {
	const travel = travelOf(p, km);
	const reasons: string[] = [
		`${WEEKDAY_LABELS_JA[weekdayOfDay(jstDay(slotsOf(o)[fit]))]}曜${partOfDayJa(jstMinuteOfDay(slotsOf(o)[fit]))}に合う`,
		travelReason(travel)
	];
	// Needs met: the required ones, and 送迎 for someone who can only come when collected.
	let needs = p.reqMask;
	if (p.src.modes.includes('pickup_needed')) needs |= accommodationBit('pickup');
	reasons.push(...accommodationLabels(needs & o.accMask));
	// Wishes met: a small or quiet place for someone who prefers one.
	if (p.prefersSmall && o.smallness === 1) reasons.push(ACCOMMODATION_LABELS_JA.small_group);
	reasons.push(...accommodationLabels(p.prefAccMask & o.accMask));
	for (const i of interestOverlap(p, o).slice(0, MAX_INTEREST_REASONS)) reasons.push(`${interestLabel(i)}が好き`);
	const goals = p.src.goals.filter((g: Goal) => o.src.goals.includes(g));
	for (const g of [...new Set(goals)].slice(0, MAX_GOAL_REASONS)) reasons.push(`目標：${GOAL_LABELS_JA[g]}`);
	const unique = [...new Set(reasons)];

	const cautions: string[] = [];
	if (p.declined.has(o.id)) cautions.push('以前に辞退した枠');
	// Openings carry no staff data yet, so this wish can only be checked by asking the host.
	if (p.src.preferences.includes('same_gender_staff')) cautions.push('同性スタッフの希望は受け入れ先に確認');
	return { reasons: unique, sentence: unique.join(SEPARATOR_JA), cautions, travel };
}

export function explainNearMiss(p: CompiledParticipant, o: CompiledOpening, failed: HardConstraint, km: number): string {
	switch (failed) {
		case 'time':
			return `時間が合わない（${timeDetail(p, o)}）`;
		case 'capacity':
			return '定員に空きがない';
		case 'eligibility':
			return eligibilityReason(p, o);
		case 'accommodations':
			return `必要な配慮がない（${accommodationLabels(p.reqMask & ~o.accMask).join(SEPARATOR_JA)}）`;
		case 'travel':
			return travelFailure(p, km);
	}
}

/** The opening's weekdays within the 4 weeks; where they meet the person's own days, also its times. */
function timeDetail(p: CompiledParticipant, o: CompiledOpening): string {
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
	if (inHorizon.length === 0) return '4週間以内に予定なし';
	const days = WEEKDAY_ORDER_JA.filter((d) => (mask & (1 << d)) !== 0);
	const dayList = `${days.map((d) => WEEKDAY_LABELS_JA[d]).join(SEPARATOR_JA)}曜`;
	const shared = days.find((d) => (p.weekdayMask & (1 << d)) !== 0);
	if (shared === undefined) return `${dayList}のみ`;
	const times: string[] = [];
	for (const x of inHorizon) {
		if (x.weekday !== shared) continue;
		const time = `${formatClock(x.start)}〜${formatClock(x.end)}`;
		if (!times.includes(time)) times.push(time);
		if (times.length === 2) break;
	}
	const joined = times.join('、');
	return days.length === 1 ? `${dayList}${joined}のみ` : `${dayList}のみ、${WEEKDAY_LABELS_JA[shared]}曜は${joined}`;
}

function ageRange(min: number | null, max: number | null): string {
	if (min !== null && max !== null) return `${min}〜${max}歳`;
	if (min !== null) return `${min}歳以上`;
	return `${max}歳以下`;
}

function eligibilityReason(p: CompiledParticipant, o: CompiledOpening): string {
	const parts: string[] = [];
	if (!ageFits(p, o)) parts.push(`対象年齢外（${ageRange(o.src.ageMin, o.src.ageMax)}）`);
	if (!targetFits(p, o)) {
		const groups = o.src.targetGroups.map((g) => TARGET_GROUP_LABELS_JA[g]).join(SEPARATOR_JA);
		parts.push(`対象が違う（${groups}向け）`);
	}
	return parts.join(SEPARATOR_JA);
}

function travelFailure(p: CompiledParticipant, km: number): string {
	const best = Number.isNaN(km) ? null : bestOwnMode(p, km);
	if (best === null) return '送迎がない（送迎が必要）';
	return `遠い（${TRAVEL_LABELS_JA[best.mode]}${wholeMinutes(best.minutes)}分、上限${p.maxMinutes}分）`;
}
