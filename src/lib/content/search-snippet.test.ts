import { describe, expect, it } from 'vitest';
import { contextSnippet, markTerms } from './search-snippet';

const joined = (parts: { text: string }[] | null) => parts?.map((p) => p.text).join('') ?? null;
const marks = (parts: { text: string; mark: boolean }[] | null) =>
	(parts ?? []).filter((p) => p.mark).map((p) => p.text);

describe('markTerms', () => {
	it('marks whole words whatever their case, and nothing inside other words', () => {
		const parts = markTerms(
			'The ExternalId and an external ID; identity is not id.',
			new Set(['externalid', 'id'])
		);
		expect(marks(parts)).toEqual(['ExternalId', 'ID', 'id']);
		expect(joined(parts)).toBe('The ExternalId and an external ID; identity is not id.');
	});
});

describe('contextSnippet', () => {
	const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
	it('is null when no word of the text matched', () => {
		expect(contextSnippet('nothing here', new Set(['saml']))).toBeNull();
	});

	it('keeps a short text whole', () => {
		expect(joined(contextSnippet('Use an ExternalId.', new Set(['externalid'])))).toBe(
			'Use an ExternalId.'
		);
	});

	it('shows the words in a long text with a little lead, cut at word boundaries', () => {
		const text = `${filler(60)} the trust policy checks sts:ExternalId for the vendor ${filler(60)}`;
		const parts = contextSnippet(text, new Set(['externalid']), 160);
		const s = joined(parts)!;
		expect(s.startsWith('…')).toBe(true);
		expect(s.endsWith('…')).toBe(true);
		expect(s.length).toBeLessThanOrEqual(160);
		expect(marks(parts)).toEqual(['ExternalId']);
		// Whole words only: each word of the snippet is a word of the text.
		for (const w of s.replace(/…/g, '').trim().split(' ')) expect(text.split(' ')).toContain(w);
		// A little of what comes before the word.
		expect(s.indexOf('ExternalId')).toBeGreaterThan(20);
	});

	it('prefers the window with the most different matched words', () => {
		const text = `saml once ${filler(80)} here saml and the role meet ${filler(80)}`;
		const s = joined(contextSnippet(text, new Set(['saml', 'role'])))!;
		expect(s).toContain('here saml and the role meet');
	});

	it('starts at the beginning, without an ellipsis, when the word is near it', () => {
		const s = joined(contextSnippet(`Role chaining ${filler(80)}`, new Set(['chaining'])))!;
		expect(s.startsWith('Role chaining')).toBe(true);
		expect(s.endsWith('…')).toBe(true);
	});
});
