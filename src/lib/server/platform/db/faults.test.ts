import { describe, expect, it } from 'vitest';
import { transientKind } from './faults';

const pgError = (code: string) => Object.assign(new Error('x'), { code });

describe('transientKind', () => {
	it('a restart, a failover, a lost or refused connection and an exhausted pool are passing', () => {
		for (const code of ['57P01', '57P02', '57P03', '08006', '08003', '53300', '40001', '40P01', 'ECONNRESET', 'ECONNREFUSED'])
			expect(transientKind(pgError(code)), code).toBe('unavailable');
		expect(transientKind(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
		expect(transientKind(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
		expect(transientKind(new Error('Client has encountered a connection error and is not queryable'))).toBe('unavailable');
	});

	it('a statement timeout is its own kind', () => {
		expect(transientKind(pgError('57014'))).toBe('timeout');
	});

	it('a bug is not: a constraint, a policy, a syntax error, a plain error, a non-error', () => {
		for (const code of ['23505', '42501', '42601', 'P0001']) expect(transientKind(pgError(code)), code).toBeNull();
		expect(transientKind(new Error('boom'))).toBeNull();
		expect(transientKind('57P01')).toBeNull();
	});
});
