/**
 * The 参加支援 forms: a participant's record, a proposal, a host's answer (through the reply
 * link), the coordinator's steps on a placement and a follow-up. One schema per form, shared by
 * the browser and the server; messages from the catalogue, next to their fields.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { ACCOMMODATIONS, TARGET_GROUPS } from '../shared/taxonomy';
import { AVAILABILITY_SLOTS } from './availability';
import { AGE_BANDS, GOALS, INTERESTS, MODES, PREFERENCES } from './codes';
import { END_REASONS, HOST_DECLINE_REASONS, SELF_REPORTS, WITHDRAW_REASONS } from './workflow';
import { normalizeDashes, tidyLine } from '../shared/normalize';
import { choice, choices, date, integer, line, lines, optionalUuid, uuid, version } from '../shared/fields';

/**
 * Pseudonyms such as 'H-0123': half-width letters, digits and '-', so they read aloud and sort;
 * typed in 全角 or lower case they are tidied to that ('ｈ－０１２３' → 'H-0123').
 */
const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;

export const participantSchema = z.object({
	code: z
		.string()
		.overwrite((v) => normalizeDashes(tidyLine(v)).toUpperCase())
		.min(1, { error: () => m.participation_error_code_required() })
		.refine((v) => v === '' || CODE.test(v), { error: () => m.participation_error_code() })
		.prefault(''),
	real_name: line(100),
	real_name_kana: line(100),
	area_id: optionalUuid(),
	age_band: choice(AGE_BANDS, () => m.participation_error_age_band()).prefault(''),
	target_groups: choices(TARGET_GROUPS),
	interests: choices(INTERESTS),
	strengths: lines(500),
	goals: choices(GOALS),
	availability: choices(AVAILABILITY_SLOTS).refine((v) => v.length > 0, { error: () => m.participation_error_availability() }),
	modes: choices(MODES).refine((v) => v.length > 0, { error: () => m.participation_error_modes() }),
	max_minutes: integer(5, 120, () => m.participation_error_max_minutes()).prefault(''),
	required_accommodations: choices(ACCOMMODATIONS),
	preferences: choices(PREFERENCES),
	needs_companion_first_visit: z.boolean().default(false),
	notes: lines(2000),
	share_summary_with_host: z.boolean().default(false),
	version: version()
});
export type ParticipantForm = z.infer<typeof participantSchema>;

/** Proposing an opening from the ranked list (the score and reasons are recomputed on the server). */
export const proposalSchema = z.object({ opening_id: uuid() });

/** Asking the host: by a reply link (mailed to the organisation, or copied) or on the phone. */
export const askSchema = z.object({
	channel: z.enum(['link', 'phone'], { error: () => m.participation_error_channel() }),
	version: version()
});

// Every field has a default, so a post that leaves one out gets the Japanese message, not zod's.

/** The host's answer, through the link or as the coordinator heard it on the phone. */
export const hostReplySchema = z
	.object({
		answer: z.enum(['ok', 'difficult'], { error: () => m.participation_error_answer() }),
		trial_visit_date_1: date().prefault(''),
		trial_visit_date_2: date().prefault(''),
		trial_visit_date_3: date().prefault(''),
		reason: z.union([z.enum(HOST_DECLINE_REASONS), z.literal('')]).default(''),
		message: lines(1000),
		version: version()
	})
	.superRefine((v, ctx) => {
		if (v.answer === 'difficult' && v.reason === '')
			ctx.addIssue({ code: 'custom', path: ['reason'], message: m.participation_error_reason() });
	});

/** A step on a placement: 見学・体験, 参加開始, 定着, 終了, 取り下げ, 協力者に. */
export const stepSchema = z
	.object({
		step: z.enum(['trial_visit', 'active', 'settled', 'ended', 'withdrawn', 'helper'], { error: () => m.participation_error_step() }),
		on: date(() => m.participation_error_date_required()).prefault(''),
		reason: z.union([z.enum(END_REASONS), z.enum(WITHDRAW_REASONS), z.literal('')]).default(''),
		note: lines(1000),
		version: version()
	})
	.superRefine((v, ctx) => {
		const allowed: readonly string[] = v.step === 'ended' ? END_REASONS : v.step === 'withdrawn' ? WITHDRAW_REASONS : [];
		if ((v.step === 'ended' || v.step === 'withdrawn') && !allowed.includes(v.reason))
			ctx.addIssue({ code: 'custom', path: ['reason'], message: m.participation_error_reason() });
	});

export const followUpSchema = z.object({
	follow_up_id: uuid(),
	done_on: date(() => m.participation_error_date_required()).prefault(''),
	self_report: z.union([z.enum(SELF_REPORTS), z.literal('')]).default(''),
	host_note: lines(1000),
	note: lines(2000),
	version: version()
});

/** Accepting proposals from the batch: the pairs the coordinator kept ticked. */
export const batchAcceptSchema = z.object({
	pairs: z
		.array(z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/, { error: () => m.reg_error_choice() }))
		.min(1, { error: () => m.participation_error_batch_empty() })
		.max(500, { error: () => m.reg_error_choice() })
});
