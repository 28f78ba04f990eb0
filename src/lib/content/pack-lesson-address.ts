/**
 * Where a content pack's lesson is read: one prerendered page, /lessons/pack, with the pack and
 * lesson named in the URL's hash (a small module of its own: quiz pages link pack lessons without
 * loading the lesson renderer).
 */

/** Where a pack lesson is read: one prerendered page, the lesson named in the URL's hash. */
export interface PackLessonTarget {
	packId: string;
	slug: string;
	/** A heading anchor inside the lesson. */
	section?: string;
}

/**
 * The address of a pack lesson. The hash carries pack, lesson and section, so a link to a heading
 * keeps the lesson named; the service worker's precache ignores the hash, so it opens offline.
 */
export function packLessonHref({ packId, slug, section }: PackLessonTarget): string {
	const params = new URLSearchParams({ pack: packId, lesson: slug });
	if (section) params.set('section', section);
	return `/lessons/pack#${params}`;
}

/** The pack lesson a hash made by packLessonHref names, if it names a pack and a lesson. */
export function packLessonTarget(hash: string): PackLessonTarget | undefined {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const packId = params.get('pack');
	const slug = params.get('lesson');
	const section = params.get('section');
	if (!packId || !slug) return undefined;
	return { packId, slug, ...(section ? { section } : {}) };
}

/**
 * Where a link inside a pack lesson really goes, when it must stay on the pack lesson route: a
 * `#heading` of the lesson itself (the hash names the lesson, so the heading goes into it), or
 * `/lessons/<slug>` of another lesson of the same pack (which has no page of its own). Undefined
 * for every other link, which works as it is.
 */
export function packLessonLinkHref(
	href: string,
	at: { packId: string; slug: string; packLessons: readonly string[] }
): string | undefined {
	if (href.startsWith('#'))
		return packLessonHref({ packId: at.packId, slug: at.slug, section: href.slice(1) });
	const other = /^\/lessons\/([a-z0-9-]+)(?:#(.*))?$/.exec(href);
	if (other && at.packLessons.includes(other[1]))
		return packLessonHref({ packId: at.packId, slug: other[1], section: other[2] || undefined });
	return undefined;
}
