/**
 * rrule ships ESM only through the legacy "module" field: bundlers (Vite, vitest) see its named
 * exports, but Node's own loader (the tsx scripts: seed, benchmarks) gets the CommonJS build and
 * cannot. Taking them from whichever shape arrived keeps both working.
 */
import * as rrule from 'rrule';

const lib: typeof rrule = (rrule as unknown as { default?: typeof rrule }).default ?? rrule;

export const { RRule, Frequency } = lib;
export type { Options } from 'rrule';
