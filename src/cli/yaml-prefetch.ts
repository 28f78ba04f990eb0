import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseDocument } from 'yaml';

const YAML_FILE = /\.(ya?ml|json)$/;
/** Below this much YAML, starting a worker costs more than it saves. */
const MIN_PARALLEL_BYTES = 1_000_000;

/**
 * Parses the YAML files of a content directory on every core: worker threads take all but one
 * share, this thread parses the last share meanwhile. Returns data by text, for usePreparsedYaml.
 * Texts with errors are left out (the checker parses them again to locate the errors).
 */
export async function prefetchYaml(
	files: Record<string, string>,
	threads = availableParallelism()
): Promise<Map<string, { data: unknown }>> {
	const texts = Object.entries(files)
		.filter(([path]) => YAML_FILE.test(path))
		.map(([, text]) => text);
	const out = new Map<string, { data: unknown }>();
	const bytes = texts.reduce((n, t) => n + t.length, 0);
	if (threads < 2 || bytes < MIN_PARALLEL_BYTES) return out;

	// Largest first, each to the lightest share, so the shares end together.
	const shares: { texts: string[]; bytes: number }[] = Array.from({ length: threads }, () => ({
		texts: [],
		bytes: 0
	}));
	for (const text of [...texts].sort((a, b) => b.length - a.length)) {
		const share = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
		share.texts.push(text);
		share.bytes += text.length;
	}
	const [own, ...others] = shares;
	const results = others.map(
		(share) =>
			new Promise<void>((resolve, reject) => {
				const worker = new Worker(new URL('./yaml-parse-worker.mjs', import.meta.url));
				worker.once('message', (parsed: ({ data: unknown } | null)[]) => {
					parsed.forEach((p, i) => p && out.set(share.texts[i], p));
					void worker.terminate();
					resolve();
				});
				worker.once('error', reject);
				worker.postMessage(share.texts);
			})
	);
	for (const text of own.texts) {
		const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
		if (doc.errors.length === 0) out.set(text, { data: doc.toJS({ maxAliasCount: 100 }) });
	}
	// A worker that fails only costs time: its texts are parsed by the checker as usual.
	await Promise.allSettled(results);
	return out;
}
