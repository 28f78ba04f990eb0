import type { TopicCatalogue } from '$lib/progress';

/** Topic and lesson names for the dashboard, from `/progress/catalogue.json`. */
export interface ProgressCatalogue {
	topics: { id: string; title: string; questionCount: number; aliases?: string[] }[];
	/** Every lesson, in course order. */
	lessons: { slug: string; title: string }[];
	/** The app's own questions, by id (absent from a catalogue cached by an older version). */
	questionIds?: string[];
}

let pending: Promise<ProgressCatalogue> | undefined;

/** Loads the catalogue once per page load (precached by the service worker, so offline too). */
export function loadProgressCatalogue(fetcher: typeof fetch = fetch): Promise<ProgressCatalogue> {
	pending ??= (async () => {
		const res = await fetcher('/progress/catalogue.json');
		if (!res.ok) throw new Error(`progress catalogue: HTTP ${res.status}`);
		return (await res.json()) as ProgressCatalogue;
	})();
	pending.catch(() => (pending = undefined));
	return pending;
}

/**
 * The store's view of the catalogue. Topics without questions are left out: nothing can be
 * answered in them, so counting them would hold readiness down for ever.
 */
export function topicCatalogue(catalogue: ProgressCatalogue): TopicCatalogue {
	return catalogue.topics
		.filter((t) => t.questionCount > 0)
		.map((t) => ({ topic: t.id, questionCount: t.questionCount }));
}

/** A topic's title by id or alias; the id itself for a topic the content no longer has. */
export function topicTitler(catalogue: ProgressCatalogue | undefined): (topic: string) => string {
	const titles = new Map<string, string>();
	for (const t of catalogue?.topics ?? []) {
		titles.set(t.id, t.title);
		for (const a of t.aliases ?? []) titles.set(a, t.title);
	}
	return (topic) => titles.get(topic) ?? topic;
}
