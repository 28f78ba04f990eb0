import MiniSearch, { type Options } from 'minisearch';
import type { ContentBundle } from './content-bundle';

/** One searchable thing: a lesson section, a glossary term or a question topic. */
export interface SearchDoc {
	id: string;
	kind: 'lesson' | 'glossary';
	title: string;
	/** Where the result goes. */
	url: string;
	/** Shown under the title. */
	excerpt: string;
	text: string;
}

export type SearchHit = Pick<SearchDoc, 'id' | 'kind' | 'title' | 'url' | 'excerpt'>;

/** The same options build and load the index (MiniSearch requires it). */
export const searchOptions: Options<SearchDoc> = {
	fields: ['title', 'text'],
	storeFields: ['kind', 'title', 'url', 'excerpt'],
	searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' }
};

function stripTags(html: string): string {
	return html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Splits each lesson at its ## headings so a hit lands on the section that matched. */
export function searchDocs(bundle: Pick<ContentBundle, 'lessons' | 'glossary'>): SearchDoc[] {
	const docs: SearchDoc[] = [];
	for (const lesson of bundle.lessons) {
		const parts = lesson.html.split(/(?=<h2 id=")/);
		docs.push({
			id: `lesson:${lesson.slug}`,
			kind: 'lesson',
			title: lesson.title,
			url: `/lessons/${lesson.slug}`,
			excerpt: lesson.summary,
			text: `${lesson.summary} ${stripTags(parts[0])} ${lesson.keyPoints.join(' ')}`
		});
		for (const part of parts.slice(1)) {
			const id = /^<h2 id="([^"]+)">([\s\S]*?)<\/h2>/.exec(part);
			if (!id) continue;
			const body = stripTags(part.slice(id[0].length));
			docs.push({
				id: `lesson:${lesson.slug}#${id[1]}`,
				kind: 'lesson',
				title: `${lesson.title}: ${stripTags(id[2])}`,
				url: `/lessons/${lesson.slug}#${id[1]}`,
				excerpt: body.slice(0, 160) + (body.length > 160 ? '…' : ''),
				text: body
			});
		}
	}
	for (const term of bundle.glossary) {
		docs.push({
			id: `glossary:${term.id}`,
			kind: 'glossary',
			title: term.term,
			url: `/glossary#${term.id}`,
			excerpt: term.definition.slice(0, 160),
			text: `${(term.aliases ?? []).join(' ')} ${term.definition}`
		});
	}
	return docs;
}

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
