import { json } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import { learnerFactBase } from '$lib/server/fact-base';
import { buildSearchIndex } from '$lib/content/search-index';
import { searchDocs } from '$lib/content/search-docs';

export const prerender = true;

/** The offline search index, built once at build time and precached by the service worker. */
export function GET() {
	return json(buildSearchIndex(searchDocs(getContent(), learnerFactBase())).toJSON());
}
