/**
 * Batch assignment for a 参加支援 meeting: propose at most one opening per participant, never more
 * than an opening's remaining capacity, maximising Σ (score + waiting bonus) over the proposals.
 *
 * Exactness with pruning. Only the top K feasible openings of each participant (by weight) go to
 * the solver, which is what keeps 1,000 × 5,000 fast. The solver's potentials are then checked
 * against every pruned pair: if each pruned arc p→o has reduced cost −w + π(p) − π(o) ≥ 0, the
 * potentials are valid for the full residual graph, so it has no negative cycle and the pruned
 * optimum *is* the optimum of the full graph (LP duality for this totally unimodular problem).
 * Pairs that fail the check are added and the problem is solved again, until the check passes;
 * it must pass at the latest when nothing is pruned. So assignBatch is exact on the full graph of
 * feasible pairs, whatever K; K only trades the size of each solve against the number of rounds.
 */
import { compileOpeningWithSlots, compileParticipant, waitingDays, type CompiledOpening, type CompiledParticipant } from './compile';
import { failures, pairKm } from './constraints';
import { solveAssignment } from './flow';
import { scorePair } from './score';
import type { Assignment, BatchOptions, BatchResult, Opening, Participant } from './types';

/**
 * Someone who has waited longer comes first when two people want the same scarce place: one point
 * per full week of waiting, capped at 20 points (≈ 5 months) so that waiting never outweighs a
 * clearly better fit (the soft score spans 0–100). The bonus is the same on all of a person's
 * pairs, so it never changes how that person's own options compare; it only weighs one person
 * against another where they compete for the same places.
 */
export const WAITING_BONUS = { pointsPerWeek: 1, maxPoints: 20 } as const;

/** Candidates per participant given to the first solve; see the module comment on exactness. */
export const DEFAULT_K = 20;

/** Weights are kept in hundredths of a point, as integers, so the solver's arithmetic is exact. */
const SCALE = 100;

export function waitingBonus(p: Participant, now: Date): number {
	const weeks = Math.floor(waitingDays(p, now.getTime()) / 7);
	return Math.min(WAITING_BONUS.maxPoints, weeks * WAITING_BONUS.pointsPerWeek);
}

