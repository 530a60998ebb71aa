/**
 * Labels for taxonomy codes, from the message catalogue (`<vocabulary>_<code>`).
 */
import * as messages from '$lib/paraglide/messages';

export type Vocabulary =
	| 'category'
	| 'target_group'
	| 'accommodation'
	| 'venue_type'
	| 'organization_kind'
	| 'membership_role'
	| 'area_kind'
	| 'disclosure_level'
	| 'place_status';

/** The label in the request's language, or in `locale` (open data is always Japanese). */
export function label(vocabulary: Vocabulary, code: string, locale?: 'ja' | 'en'): string {
	const message = (messages as unknown as Record<string, unknown>)[`${vocabulary}_${code}`];
	if (typeof message !== 'function') return code;
	return (message as (inputs: object, options?: { locale: 'ja' | 'en' }) => string)({}, locale ? { locale } : undefined);
}
