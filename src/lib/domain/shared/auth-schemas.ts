import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { normalizeText } from './text';

export const signInSchema = z.object({
	email: z
		.string()
		.overwrite(normalizeText)
		.min(1, { error: () => m.error_email_required() })
		.max(254, { error: () => m.error_too_long({ max: 254 }) })
		.pipe(z.email({ error: () => m.error_email_invalid() })),
	// passwords are taken as typed: no trimming or width folding
	password: z
		.string()
		.min(1, { error: () => m.error_password_required() })
		.max(200, { error: () => m.error_too_long({ max: 200 }) })
});

export const totpSchema = z.object({
	code: z
		.string()
		.overwrite((s) => normalizeText(s).replace(/[\s-]/g, ''))
		.regex(/^\d{6}$/, { error: () => m.totp_code_format() })
});
