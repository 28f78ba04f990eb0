import { describe, expect, it } from 'vitest';
import { practiceHref, topicsFromSearch } from './practice-link';

const known = ['temporary-credentials', 'assume-role', 'mfa', 'role-chaining'];

describe('practice links by topic', () => {
	it('writes each topic once, in the order given', () => {
		expect(practiceHref(['mfa', 'role-chaining', 'mfa'])).toBe(
			'/quiz/practice?topic=mfa&topic=role-chaining'
		);
	});

	it('links to the plain setup when no topic is named', () => {
		expect(practiceHref([])).toBe('/quiz/practice');
	});

	it('reads back the topics it wrote, in the bank order', () => {
		const href = practiceHref(['role-chaining', 'assume-role']);
		const params = new URL(href, 'https://example.test').searchParams;
		expect(topicsFromSearch(params, known)).toEqual(['assume-role', 'role-chaining']);
	});

	it('leaves out topics the bank does not have, and repeats', () => {
		const params = new URLSearchParams('topic=mfa&topic=no-such-topic&topic=mfa&pack=x');
		expect(topicsFromSearch(params, known)).toEqual(['mfa']);
		expect(topicsFromSearch(new URLSearchParams(''), known)).toEqual([]);
	});
});
