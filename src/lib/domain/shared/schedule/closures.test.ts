import { describe, it, expect } from 'vitest';
import { isClosed } from './closures';
import type { Closure } from './types';

const yearEnd: Closure = { kind: 'annual', from: '12-29', to: '01-03', label: '年末年始' };
const august: Closure = { kind: 'annual', from: '08-01', to: '08-31' };
const renovation: Closure = { kind: 'once', from: '2027-02-01', to: '2027-02-14' };

describe('closures', () => {
	it('wraps an annual closure across the year end', () => {
		expect(['2026-12-29', '2026-12-31', '2027-01-01', '2027-01-03'].map((d) => isClosed(d, [yearEnd]))).toEqual([true, true, true, true]);
		expect(['2026-12-28', '2027-01-04', '2027-06-15'].map((d) => isClosed(d, [yearEnd]))).toEqual([false, false, false]);
	});

	it('closes a whole month every year', () => {
		expect(isClosed('2027-08-01', [august])).toBe(true);
		expect(isClosed('2030-08-31', [august])).toBe(true);
		expect(isClosed('2027-09-01', [august])).toBe(false);
	});

	it('closes a one-off period only in its year', () => {
		expect(isClosed('2027-02-14', [renovation])).toBe(true);
		expect(isClosed('2028-02-10', [renovation])).toBe(false);
		expect(isClosed('2027-02-10', [])).toBe(false);
	});
});
