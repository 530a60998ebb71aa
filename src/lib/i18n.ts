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

export function label(vocabulary: Vocabulary, code: string): string {
	const message = (messages as unknown as Record<string, unknown>)[`${vocabulary}_${code}`];
	return typeof message === 'function' ? (message as () => string)() : code;
}
