import type { Handle } from '@sveltejs/kit';
import { stylesheetsFirst } from '$lib/server/stylesheets-first';

/** Runs when pages are prerendered (the app has no server at run time). */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => stylesheetsFirst(html) });
