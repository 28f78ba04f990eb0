import { json } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import { buildSearchIndex, searchDocs } from '$lib/content/search-index';

export const prerender = true;

/** The offline search index, built once at build time and precached by the service worker. */
export function GET() {
	return json(buildSearchIndex(searchDocs(getContent())).toJSON());
}
