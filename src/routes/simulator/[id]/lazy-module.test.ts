import { describe, expect, it, vi } from 'vitest';
import { lazyModule } from './lazy-module';

describe('lazyModule', () => {
	it('imports once and hands out the same promise', async () => {
		const importer = vi.fn(async () => ({ value: 42 }));
		const load = lazyModule(importer);
		expect(importer).not.toHaveBeenCalled();
		const first = load();
		expect(load()).toBe(first);
		await expect(first).resolves.toEqual({ value: 42 });
		expect(importer).toHaveBeenCalledTimes(1);
	});

	it('retries after a failed import', async () => {
		const importer = vi
			.fn<() => Promise<string>>()
			.mockRejectedValueOnce(new Error('chunk gone'))
			.mockResolvedValueOnce('loaded');
		const load = lazyModule(importer);
		await expect(load()).rejects.toThrow('chunk gone');
		await expect(load()).resolves.toBe('loaded');
		expect(importer).toHaveBeenCalledTimes(2);
	});
});
