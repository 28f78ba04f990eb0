import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheFile, prefetchYaml } from './yaml-prefetch';

const work = mkdtempSync(join(tmpdir(), 'yaml-prefetch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = {
	'c/questions/a.yaml': 'questions:\n  - id: a\n    n: 1\n    when: 2026-01-01T00:00:00Z\n',
	'c/questions/b.yaml': 'topic: mfa\nquestions: [x, y]\n',
	'c/questions/broken.yaml': 'a: 1\na: 2\n',
	'c/lessons/01-x.md': '---\ntitle: not YAML to prefetch\n---\n'
};

describe('prefetchYaml', () => {
	it('parses the YAML files like the checker does and leaves out texts with errors', async () => {
		const { parsed, stats } = await prefetchYaml(files, { cacheFile: null });
		expect([...parsed.keys()]).toEqual([files['c/questions/a.yaml'], files['c/questions/b.yaml']]);
		expect(parsed.get(files['c/questions/a.yaml'])?.data).toEqual(
			parse(files['c/questions/a.yaml'])
		);
		expect(stats).toEqual({ files: 3, fromCache: 0, parsed: 3, threads: 1 });
	});

	it('caches parsed data by content hash; a changed file is parsed again', async () => {
		const cacheFile = join(work, 'cache.v8');
		await prefetchYaml(files, { cacheFile });
		expect(existsSync(cacheFile)).toBe(true);
		const again = await prefetchYaml(files, { cacheFile });
		expect(again.stats).toMatchObject({ fromCache: 2, parsed: 1 });
		expect(again.parsed.get(files['c/questions/b.yaml'])?.data).toEqual({
			topic: 'mfa',
			questions: ['x', 'y']
		});
		const changed = { ...files, 'c/questions/b.yaml': 'topic: saml\nquestions: [z]\n' };
		const third = await prefetchYaml(changed, { cacheFile });
		expect(third.stats).toMatchObject({ fromCache: 1, parsed: 2 });
		expect(third.parsed.get(changed['c/questions/b.yaml'])?.data).toEqual({
			topic: 'saml',
			questions: ['z']
		});
	});

	it('an unreadable cache is a miss, not an error', async () => {
		const { stats } = await prefetchYaml(files, {
			cacheFile: join(work, 'missing', 'dir', 'cache.v8')
		});
		expect(stats.fromCache).toBe(0);
	});

	it('splits large content across worker threads with the same result', async () => {
		const big: Record<string, string> = {};
		for (let i = 0; i < 40; i++)
			big[`c/questions/q${i}.yaml`] =
				`questions:\n${Array.from({ length: 400 }, (_, j) => `  - { id: q-${i}-${j}, text: "${'x'.repeat(40)}" }`).join('\n')}\n`;
		const { parsed, stats } = await prefetchYaml(big, { cacheFile: null, threads: 2 });
		expect(stats.threads).toBe(2);
		expect(parsed.size).toBe(40);
		for (const text of Object.values(big)) expect(parsed.get(text)?.data).toEqual(parse(text));
	}, 30_000);

	it('keeps one cache file per content directory, in the temporary directory', () => {
		expect(defaultCacheFile('content')).toMatch(/sts-trainer-content-check\/[0-9a-f]{16}\.v8$/);
		expect(defaultCacheFile('content')).not.toBe(defaultCacheFile('other'));
	});
});
