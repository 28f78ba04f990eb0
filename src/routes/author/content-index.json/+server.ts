import { json } from '@sveltejs/kit';
import { contentIndexOf } from '$lib/content/pack-check';
import { getContent } from '$lib/server/content';

export const prerender = true;

/** The app's topics, lessons (with anchors), scenarios and ids: what a pack is checked against. */
export function GET() {
	return json(contentIndexOf(getContent()));
}
