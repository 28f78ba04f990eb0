import MiniSearch, { type Options } from 'minisearch';

/** One searchable thing: a lesson section, a glossary term or a question topic. */
export interface SearchDoc {
	id: string;
	kind: 'lesson' | 'glossary';
	title: string;
	/** Where the result goes. */
	url: string;
	/** Shown under the title: plain text, at most EXCERPT_LENGTH characters (search-docs.ts). */
	excerpt: string;
	text: string;
}

export type SearchHit = Pick<SearchDoc, 'id' | 'kind' | 'title' | 'url' | 'excerpt'>;

// The documents are made at build time by search-docs.ts (which renders Markdown); this module
// is what the search page loads, so it imports neither marked nor the content bundle.

/** The same options build and load the index (MiniSearch requires it). */
export const searchOptions: Options<SearchDoc> = {
	fields: ['title', 'text'],
	storeFields: ['kind', 'title', 'url', 'excerpt'],
	searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' }
};

export function buildSearchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
	const index = new MiniSearch<SearchDoc>(searchOptions);
	index.addAll(docs);
	return index;
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
	return MiniSearch.loadJSON<SearchDoc>(json, searchOptions);
}

/** Runs a query; results carry the stored fields only. */
export function search(index: MiniSearch<SearchDoc>, query: string, limit = 20): SearchHit[] {
	if (!query.trim()) return [];
	let results = index.search(query);
	if (results.length === 0) results = index.search(query, { combineWith: 'OR' });
	return results.slice(0, limit).map((r) => ({
		id: r.id as string,
		kind: r.kind as SearchHit['kind'],
		title: r.title as string,
		url: r.url as string,
		excerpt: r.excerpt as string
	}));
}
