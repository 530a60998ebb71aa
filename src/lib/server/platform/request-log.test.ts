import { describe, expect, it } from 'vitest';
import { errorForLog, requestIdFrom, requestLine } from './request-log';

describe('the request log line', () => {
	it('has the id, method, route pattern, status and duration, and nothing else', () => {
		const line = requestLine({
			requestId: 'r-12345678',
			method: 'GET',
			route: '/(public)/host-reply/[token]',
			status: 200,
			startedAt: 100,
			now: 112.34
		});
		expect(Object.keys(line).sort()).toEqual(['durationMs', 'level', 'method', 'requestId', 'route', 'status', 'time']);
		expect(line).toMatchObject({
			requestId: 'r-12345678',
			method: 'GET',
			route: '/(public)/host-reply/[token]',
			status: 200,
			durationMs: 12.3,
			level: 'info'
		});
	});
	it('marks client errors warn and server errors error', () => {
		const at = (status: number) =>
			requestLine({ requestId: 'x'.repeat(8), method: 'POST', route: null, status, startedAt: 0, now: 1 }).level;
		expect([at(302), at(404), at(500)]).toEqual(['info', 'warn', 'error']);
	});
	it('keeps a proxy’s request id only when it is an id, never free text', () => {
		expect(requestIdFrom('abc-123_DEF.456')).toBe('abc-123_DEF.456');
		for (const bad of [null, '', 'short', '山田太郎さんの相談', 'a b c d e f g h', 'x'.repeat(65), 'id\nforged-line'])
			expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('what the log keeps of an error', () => {
	it('its kind, SQLSTATE and frames — never its message, which can quote a value', () => {
		const e = Object.assign(new Error('duplicate key value violates unique constraint: Key (email)=(hanako@example.jp)'), {
			code: '23505'
		});
		const kept = errorForLog(e);
		expect(kept).toMatchObject({ error: 'Error', code: '23505' });
		expect(kept.frames!.length).toBeGreaterThan(0);
		expect(JSON.stringify(kept)).not.toContain('hanako@example.jp');
		expect(errorForLog('山田太郎')).toEqual({ error: 'string' });
	});
});
