import { describe, expect, it } from 'vitest';
import { packLessonHref, packLessonLinkHref, packLessonTarget } from './pack-lesson-address';

const hashOf = (href: string) => new URL(href, 'http://localhost').hash;

describe('pack lesson addresses', () => {
	it('name the pack, the lesson and an optional section in the hash, and read back', () => {
		const href = packLessonHref({ packId: 'lab-pack', slug: 'lab-notes' });
		expect(href).toBe('/lessons/pack#pack=lab-pack&lesson=lab-notes');
		expect(packLessonTarget(hashOf(href))).toEqual({ packId: 'lab-pack', slug: 'lab-notes' });
		const section = packLessonHref({ packId: 'lab-pack', slug: 'lab-notes', section: 'the-rules' });
		expect(section).toBe('/lessons/pack#pack=lab-pack&lesson=lab-notes&section=the-rules');
		expect(packLessonTarget(hashOf(section))).toEqual({
			packId: 'lab-pack',
			slug: 'lab-notes',
			section: 'the-rules'
		});
	});

	it('encode what they carry', () => {
		const href = packLessonHref({ packId: 'a&b', slug: 'c#d' });
		expect(packLessonTarget(hashOf(href))).toEqual({ packId: 'a&b', slug: 'c#d' });
	});

	it('name nothing without both pack and lesson', () => {
		expect(packLessonTarget('')).toBeUndefined();
		expect(packLessonTarget('#pack=x')).toBeUndefined();
		expect(packLessonTarget('#lesson=y')).toBeUndefined();
		expect(packLessonTarget('#the-rules')).toBeUndefined();
	});
});

describe('packLessonLinkHref', () => {
	const at = { packId: 'lab', slug: 'notes', packLessons: ['notes', 'more-notes'] };

	it('keeps links to the lesson’s headings on the pack lesson route', () => {
		expect(packLessonLinkHref('#the-rules', at)).toBe(
			'/lessons/pack#pack=lab&lesson=notes&section=the-rules'
		);
	});

	it('sends links to the pack’s other lessons to the pack lesson route', () => {
		expect(packLessonLinkHref('/lessons/more-notes', at)).toBe(
			'/lessons/pack#pack=lab&lesson=more-notes'
		);
		expect(packLessonLinkHref('/lessons/more-notes#part', at)).toBe(
			'/lessons/pack#pack=lab&lesson=more-notes&section=part'
		);
	});

	it('leaves the app’s lessons and other links alone', () => {
		expect(packLessonLinkHref('/lessons/role-chaining#the-one-hour-cap', at)).toBeUndefined();
		expect(packLessonLinkHref('/glossary', at)).toBeUndefined();
		expect(packLessonLinkHref('https://docs.aws.amazon.com/', at)).toBeUndefined();
	});
});
