import MiniSearch, { type Options } from 'minisearch';
import { snippet } from './plain-text';
import { contextSnippet, markTerms, type SnippetPart } from './search-snippet';

/** One searchable thing: a lesson section, a glossary term, a fact-base section or a scenario. */
export interface SearchDoc {
	id: string;
	kind: 'lesson' | 'glossary' | 'fact' | 'scenario';
	title: string;
	/** Where the result goes. */
	url: string;
	/**
	 * Plain text, searched and stored: a result shows the part of it around the matched words, or
	 * its start when the match is in the title only.
	 */
	text: string;
	/** The code examples' text (policies, CLI commands): searched, not stored, never shown. */
	code?: string;
}

export interface SearchHit extends Pick<SearchDoc, 'id' | 'kind' | 'title' | 'url'> {
	/** The text around the matched words (or its start), matched words marked. */
	snippet: SnippetPart[];
}

export interface SearchResults {
	/** The best `limit` results, best first. */
	hits: SearchHit[];
	/** How many documents matched in all. */
	total: number;
}

// The documents are made at build time by search-docs.ts (which renders Markdown); this module
// is what the search page loads, so it imports neither marked nor the content bundle.

/** The same options build and load the index (MiniSearch requires it). */
export const searchOptions: Options<SearchDoc> = {
	fields: ['title', 'text', 'code'],
	storeFields: ['kind', 'title', 'url', 'text'],
	searchOptions: { boost: { title: 3, code: 0.5 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' }
};

export function buildSearchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
	const index = new MiniSearch<SearchDoc>(searchOptions);
	index.addAll(docs);
	return index;
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
	return MiniSearch.loadJSON<SearchDoc>(json, searchOptions);
}

/** Characters of a result's snippet, ellipses included. */
export const SNIPPET_LENGTH = 160;

/**
 * The matched words to mark: those a query term begins (what was typed, or its continuation);
 * the typo-tolerant matches ("its" for "sts") only when there are no such words.
 */
function shownTerms(terms: string[], queryTerms: string[]): Set<string> {
	const typed = terms.filter((t) => queryTerms.some((q) => t.startsWith(q)));
	return new Set(typed.length ? typed : terms);
}

/**
 * Runs a query: every term must match (prefix and fuzzy), or, when that finds nothing, any term.
 * Results carry the stored fields and a snippet of the text around the matched words.
 */
export function search(index: MiniSearch<SearchDoc>, query: string, limit = 20): SearchResults {
	if (!query.trim()) return { hits: [], total: 0 };
	let results = index.search(query);
	if (results.length === 0) results = index.search(query, { combineWith: 'OR' });
	const hits = results.slice(0, limit).map((r) => {
		const terms = shownTerms(r.terms, r.queryTerms);
		const shown =
			contextSnippet(r.text as string, terms, SNIPPET_LENGTH) ??
			markTerms(snippet(r.text as string, SNIPPET_LENGTH), terms);
		return {
			id: r.id as string,
			kind: r.kind as SearchHit['kind'],
			title: r.title as string,
			url: r.url as string,
			snippet: shown
		};
	});
	return { hits, total: results.length };
}
