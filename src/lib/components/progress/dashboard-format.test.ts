import { describe, expect, it } from 'vitest';
import { formatWhen } from './dashboard-format';

// Local times, so the test holds in any time zone.
const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime();

describe('formatWhen', () => {
	const now = at(3, 9, 0); // Mon 3 Mar 2025, 09:00
	it('counts minutes, then hours, within the next 12 hours', () => {
		expect(formatWhen(now + 5_000, now)).toBe('in 1 minute');
		expect(formatWhen(at(3, 9, 40), now)).toBe('in 40 minutes');
		expect(formatWhen(at(3, 10, 0), now)).toBe('in 1 hour');
		expect(formatWhen(at(3, 12, 20), now)).toBe('in 3 hours');
	});
	it('names the day and the time beyond that', () => {
		expect(formatWhen(at(3, 21, 40), now)).toBe('today at 21:40');
		expect(formatWhen(at(4, 9, 5), now)).toBe('tomorrow at 09:05');
		expect(formatWhen(at(11, 9, 5), now)).toBe('on Tue 11 Mar at 09:05');
		// Another year says which.
		expect(formatWhen(new Date(2026, 3, 7, 9, 0).getTime(), now)).toBe(
			'on Tue 7 Apr 2026 at 09:00'
		);
	});
	it('says tomorrow for an early-morning review seen late in the evening', () => {
		expect(formatWhen(at(4, 7, 0), at(3, 23, 0))).toBe('in 8 hours');
		expect(formatWhen(at(4, 23, 30), at(3, 23, 0))).toBe('tomorrow at 23:30');
	});
});
