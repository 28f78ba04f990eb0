import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { parseDocument } from 'yaml';

const YAML_FILE = /\.(ya?ml|json)$/;
/** Below this much YAML to parse, starting a worker costs more than it saves. */
const MIN_PARALLEL_BYTES = 1_000_000;
/** Cached data is only reused with the same yaml release and the same parse options. */
const CACHE_KEY = `yaml@${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version};uniqueKeys;maxAliasCount=100;v1`;

export interface PrefetchOptions {
	/** Threads to parse on (default: every core). */
	threads?: number;
	/** Where parsed data is cached between runs, by content hash; null: no cache. */
	cacheFile?: string | null;
}

export interface Prefetched {
	/** Data by exact text, for usePreparsedYaml. Texts with errors are left out. */
	parsed: Map<string, { data: unknown }>;
	stats: { files: number; fromCache: number; parsed: number; threads: number };
}

/** The default cache file of a content directory, in the system's temporary directory. */
export function defaultCacheFile(dir: string): string {
	const id = createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 16);
	return join(tmpdir(), 'sts-trainer-content-check', `${id}.v8`);
}

const hash = (text: string) => createHash('sha1').update(CACHE_KEY).update(text).digest('base64');

function parse(text: string): { data: unknown } | null {
	const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	return doc.errors.length ? null : { data: doc.toJS({ maxAliasCount: 100 }) };
}

function readCache(file: string): Map<string, unknown> {
	try {
		const value = deserialize(readFileSync(file)) as unknown;
		return value instanceof Map ? (value as Map<string, unknown>) : new Map();
	} catch {
		return new Map(); // none yet, or unreadable: a cache miss, never an error
	}
}

function writeCache(file: string, entries: Map<string, unknown>): void {
	try {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(`${file}.tmp`, serialize(entries));
		renameSync(`${file}.tmp`, file);
	} catch {
		// A read-only temporary directory only costs the next run its speed.
	}
}

/** Parses texts across worker threads, this thread taking the last share. */
async function parseAll(texts: string[], threads: number): Promise<Map<string, { data: unknown }>> {
	const out = new Map<string, { data: unknown }>();
	const keep = (text: string, p: { data: unknown } | null) => p && out.set(text, p);
	const bytes = texts.reduce((n, t) => n + t.length, 0);
	if (threads < 2 || bytes < MIN_PARALLEL_BYTES) {
		for (const text of texts) keep(text, parse(text));
		return out;
	}
	// Largest first, each to the lightest share, so the shares end together.
	const shares = Array.from({ length: threads }, () => ({ texts: [] as string[], bytes: 0 }));
	for (const text of [...texts].sort((a, b) => b.length - a.length)) {
		const share = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
		share.texts.push(text);
		share.bytes += text.length;
	}
	const [own, ...others] = shares;
	const workers = others.map(
		(share) =>
			new Promise<void>((done, fail) => {
				const worker = new Worker(new URL('./yaml-parse-worker.mjs', import.meta.url));
				worker.once('message', (parsed: ({ data: unknown } | null)[]) => {
					parsed.forEach((p, i) => keep(share.texts[i], p));
					void worker.terminate();
					done();
				});
				worker.once('error', fail);
				worker.postMessage(share.texts);
			})
	);
	for (const text of own.texts) keep(text, parse(text));
	// A worker that fails only costs time: its texts are parsed by the checker as usual.
	await Promise.allSettled(workers);
	return out;
}

/**
 * Parses the YAML of a content directory before the check: files unchanged since the last run come
 * from the cache (keyed by a hash of their text), the others are parsed on every core.
 */
export async function prefetchYaml(
	files: Record<string, string>,
	options: PrefetchOptions = {}
): Promise<Prefetched> {
	const threads = options.threads ?? availableParallelism();
	const texts = [
		...new Set(
			Object.entries(files)
				.filter(([path]) => YAML_FILE.test(path))
				.map(([, text]) => text)
		)
	];
	const cache = options.cacheFile ? readCache(options.cacheFile) : new Map<string, unknown>();
	const parsed = new Map<string, { data: unknown }>();
	const keys = new Map<string, string>();
	const misses: string[] = [];
	for (const text of texts) {
		const key = hash(text);
		keys.set(text, key);
		if (cache.has(key)) parsed.set(text, { data: cache.get(key) });
		else misses.push(text);
	}
	const fresh = await parseAll(misses, threads);
	for (const [text, p] of fresh) parsed.set(text, p);
	if (options.cacheFile && misses.length) {
		// Only the current files' entries are kept, so the cache never grows past the content.
		writeCache(
			options.cacheFile,
			new Map([...parsed].map(([text, p]) => [keys.get(text)!, p.data]))
		);
	}
	return {
		parsed,
		stats: {
			files: texts.length,
			fromCache: texts.length - misses.length,
			parsed: misses.length,
			threads: misses.reduce((n, t) => n + t.length, 0) >= MIN_PARALLEL_BYTES ? threads : 1
		}
	};
}
