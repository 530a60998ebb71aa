/**
 * Ranked suggestions for one participant (which openings fit?) and for one opening (who fits?).
 * Both views use the same pair evaluation, so a pair is a match from either side or from neither.
 * Ids are assumed unique; equal scores are ordered by id, so the input order never shows.
 */
import { compileOpening, compileParticipant, popcount, slotsOf, type CompiledOpening, type CompiledParticipant } from './compile';
import { constraintOf, failures, firstFit, pairKm } from './constraints';
import { explainMatch, explainNearMiss } from './explain';
import { certainFailures } from './screen';
import { scorePair } from './score';
import type {
	Match,
	NearMiss,
	Opening,
	Participant,
	ParticipantMatch,
	ParticipantNearMiss,
	RankOptions
} from './types';

interface Scored {
	other: string;
	score: number;
	p: CompiledParticipant;
	o: CompiledOpening;
	km: number;
	failMask: number;
}

/** Best first; equal scores by id (code-unit order, not locale: the same on every machine). */
function byScoreThenId(a: Scored, b: Scored): number {
	return b.score - a.score || (a.other < b.other ? -1 : a.other > b.other ? 1 : 0);
}

/** The first `k` by byScoreThenId; without sorting everything when k is small (the usual top 20). */
function best(items: Scored[], limit: number | undefined): Scored[] {
	const k = limit === undefined || Number.isNaN(limit) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
	if (k === 0) return [];
	if (k >= items.length / 8) return items.sort(byScoreThenId).slice(0, k);
	const top: Scored[] = [];
	for (const item of items) {
		if (top.length === k && byScoreThenId(item, top[k - 1]) >= 0) continue;
		let i = top.length === k ? k - 1 : top.length;
		while (i > 0 && byScoreThenId(item, top[i - 1]) < 0) {
			top[i] = top[i - 1];
			i--;
		}
		top[i] = item;
	}
	return top;
}

function evaluatePairs(pairs: Iterable<[CompiledParticipant, CompiledOpening, string]>, opts: RankOptions) {
	const matches: Scored[] = [];
	const near: Scored[] = [];
	for (const [p, o, other] of pairs) {
		const failMask = failures(p, o, 2);
		if (popcount(failMask) > 1) continue;
		const km = pairKm(p, o);
		(failMask === 0 ? matches : near).push({ other, score: scorePair(p, o, km), p, o, km, failMask });
	}
	return {
		matches: best(matches, opts.limit).map((s) => {
			const fit = firstFit(s.p, s.o);
			const { reasons, sentence, cautions, travel } = explainMatch(s.p, s.o, fit, s.km);
			return { id: s.other, score: s.score, reasons, sentence, cautions, firstFit: s.o.src.occurrences[slotsOf(s.o)[fit + 2]], travel };
		}),
		nearMisses: best(near, opts.nearMissLimit ?? opts.limit).map((s) => {
			const failed = constraintOf(s.failMask)!;
			return { id: s.other, failed, reason: explainNearMiss(s.p, s.o, failed, s.km), score: s.score };
		})
	};
}

/**
 * Openings compiled once (masks, radians; JST occurrence windows on first use) for ranking many
 * participants, at any `now`: the 4-week horizon is applied per query. Compile again when the
 * openings change (filled, occurrences …).
 */
export interface PreparedOpenings {
	readonly list: readonly CompiledOpening[];
}

export function prepareOpenings(openings: readonly Opening[]): PreparedOpenings {
	return { list: openings.map(compileOpening) };
}

/** Which openings fit this participant, best first, and which miss by exactly one constraint. */
export function rankOpenings(
	participant: Participant,
	openings: readonly Opening[] | PreparedOpenings,
	now: Date,
	opts: RankOptions = {}
): { matches: Match[]; nearMisses: NearMiss[] } {
	const p = compileParticipant(participant, now.getTime());
	function* pairs(): Generator<[CompiledParticipant, CompiledOpening, string]> {
		if ('list' in openings) {
			for (const o of openings.list) yield [p, o, o.id];
			return;
		}
		// Compile only what may be a match or a near miss; see screen.ts.
		for (const o of openings) if (certainFailures(p, o, 2) < 2) yield [p, compileOpening(o), o.id];
	}
	const { matches, nearMisses } = evaluatePairs(pairs(), opts);
	return {
		matches: matches.map(({ id, ...rest }) => ({ openingId: id, ...rest })),
		nearMisses: nearMisses.map(({ id, ...rest }) => ({ openingId: id, ...rest }))
	};
}

/** The reverse view for a host's opening: which participants fit it, under the same rules. */
export function rankParticipants(
	opening: Opening,
	participants: readonly Participant[],
	now: Date,
	opts: RankOptions = {}
): { matches: ParticipantMatch[]; nearMisses: ParticipantNearMiss[] } {
	const o = compileOpening(opening);
	function* pairs(): Generator<[CompiledParticipant, CompiledOpening, string]> {
		for (const p of participants) yield [compileParticipant(p, now.getTime()), o, p.id];
	}
	const { matches, nearMisses } = evaluatePairs(pairs(), opts);
	return {
		matches: matches.map(({ id, ...rest }) => ({ participantId: id, ...rest })),
		nearMisses: nearMisses.map(({ id, ...rest }) => ({ participantId: id, ...rest }))
	};
}
