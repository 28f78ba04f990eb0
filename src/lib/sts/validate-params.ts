/**
 * Server-side parameter validation against the STS model constraints (sts-facts §3, §3.1), with
 * AWS's wording: "1 validation error detected: Value '…' at '…' failed to satisfy constraint: …".
 * The simulator models the server, not botocore's client-side checks (sts-facts §3.1, last bullet).
 */
import {
	API_MEMBERS,
	ARN_TYPE,
	TAG_KEY,
	TAG_VALUE,
	wireMemberName,
	type MemberSpec,
	type StsApi
} from './api-model';
import { awsError, validationError, type AwsError, type ConstraintViolation } from './aws-errors';

export type Params = Readonly<Record<string, unknown>>;

/** The text AWS sees: a Policy given as a YAML mapping is sent as its JSON (sts-facts §3 "as on the wire"). */
export function policyText(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Query-protocol integers arrive as text, so "3600" and 3600 are the same value. AWS reads them as
 * 32-bit integers and accepts "+900" and "0900" [obs: justincormack/argmin
 * crates/s3-tests/src/bin/sts_oracle.rs, AssumeRole probes against real STS].
 */
export function integerParam(value: unknown): number | undefined {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^[+-]?\d+$/.test(value)
				? Number(value)
				: NaN;
	return Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

const POLICY_PATTERN = {
	text: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
	regex: /^[\t\n\r\u0020-\u00FF]+$/
};

function checkString(
	member: string,
	value: unknown,
	spec: { min?: number; max?: number; pattern?: { text: string; regex: RegExp } }
): ConstraintViolation[] {
	const text = String(value);
	const out: ConstraintViolation[] = [];
	// AWS measures length in characters; surrogate pairs count once.
	const length = [...text].length;
	// STS lists a member's pattern violation before its length violation: "2 validation errors
	// detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular
	// expression pattern: […]+; Value '' at 'roleArn' … Member must have length greater than or equal
	// to 20" [obs: newscorpaus/consigliere#18, mmmorris1975/aws-runas#80 (AssumeRoleWithSAML),
	// justincormack/argmin crates/s3-tests/src/bin/sts_oracle.rs].
	if (spec.pattern && !spec.pattern.regex.test(text))
		out.push({
			member,
			value: text,
			constraint: `satisfy regular expression pattern: ${spec.pattern.text}`
		});
	if (spec.min !== undefined && length < spec.min)
		out.push({
			member,
			value: text,
			constraint: `have length greater than or equal to ${spec.min}`
		});
	if (spec.max !== undefined && length > spec.max)
		out.push({ member, value: text, constraint: `have length less than or equal to ${spec.max}` });
	return out;
}

function checkMember(name: string, spec: MemberSpec, value: unknown): ConstraintViolation[] {
	const member = wireMemberName(name);
	if (value === undefined || value === null) {
		return 'required' in spec && spec.required
			? [{ member, value: undefined, constraint: 'not be null' }]
			: [];
	}
	switch (spec.kind) {
		case 'string':
			// A list or structure where the model has a string (a YAML slip such as `Name: [a, b]`) is
			// not that string; on the Query wire only scalars are text. [inf] wording, as for integers.
			if (typeof value === 'object')
				return [{ member, value: JSON.stringify(value), constraint: 'be a string' }];
			return checkString(member, value, spec);
		case 'integer': {
			const n = integerParam(value);
			if (n === undefined) return []; // MalformedInput, reported by validateParams
			if (n < spec.min)
				return [
					{ member, value: n, constraint: `have value greater than or equal to ${spec.min}` }
				];
			if (n > spec.max)
				return [{ member, value: n, constraint: `have value less than or equal to ${spec.max}` }];
			return [];
		}
		case 'policy': {
			const text = policyText(value);
			return checkString(member, text, { min: 1, max: spec.max, pattern: POLICY_PATTERN });
		}
		case 'tags': {
			if (!Array.isArray(value))
				return [{ member, value: JSON.stringify(value), constraint: 'be a list of {Key, Value}' }];
			const out: ConstraintViolation[] = [];
			if (value.length > spec.max)
				out.push({
					member,
					value: `[${value.length} tags]`,
					constraint: `have length less than or equal to ${spec.max}`
				});
			value.forEach((tag: unknown, i) => {
				const t = (tag ?? {}) as { Key?: unknown; Value?: unknown };
				out.push(
					...checkMember('Key', { kind: 'string', required: true, ...TAG_KEY }, t.Key).map((v) => ({
						...v,
						member: `${member}.${i + 1}.member.key`
					}))
				);
				out.push(
					...checkMember('Value', { kind: 'string', required: true, ...TAG_VALUE }, t.Value).map(
						(v) => ({ ...v, member: `${member}.${i + 1}.member.value` })
					)
				);
			});
			return out;
		}
		case 'tagKeys': {
			if (!Array.isArray(value))
				return [{ member, value: JSON.stringify(value), constraint: 'be a list of tag keys' }];
			const out: ConstraintViolation[] = [];
			if (value.length > spec.max)
				out.push({
					member,
					value: `[${value.length} keys]`,
					constraint: `have length less than or equal to ${spec.max}`
				});
			value.forEach((k, i) => out.push(...checkString(`${member}.${i + 1}.member`, k, TAG_KEY)));
			return out;
		}
		case 'policyArns': {
			if (!Array.isArray(value))
				return [{ member, value: JSON.stringify(value), constraint: 'be a list of {arn}' }];
			const out: ConstraintViolation[] = [];
			if (value.length > spec.max)
				out.push({
					member,
					value: `[${value.length} policy ARNs]`,
					constraint: `have length less than or equal to ${spec.max}`
				});
			value.forEach((d: unknown, i) => {
				out.push(
					...checkMember('Arn', ARN_TYPE, descriptorArn(d)).map((v) => ({
						...v,
						member: `${member}.${i + 1}.member.arn`
					}))
				);
			});
			return out;
		}
		case 'policyArn': {
			// PolicyDescriptorType: {arn}, an arnType (20–2048, the same pattern as RoleArn).
			return checkMember('Arn', ARN_TYPE, descriptorArn(value)).map((v) => ({
				...v,
				member: `${member}.arn`
			}));
		}
		case 'stringList': {
			const list = typeof value === 'string' ? [value] : value;
			if (!Array.isArray(list))
				return [{ member, value: JSON.stringify(value), constraint: 'be a list of strings' }];
			if (list.length < spec.min || list.length > spec.max)
				return [
					{
						member,
						value: `[${list.length} items]`,
						constraint:
							list.length < spec.min
								? `have length greater than or equal to ${spec.min}`
								: `have length less than or equal to ${spec.max}`
					}
				];
			return list.flatMap((item, i) => checkString(`${member}.${i + 1}.member`, item, spec.item));
		}
		case 'list': {
			if (!Array.isArray(value))
				return [{ member, value: JSON.stringify(value), constraint: 'be a list' }];
			if (spec.min !== undefined && value.length < spec.min)
				return [
					{
						member,
						value: `[${value.length} items]`,
						constraint: `have length greater than or equal to ${spec.min}`
					}
				];
			if (spec.max !== undefined && value.length > spec.max)
				return [
					{
						member,
						value: `[${value.length} items]`,
						constraint: `have length less than or equal to ${spec.max}`
					}
				];
			return [];
		}
	}
}

/**
 * The model's constraint violations of a list of session tags and transitive tag keys (the shapes
 * of AssumeRole's Tags and TransitiveTagKeys: at most 50 each, tagKeyType / tagValueType), for
 * tags that arrive other than as request parameters (an identity provider's, idp-attributes.ts).
 */
export function sessionTagViolations(
	tags: readonly TagParam[],
	transitive: readonly string[]
): ConstraintViolation[] {
	return [
		...checkMember('Tags', { kind: 'tags', max: 50 }, tags),
		...checkMember('TransitiveTagKeys', { kind: 'tagKeys', max: 50 }, transitive)
	];
}

/** All model-constraint violations of a request, in one ValidationError as AWS reports them. */
export function validateParams(api: StsApi, params: Params): AwsError | undefined {
	// A value that is not a 32-bit integer fails before validation, with MalformedInput (400);
	// the empty value says "missing value for decimal type" [obs: justincormack/argmin
	// crates/s3-tests/src/bin/sts_oracle.rs]. The wording for other values is not recorded [inf].
	for (const [name, spec] of Object.entries(API_MEMBERS[api])) {
		const value = params[name];
		if (spec.kind === 'integer' && value != null && integerParam(value) === undefined)
			return awsError(
				'MalformedInput',
				String(value).trim() === ''
					? 'missing value for decimal type'
					: `Cannot parse '${typeof value === 'object' ? JSON.stringify(value) : String(value)}' as an integer for ${name}`
			);
	}
	const violations = Object.entries(API_MEMBERS[api]).flatMap(([name, spec]) =>
		checkMember(name, spec, params[name])
	);
	return violations.length ? validationError(violations) : undefined;
}

/** A PolicyDescriptorType written as {arn: …} (the API shape) or as a plain ARN string. */
export function descriptorArn(value: unknown): unknown {
	return typeof value === 'string' ? value : (value as { arn?: unknown } | null)?.arn;
}

/** PolicyArns may be written as [{arn: …}] (the API shape) or as plain ARN strings. */
export function policyArnsOf(params: Params): string[] {
	const value = params.PolicyArns;
	if (!Array.isArray(value)) return [];
	return value.map((d: unknown) => String(descriptorArn(d)));
}

export interface TagParam {
	Key: string;
	Value: string;
}

export function tagsOf(params: Params): TagParam[] {
	const value = params.Tags;
	return Array.isArray(value)
		? value.map((t: { Key: unknown; Value: unknown }) => ({
				Key: String(t.Key),
				Value: String(t.Value)
			}))
		: [];
}

export function transitiveKeysOf(params: Params): string[] {
	const value = params.TransitiveTagKeys;
	return Array.isArray(value) ? value.map(String) : [];
}
