import { describe, expect, it } from 'vitest';
import { AVAILABILITY_SLOTS, slotsFromWindows, windowsFromSlots } from './availability';

describe('availability grid', () => {
	it('turns 木曜午前のみ into one Thursday morning window', () => {
		expect(windowsFromSlots(['4-am'])).toEqual([{ weekday: 4, start: '08:00', end: '12:00' }]);
	});

	it('joins neighbouring periods of a day and keeps separate days apart', () => {
		expect(windowsFromSlots(['2-pm', '2-am', '6-eve', '2-eve', '0-am', '0-eve'])).toEqual([
			{ weekday: 0, start: '08:00', end: '12:00' },
			{ weekday: 0, start: '18:00', end: '22:00' },
			{ weekday: 2, start: '08:00', end: '22:00' },
			{ weekday: 6, start: '18:00', end: '22:00' }
		]);
	});

	it('ignores codes that are not cells of the grid', () => {
		expect(windowsFromSlots(['7-am', '4-noon', '', '4'])).toEqual([]);
	});

	it('round-trips every set of cells', () => {
		const samples = [[], ['4-am'], ['1-am', '1-pm', '3-eve'], [...AVAILABILITY_SLOTS]];
		for (const s of samples) expect(slotsFromWindows(windowsFromSlots(s)).sort()).toEqual([...s].sort());
	});

	it('reads windows it did not make: a cell counts when a window covers it wholly', () => {
		expect(slotsFromWindows([{ weekday: 5, start: '09:00', end: '18:00' }])).toEqual(['5-pm']);
	});
});
