import { describe, expect, it } from 'vitest';
import { duplicateJsonKey } from './json-duplicate-keys';

describe('duplicateJsonKey', () => {
	it('finds a key repeated in one object, with where the object is', () => {
		expect(duplicateJsonKey('{"Statement": [], "Statement": []}')).toEqual({
			path: '',
			key: 'Statement'
		});
		expect(
			duplicateJsonKey(
				'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]}'
			)
		).toEqual({ path: 'Statement[1]', key: 'Effect' });
		expect(
			duplicateJsonKey(
				'{"Statement":{"Condition":{"StringEquals":{"a":"1"},"StringEquals":{"b":"2"}}}}'
			)
		).toEqual({ path: 'Statement.Condition', key: 'StringEquals' });
	});

	it('allows the same key in different objects, and keys inside strings', () => {
		expect(
			duplicateJsonKey(
				'{"Statement":[{"Effect":"Allow","Sid":"a\\"b,\\"Sid\\":"},{"Effect":"Deny","Sid":"x"}]}'
			)
		).toBeUndefined();
		expect(duplicateJsonKey('{"a":{"k":1},"b":{"k":[{"k":2},{"k":3}]}}')).toBeUndefined();
	});

	it('compares keys after unescaping, as JSON does', () => {
		expect(duplicateJsonKey('{"Effect":"Allow","\\u0045ffect":"Deny"}')).toEqual({
			path: '',
			key: 'Effect'
		});
	});
});
