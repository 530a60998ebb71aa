import { describe, expect, it } from 'vitest';
import { TRAVEL, haversineKm, minutesFor, wholeMinutes } from './travel';
import { formatClock, jstDay, jstMinuteOfDay, parseClock, weekdayOfDay } from './jst';

describe('travel estimates', () => {
	it('measures great-circle distance (Tokyo station → Shinjuku station ≈ 6.1 km)', () => {
		expect(haversineKm({ lon: 139.7671, lat: 35.6812 }, { lon: 139.7006, lat: 35.6896 })).toBeCloseTo(6.08, 1);
		expect(haversineKm({ lon: 140, lat: 36 }, { lon: 140, lat: 36 })).toBe(0);
	});
	it('applies the detour factor, the speeds and the bus wait', () => {
		expect(TRAVEL.detourFactor).toBe(1.3);
		expect(minutesFor('walk', 1)).toBeCloseTo(16.25);
		expect(minutesFor('bicycle', 1)).toBeCloseTo(6.5);
		expect(minutesFor('bus', 1)).toBeCloseTo(4.333 + 10, 2);
	});
	it('rounds minutes up, but not float noise', () => {
		expect(wholeMinutes(12.01)).toBe(13);
		expect(wholeMinutes(12 + 1e-12)).toBe(12);
	});
});

describe('JST readings without the process time zone', () => {
	const at = (iso: string) => new Date(iso).getTime();
	it('reads weekday and minute of day at UTC+9', () => {
		const t = at('2026-11-25T23:30:00Z'); // Thursday 08:30 JST
		expect(weekdayOfDay(jstDay(t))).toBe(4);
		expect(jstMinuteOfDay(t)).toBe(8 * 60 + 30);
	});
	it('parses and prints HH:MM, allowing 24:00 only as an end', () => {
		expect(parseClock('09:30')).toBe(570);
		expect(parseClock('24:00')).toBe(1440);
		expect(parseClock('24:30')).toBeNaN();
		expect(parseClock('9時')).toBeNaN();
		expect(formatClock(570)).toBe('09:30');
	});
});
