/**
 * The matching engine's inputs and outputs. Names follow GLOSSARY.md: a participant (参加者),
 * an opening (受け入れ枠), a match (a ranked suggestion — the coordinator decides).
 */
import type { Accommodation, TargetGroup } from '../../shared/taxonomy';

/** 0 = Sunday … 6 = Saturday, in Japan (JST). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A weekly JST wall-clock window, 'HH:MM'–'HH:MM' on one weekday ('24:00' may end a window). */
export interface TimeWindow {
	weekday: Weekday;
	start: string;
	end: string;
}

/** 徒歩, 自転車, バス, 送迎が必要 */
export type Mode = 'walk' | 'bicycle' | 'bus' | 'pickup_needed';

/** How a match is reached: on one's own, or collected by the host (送迎). */
export type TravelMode = 'walk' | 'bicycle' | 'bus' | 'pickup';

/** 居場所 / 仲間づくり / ボランティア / 就労準備 / 趣味 */
export type { Goal } from '../../shared/taxonomy';
import type { Goal } from '../../shared/taxonomy';

export type Preference = 'small_group' | 'quiet' | 'same_gender_staff';

export type AgeBand = '10s' | '20s' | '30s' | '40s' | '50s' | '60s' | '70s' | '80plus';

export interface LonLat {
	lon: number;
	lat: number;
}

export interface Participant {
	id: string;
	/** A pseudonym: the engine never sees a name. */
	code: string;
	ageBand: AgeBand;
	targetGroups: TargetGroup[];
	/** Taxonomy-ish tags: 'books', 'cooking', 'farming', … */
	interests: string[];
	goals: Goal[];
	availability: TimeWindow[];
	modes: Mode[];
	maxMinutes: number;
	home: LonLat | null;
	requiredAccommodations: Accommodation[];
	preferences: Preference[];
	needsCompanionFirstVisit: boolean;
	/** JST date 'YYYY-MM-DD' since when the person has been waiting for a place. */
	waitingSince: string;
	declinedOpeningIds: string[];
	pastOrganizationIds: string[];
}

/** One session, as real instants; the caller expands the schedule for the next 4 weeks. */
export interface OpeningOccurrence {
	start: Date;
	end: Date;
}

export interface Opening {
	id: string;
	organizationId: string;
	title: string;
	placeName: string;
	location: LonLat | null;
	occurrences: OpeningOccurrence[];
	capacity: number;
	filled: number;
	accommodations: Accommodation[];
	targetGroups: TargetGroup[];
	ageMin: number | null;
	ageMax: number | null;
	/** Interests the opening suits. */
	tags: string[];
	goals: Goal[];
	groupSize: 'small' | 'medium' | 'large' | null;
	hostMedianReplyHours: number | null;
}

/** The five hard constraints; a pair failing any of them is never a match. */
export type HardConstraint = 'time' | 'capacity' | 'eligibility' | 'accommodations' | 'travel';

/** null travel means a location is missing on either side (「距離は不明」). */
export type Travel = { mode: TravelMode; minutes: number } | null;

export interface Match {
	openingId: string;
	/** Soft score in [0, 100]; see SCORE_WEIGHTS. */
	score: number;
	/** Short reasons in the coordinator's language, most decisive first. */
	reasons: string[];
	/** The reasons joined with 「・」. */
	sentence: string;
	/** Things the coordinator should check before suggesting it (以前に辞退 …). */
	cautions: string[];
	firstFit: OpeningOccurrence;
	travel: Travel;
}

export interface NearMiss {
	openingId: string;
	/** The one hard constraint that fails. */
	failed: HardConstraint;
	/** e.g. 「時間が合わない（木曜のみ）」 (in the coordinator's language). */
	reason: string;
	/** The soft score the pair would have if the failed constraint were waived. */
	score: number;
}

export type ParticipantMatch = Omit<Match, 'openingId'> & { participantId: string };
export type ParticipantNearMiss = Omit<NearMiss, 'openingId'> & { participantId: string };

export interface RankOptions {
	/** At most this many matches (default: all). */
	limit?: number;
	/** At most this many near misses (default: the same as limit). */
	nearMissLimit?: number;
	/** The language of the explanations (default: the request's, else Japanese). */
	locale?: Locale;
}

export type Locale = 'ja' | 'en';

export interface Assignment {
	participantId: string;
	openingId: string;
	/** The pair's soft score (as in rankOpenings). */
	score: number;
	/** score + the participant's waiting bonus: what the batch maximises. */
	weight: number;
}

export interface BatchOptions {
	/** Candidate openings kept per participant before solving (default 20); see batch.ts. */
	k?: number;
}

export interface BatchResult {
	assignments: Assignment[];
	/** Participant ids left without an opening, in id order. */
	unassigned: string[];
	/** Σ weight over the assignments (score + waiting bonus): the objective. */
	totalScore: number;
	stats: BatchStats;
}

export interface BatchStats {
	/** Feasible (participant, opening) pairs over the whole input. */
	feasiblePairs: number;
	/** Pairs given to the solver (after pruning, plus pairs the optimality check added back). */
	edges: number;
	/** Solver runs: 1 when the pruned optimum was certified optimal for the full graph at once. */
	rounds: number;
}
