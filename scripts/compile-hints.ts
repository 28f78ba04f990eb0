import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (Chrome 136+): a file whose first line is this comment has all its
 * functions compiled eagerly, on a background thread while the script streams in, instead of
 * lazily on the main thread the first time each function runs.
 * https://v8.dev/blog/explicit-compile-hints
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks the client's JavaScript chunks with the compile hint. Nearly every function in the
 * chunks a page starts with runs during hydration (the runtime, the router, the page's
 * components), so compiling them lazily puts parse and compile work into the hydration task,
 * where it blocks input. Applied after minification (generateBundle), so file names, which hash
 * the code before it, are unchanged; browsers without compile hints read an ordinary comment.
 */
export function compileHints(): Plugin {
	return {
		name: 'sts-compile-hints',
		apply: 'build',
		enforce: 'post',
		generateBundle(_options, bundle) {
			for (const file of Object.values(bundle))
				if (
					file.type === 'chunk' &&
					file.fileName.startsWith('_app/immutable/') && // the client's, not the prerenderer's
					!file.code.startsWith(COMPILE_HINT)
				)
					file.code = COMPILE_HINT + file.code;
		}
	};
}