/** Every feasible pair, per participant by weight (best first, then opening id). */
interface Candidates {
	participants: CompiledParticipant[];
	openings: CompiledOpening[];
	start: Int32Array;
	to: Int32Array;
	/** Integer weight, (score + bonus) × 100, at least 1. */
	weight: Int32Array;
	score: Float64Array;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function candidates(participants: readonly Participant[], openings: readonly Opening[], now: Date): Candidates {
	const nowMs = now.getTime();
	// Sorted by id so that the result does not depend on the order of the input arrays.
	const ps = participants.map((p) => compileParticipant(p, nowMs)).sort(byId);
	const os = openings
		.map(compileOpeningWithSlots)
		.filter((o) => o.spare > 0)
		.sort(byId);
	const start = new Int32Array(ps.length + 1);
	const to: number[] = [];
	const weight: number[] = [];
	const score: number[] = [];
	const row: { o: number; w: number; s: number }[] = [];
	for (let i = 0; i < ps.length; i++) {
		const p = ps[i];
		const bonus = waitingBonus(p.src, now);
		row.length = 0;
		for (let j = 0; j < os.length; j++) {
			if (failures(p, os[j], 1) !== 0) continue;
			const s = scorePair(p, os[j], pairKm(p, os[j]));
			row.push({ o: j, w: Math.max(1, Math.round((s + bonus) * SCALE)), s });
		}
		row.sort((a, b) => b.w - a.w || a.o - b.o);
		for (const r of row) {
			to.push(r.o);
			weight.push(r.w);
			score.push(r.s);
		}
		start[i + 1] = to.length;
	}
	return {
		participants: ps,
		openings: os,
		start,
		to: Int32Array.from(to),
		weight: Int32Array.from(weight),
		score: Float64Array.from(score)
	};
}

function result(c: Candidates, edgeOf: ArrayLike<number>, stats: BatchResult['stats']): BatchResult {
	const assignments: Assignment[] = [];
	const unassigned: string[] = [];
	let total = 0;
	c.participants.forEach((p, i) => {
		const e = edgeOf[i];
		if (e < 0) {
			unassigned.push(p.id);
			return;
		}
		total += c.weight[e];
		assignments.push({ participantId: p.id, openingId: c.openings[c.to[e]].id, score: c.score[e], weight: c.weight[e] / SCALE });
	});
	return { assignments, unassigned, totalScore: total / SCALE, stats };
}

/** The exact optimum; see the module comment. */
export function assignBatch(
	participants: readonly Participant[],
	openings: readonly Opening[],
	now: Date,
	opts: BatchOptions = {}
): BatchResult {
	const k = opts.k !== undefined && opts.k >= 1 ? Math.floor(opts.k) : DEFAULT_K;
	const c = candidates(participants, openings, now);
	const P = c.participants.length;
	const included = new Uint8Array(c.to.length);
	for (let p = 0; p < P; p++) for (let e = c.start[p]; e < Math.min(c.start[p + 1], c.start[p] + k); e++) included[e] = 1;
	const capacity = c.openings.map((o) => o.spare);
	for (let round = 1; ; round++) {
		// The solver sees only included pairs, in the same per-participant order.
		const start = new Int32Array(P + 1);
		const ids: number[] = [];
		for (let p = 0; p < P; p++) {
			for (let e = c.start[p]; e < c.start[p + 1]; e++) if (included[e]) ids.push(e);
			start[p + 1] = ids.length;
		}
		const sub = solveAssignment({
			participants: P,
			capacity,
			start,
			to: Int32Array.from(ids, (e) => c.to[e]),
			weight: Int32Array.from(ids, (e) => c.weight[e])
		});
		let violations = 0;
		for (let p = 0; p < P; p++) {
			for (let e = c.start[p]; e < c.start[p + 1]; e++) {
				if (included[e]) continue;
				if (-c.weight[e] + sub.piParticipant[p] - sub.piOpening[c.to[e]] < 0) {
					included[e] = 1;
					violations++;
				}
			}
		}
		if (violations === 0) {
			const edgeOf = Int32Array.from(sub.edge, (e) => (e < 0 ? -1 : ids[e]));
			return result(c, edgeOf, { feasiblePairs: c.to.length, edges: ids.length, rounds: round });
		}
	}
}

/**
 * The baseline: all feasible pairs by weight (best first; ties by participant id, then opening
 * id), each taken when both sides are still free. Fast and often good, never better than exact.
 */
export function greedyBatch(participants: readonly Participant[], openings: readonly Opening[], now: Date): BatchResult {
	const c = candidates(participants, openings, now);
	const P = c.participants.length;
	// Counting sort by integer weight: stable, so ties keep (participant, opening) order.
	let maxW = 0;
	for (let e = 0; e < c.weight.length; e++) maxW = Math.max(maxW, c.weight[e]);
	const bucket = new Int32Array(maxW + 2);
	for (let e = 0; e < c.weight.length; e++) bucket[maxW - c.weight[e] + 1]++;
	for (let i = 1; i < bucket.length; i++) bucket[i] += bucket[i - 1];
	const order = new Int32Array(c.weight.length);
	const owner = new Int32Array(c.weight.length);
	for (let p = 0; p < P; p++) {
		for (let e = c.start[p]; e < c.start[p + 1]; e++) {
			const slot = bucket[maxW - c.weight[e]]++;
			order[slot] = e;
			owner[slot] = p;
		}
	}
	const spare = c.openings.map((o) => o.spare);
	const edgeOf = new Int32Array(P).fill(-1);
	for (let i = 0; i < order.length; i++) {
		const e = order[i];
		const p = owner[i];
		if (edgeOf[p] >= 0 || spare[c.to[e]] === 0) continue;
		edgeOf[p] = e;
		spare[c.to[e]]--;
	}
	return result(c, edgeOf, { feasiblePairs: c.to.length, edges: c.to.length, rounds: 1 });
}
