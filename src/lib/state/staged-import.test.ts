import { describe, expect, it } from 'vitest';
import { nextTask, stagedImport } from './staged-import';

describe('stagedImport', () => {
	it('loads each stage in order, yielding after each, and resolves with the last module', async () => {
		const log: string[] = [];
		const stage = (name: string) => async () => {
			log.push(name);
			return { name };
		};
		const result = await stagedImport([stage('a'), stage('b')], stage('last'), async () => {
			log.push('yield');
		});
		expect(result).toEqual({ name: 'last' });
		expect(log).toEqual(['a', 'yield', 'b', 'yield', 'last']);
	});

	it('rejects when a stage fails to load, without loading the rest', async () => {
		const loaded: string[] = [];
		const failing = () => Promise.reject(new Error('chunk gone'));
		await expect(
			stagedImport([failing], async () => loaded.push('last'), nextTask)
		).rejects.toThrow('chunk gone');
		expect(loaded).toEqual([]);
	});

	it('nextTask resolves after the tasks queued before it', async () => {
		const log: string[] = [];
		setTimeout(() => log.push('earlier task'), 0);
		await nextTask();
		await new Promise((r) => setTimeout(r, 0));
		expect(log).toEqual(['earlier task']);
	});
});
