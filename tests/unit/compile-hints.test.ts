import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from '../../scripts/compile-hints';

type Chunk = { type: 'chunk' | 'asset'; fileName: string; code?: string; source?: string };

/** Runs the plugin's generateBundle on a bundle of these files; returns the bundle. */
function generate(files: Chunk[]): Record<string, Chunk> {
	const bundle = Object.fromEntries(files.map((f) => [f.fileName, { ...f }]));
	const hook = compileHints().generateBundle as unknown as (o: unknown, b: unknown) => void;
	hook.call({}, {}, bundle);
	return bundle;
}

describe('compileHints', () => {
	it("marks the client's chunks, and leaves the prerenderer's chunks and assets alone", () => {
		const out = generate([
			{ type: 'chunk', fileName: '_app/immutable/entry/start.abc.js', code: 'import"./x.js";' },
			{ type: 'chunk', fileName: '_app/immutable/chunks/x.js', code: 'export const x=1;' },
			{ type: 'chunk', fileName: 'entries/pages/_page.svelte.js', code: 'export default 1;' },
			{ type: 'asset', fileName: '_app/immutable/assets/a.css', source: 'a{}' }
		]);
		expect(out['_app/immutable/entry/start.abc.js'].code).toBe(`${COMPILE_HINT}import"./x.js";`);
		expect(out['_app/immutable/chunks/x.js'].code).toBe(`${COMPILE_HINT}export const x=1;`);
		expect(out['entries/pages/_page.svelte.js'].code).toBe('export default 1;');
		expect(out['_app/immutable/assets/a.css']).toEqual({
			type: 'asset',
			fileName: '_app/immutable/assets/a.css',
			source: 'a{}'
		});
	});

	it('marks a chunk once, and the mark is the first line (where V8 looks for it)', () => {
		const once = generate([
			{ type: 'chunk', fileName: '_app/immutable/chunks/y.js', code: 'f();' }
		]);
		const twice = generate([once['_app/immutable/chunks/y.js']]);
		expect(twice['_app/immutable/chunks/y.js'].code).toBe('//# allFunctionsCalledOnLoad\nf();');
	});
});
