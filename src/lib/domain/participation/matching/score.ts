/**
 * The soft score: how good a feasible pair is, in [0, 100]. Each component is in [0, 1] and is
 * multiplied by its weight; the weights sum to 100. Where the participant has told us nothing
 * (no interests, no goals, no group preference) the component is a neutral 0.5 for every opening,
 * so it does not reorder that person's list, and in the batch such a person is neither favoured
 * nor penalised against someone who did tell us.
 */
import { minutesFor } from './travel';
import { fastestOwnMinutes } from './constraints';
import { popcount, type CompiledOpening, type CompiledParticipant } from './compile';

export const SCORE_WEIGHTS = {
	/** Shared interests (opening tags ∩ participant interests): what makes someone come back. */
	interests: 30,
	/** Shared goals (居場所, 仲間づくり, 就労準備 …). */
	goals: 20,
	/** Shorter travel is better; monotone in distance. */
	travel: 20,
	/** A small group (or the small_group / quiet accommodation) for someone who prefers small or quiet. */
	groupFit: 10,
	/** Not an opening declined before; a new organisation a little above a known one. */
	novelty: 10,
	/** A host who replies fast keeps a fragile first contact alive. */
	hostReply: 10
} as const;

/** Full marks after this many shared interests (or all of them, if fewer). */
const INTERESTS_FOR_FULL = 3;
const GOALS_FOR_FULL = 2;
/** Novelty of an opening at an organisation the participant already went to. */
const PAST_ORGANIZATION_NOVELTY = 0.7;

export function interestOverlap(p: CompiledParticipant, o: CompiledOpening): string[] {
	return p.interests.filter((i) => o.tags.includes(i));
}

function interestsComponent(p: CompiledParticipant, o: CompiledOpening): number {
	if (p.interests.length === 0) return 0.5;
	let shared = 0;
	for (const t of o.tags) if (p.interestSet.has(t)) shared++;
	return Math.min(1, shared / Math.min(p.interests.length, INTERESTS_FOR_FULL));
}

function goalsComponent(p: CompiledParticipant, o: CompiledOpening): number {
	if (p.goalCount === 0) return 0.5;
	return Math.min(1, popcount(p.goalMask & o.goalMask) / Math.min(p.goalCount, GOALS_FOR_FULL));
}

/**
 * The quickest way there — own modes, or the host's car when it offers 送迎 — against twice the
 * person's limit (so a pickup opening beyond the limit still ranks by closeness). Each way's time
 * grows with distance, so their minimum does too: moving an opening closer never lowers this.
 * An unknown distance counts as 0.5, i.e. as if exactly at the limit.
 */
export function travelComponent(p: CompiledParticipant, o: CompiledOpening, km: number): number {
	if (Number.isNaN(km)) return 0.5;
	let minutes = fastestOwnMinutes(p, km);
	if (o.hasPickup) minutes = Math.min(minutes, minutesFor('pickup', km));
	if (!Number.isFinite(minutes)) return 0;
	return Math.max(0, 1 - minutes / (2 * Math.max(1, p.maxMinutes)));
}

function groupFitComponent(p: CompiledParticipant, o: CompiledOpening): number {
	if (!p.prefersSmall) return 0.5;
	const offered = popcount(p.prefAccMask & o.accMask) / popcount(p.prefAccMask);
	return 0.5 * o.smallness + 0.5 * offered;
}

function noveltyComponent(p: CompiledParticipant, o: CompiledOpening): number {
	if (p.declined.has(o.id)) return 0;
	return p.pastOrgs.has(o.src.organizationId) ? PAST_ORGANIZATION_NOVELTY : 1;
}

/** The pair's score, rounded to 0.01 so that equal inputs give exactly equal, printable scores. */
export function scorePair(p: CompiledParticipant, o: CompiledOpening, km: number): number {
	const w = SCORE_WEIGHTS;
	const raw =
		w.interests * interestsComponent(p, o) +
		w.goals * goalsComponent(p, o) +
		w.travel * travelComponent(p, o, km) +
		w.groupFit * groupFitComponent(p, o) +
		w.novelty * noveltyComponent(p, o) +
		w.hostReply * o.hostReply;
	return Math.round(raw * 100) / 100;
}
