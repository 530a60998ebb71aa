/**
 * Accounts, organisations, invitations, moderation decisions, confirmations and resident
 * 「情報提供」: the small forms of issue 4. The listing forms are in registration-listing.ts.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { ORGANIZATION_KINDS } from '../../shared/taxonomy';
import { choice, date, email, line, lines, optionalUuid, phone, url, uuid, version } from '../../shared/fields';

/** The kinds anyone may create; 社協, 主管課 and 関係機関 are set up by the municipality. */
export const SELF_SERVICE_KINDS = ['npo', 'neighborhood_assoc', 'corporation', 'company', 'volunteer_group'] as const;
export const PASSWORD_MIN = 10;

export const signUpSchema = z
	.object({
		display_name: line(40, () => m.reg_display_name_required()),
		email: email(() => m.reg_email_required()),
		// passwords are taken as typed: no trimming or width folding
		password: z
			.string()
			.min(1, { error: () => m.reg_password_required() })
			.min(PASSWORD_MIN, { error: () => m.reg_password_too_short({ min: PASSWORD_MIN }) })
			.max(200, { error: () => m.reg_error_too_long({ max: 200 }) }),
		password_confirm: z.string()
	})
	.superRefine(
		(v, ctx) => {
			if (v.password && v.password_confirm !== v.password)
				ctx.addIssue({ code: 'custom', path: ['password_confirm'], message: m.reg_password_mismatch() });
			if (v.password && v.email && v.password.toLowerCase() === String(v.email).toLowerCase())
				ctx.addIssue({ code: 'custom', path: ['password'], message: m.reg_password_is_email() });
		},
		{ when: () => true }
	);

export const organizationShape = {
	id: uuid(),
	version: version(),
	municipality_id: uuid(),
	kind: choice(ORGANIZATION_KINDS, () => m.reg_org_kind_required()),
	name: line(100, () => m.reg_org_name_required()),
	name_kana: line(100),
	description: lines(2000),
	phone: phone(),
	email: email(),
	website: url()
};
export const organizationSchema = z.object(organizationShape);
/** Creating one: only the self-service kinds. */
export const newOrganizationSchema = z.object({
	...organizationShape,
	kind: choice(SELF_SERVICE_KINDS, () => m.reg_org_kind_required())
});
export type OrganizationForm = z.infer<typeof organizationSchema>;

export const invitationSchema = z.object({
	id: uuid(),
	email: email()
});

/** A moderator's decision on a request. */
export const reviewSchema = z
	.object({
		decision: choice(['approve', 'return'] as const, () => m.reg_review_decision_required()),
		reason: lines(1000),
		version: version()
	})
	.superRefine(
		(v, ctx) => {
			if (v.decision === 'return' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: m.reg_review_reason_required() });
		},
		{ when: () => true }
	);

/** Staff confirm a listing after a phone call. */
export const phoneConfirmationSchema = z.object({
	place_id: uuid(),
	note: line(500)
});

export const SUGGESTION_KINDS = ['missing', 'wrong', 'closed'] as const;

export const suggestionSchema = z
	.object({
		id: uuid(),
		municipality_id: optionalUuid(),
		place_id: optionalUuid(),
		kind: choice(SUGGESTION_KINDS, () => m.reg_suggest_kind_required()),
		place_name: line(100),
		location_text: line(200),
		body: lines(2000, () => m.reg_suggest_body_required()),
		contact: line(200),
		// the honeypot: people never see it; a bot that fills it is thanked and ignored
		homepage: z.string().max(500).default(''),
		// when the form was opened, signed by the server (too-fast posts are bots)
		started: z.string().max(200).default('')
	})
	.superRefine(
		(v, ctx) => {
			if (v.kind === 'missing' && !v.place_name)
				ctx.addIssue({ code: 'custom', path: ['place_name'], message: m.reg_suggest_place_name_required() });
		},
		{ when: () => true }
	);

/** A photo's caption and the reminder about children's faces (the file is checked by its bytes on the server). */
export const photoSchema = z.object({
	id: uuid(),
	caption: line(100, () => m.reg_photo_caption_required()),
	faces_ok: z
		.boolean()
		.default(false)
		.refine((v) => v, { error: () => m.reg_photo_faces_required() })
});

/** Importing a list: when it was last checked, and whether the rows go public at once. */
export const importUploadSchema = z.object({
	verified_on: date(() => m.reg_import_verified_required()),
	publish: z.boolean().default(true)
});

const importValues = z.object({
	name: z.string().max(200),
	name_kana: z.string().max(200),
	category: z.string().max(40),
	organization: z.string().max(200),
	address: z.string().max(400),
	postal_code: z.string().max(20),
	lat: z.string().max(30),
	lon: z.string().max(30),
	phone: z.string().max(40),
	email: z.string().max(300),
	website: z.string().max(600),
	schedule: z.string().max(400),
	fee: z.string().max(400),
	summary: z.string().max(400),
	description: z.string().max(8000),
	venue_name: z.string().max(200),
	targets: z.string().max(400)
});

/** The confirm step: the previewed rows travel back in the form and are checked again. */
export const importCommitSchema = z.object({
	import_id: z.uuid(),
	municipality_id: z.uuid(),
	file_name: z.string().min(1).max(200),
	verified_on: date(() => m.reg_import_verified_required()),
	publish: z.boolean().default(false),
	include: z.array(z.coerce.number().int().min(2).max(100000)).default([]),
	// the previewed rows as JSON; parsed and checked again with importRowsSchema
	rows: z.string().max(2_000_000)
});

export const importRowsSchema = z
	.array(
		z.object({
			line: z.number().int().min(2).max(100000),
			original: z.record(z.string(), z.string().max(4000)),
			values: importValues,
			lon: z.string().max(30),
			lat: z.string().max(30)
		})
	)
	.max(500);
