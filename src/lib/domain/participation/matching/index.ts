/**
 * 参加支援 matching: finds, ranks and explains openings for participants (and the reverse), and
 * proposes a batch assignment for a meeting. The coordinator decides; nothing here writes or
 * reads anything but its arguments. Pure, deterministic, JST without the process time zone.
 */
export type * from './types';
export { rankOpenings, rankParticipants, prepareOpenings, type PreparedOpenings } from './rank';
export { assignBatch, greedyBatch, waitingBonus, WAITING_BONUS, DEFAULT_K } from './batch';
export { SCORE_WEIGHTS } from './score';
export { TRAVEL, haversineKm } from './travel';
export { HORIZON_DAYS } from './compile';
export { solveAssignment, type AssignmentProblem, type AssignmentSolution } from './flow';
