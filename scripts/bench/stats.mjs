/** Nearest-rank percentile (p in 0..1) of numbers; undefined for an empty list. */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	if (!sorted.length) return undefined;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 0.5);

export const kb = (bytes) => (bytes / 1024).toFixed(1);
