/**
 * The code lists a participant record is made of (GLOSSARY: 参加支援), typed against the
 * matching engine's types so that a form can never offer a code the engine does not know.
 * Labels live in the message catalogue (messages/matching).
 */
import type { AgeBand, Mode, Preference } from './matching/types';

export { GOALS, INTERESTS } from '../shared/taxonomy';

export const AGE_BANDS = ['10s', '20s', '30s', '40s', '50s', '60s', '70s', '80plus'] as const satisfies readonly AgeBand[];
export const MODES = ['walk', 'bicycle', 'bus', 'pickup_needed'] as const satisfies readonly Mode[];
export const PREFERENCES = ['small_group', 'quiet', 'same_gender_staff'] as const satisfies readonly Preference[];
