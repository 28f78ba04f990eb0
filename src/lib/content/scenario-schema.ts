/**
 * Schema of a simulator scenario file, exactly as docs/reference/simulator-scenarios.md defines it,
 * plus the project's optional fields (summary, lessons, questions; per step title and narration;
 * a few world extensions marked below). Unknown fields are errors.
 */
import { z } from 'zod';
import { stsApiOf } from '../sts/api-model';
import { SERVICE_PRINCIPAL } from '../sts/caller';
import { AWS_MANAGED_POLICY_ARNS } from '../sts/managed-policy-arns';

export { stsApiOf };
import {
	policyDocumentSchema,
	policyStatementSchema,
	policyUsageProblems,
	normalizePolicy
} from '../sts/policy-document';
import { checkCallStep, checkReferences } from './scenario-checks';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const iamName = /^[\w+=,.@-]{1,64}$/;
const accountId = z
	.string({ error: 'an account id is 12 digits in quotes, e.g. "111111111111"' })
	.regex(/^\d{12}$/, 'an account id is exactly 12 digits, e.g. "111111111111"');
const region = z.string().regex(
	// us-east-1, us-gov-west-1, us-isob-east-1, ap-southeast-7, eusc-de-east-1 (European Sovereign Cloud)
	/^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/,
	'not a Region name such as us-east-1 or eu-west-2'
);
const markdown = z.string().min(1);

/**
 * Seconds written as a quoted whole number ("3600") are the number: the contract writes seconds
 * as numbers, and `params` already takes either spelling (as the wire does).
 */
const numericText = (v: unknown) =>
	typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
const seconds = () => z.preprocess(numericText, z.number().int());

/** An optional mapping or list left empty in YAML (`roles:` with nothing under it) is null: read as empty. */
const emptyAs = (empty: () => unknown) => (v: unknown) => (v === null ? empty() : v);
const optionalList = <T extends z.ZodType>(item: T) =>
	z
		.preprocess(
			emptyAs(() => []),
			z.array(item)
		)
		.optional();
/** One policy where the contract shows a list of them is that list of one. */
const policyList = <T extends z.ZodType>(item: T) =>
	z
		.preprocess((v: unknown) => (v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item))
		.optional();

/**
 * ISO 8601 in any of its common spellings: extended or basic format, with or without seconds
 * and fraction, with Z or an offset; without a zone (or a bare date) the time is read as UTC,
 * the contract's zone. A YAML 1.1 timestamp (a Date) is taken as is. The result is the UTC
 * form 2026-01-01T09:00:00Z.
 */
export function normalizeStart(value: unknown): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : utcText(value);
	if (typeof value !== 'string') return value;
	const m =
		/^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
			value.trim()
		);
	if (!m) return value;
	const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = m;
	const offset = /^z$/i.test(zone)
		? 'Z'
		: zone.length === 3
			? `${zone}:00`
			: zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
	const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${frac}${offset}`);
	return Number.isNaN(date.getTime()) ? value : utcText(date);
}
const utcText = (d: Date) => d.toISOString().replace(/\.000Z$/, 'Z');
const iamPath = z
	.string()
	.regex(/^\/([\w+=,.@-]+\/)*$/, 'an IAM path starts and ends with "/", e.g. /division/');
const tags = z.record(z.string().min(1).max(128), z.string().max(256));

/**
 * A policy written as JSON text (as AWS's console and documentation print policies, e.g. pasted
 * into a `|` block) is read as the document it spells; text that is not JSON is reported as such.
 */
function fromJsonText(
	value: unknown,
	ctx: { addIssue(issue: { code: 'custom'; message: string }): void }
): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch (e) {
		ctx.addIssue({
			code: 'custom',
			message: `a policy is a mapping, or JSON text of one; this text is not JSON (${(e as Error).message})`
		});
		return z.NEVER;
	}
}

/** A policy, or a bare statement (the contract allows "policy documents, or a list of statements"). */
const identityPolicy = z.union([policyDocumentSchema, policyStatementSchema]);
/** sts-facts §7: identity policies carry no Principal and need a Resource. */
const checkedIdentityPolicy = z.preprocess(fromJsonText, identityPolicy).superRefine((p, ctx) => {
	const bare = !('Statement' in p);
	const doc = bare ? normalizePolicy({ Statement: p }) : normalizePolicy(p);
	// A bare statement has no Statement[0] for the author to find.
	for (const { text: message } of policyUsageProblems(doc, 'identity'))
		ctx.addIssue({
			code: 'custom',
			message: bare ? message.replace(/^Statement\[0\]: /, '') : message
		});
});
/**
 * An AWS managed policy named by its ARN where a policy is expected (a user's or role's `policies:`,
 * `attach.policy`), as AWS attaches managed policies by ARN (AttachUserPolicy / AttachRolePolicy
 * PolicyArn, https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html). The
 * simulator uses its stand-in for the policy (managed-policies.ts); an ARN it has none for is an error.
 */
const managedPolicyRef = z
	.strictObject({ ManagedPolicyArn: z.string() })
	.refine((r) => AWS_MANAGED_POLICY_ARNS.includes(r.ManagedPolicyArn), {
		error: (issue) =>
			`the simulator has no stand-in for the managed policy ${(issue.input as { ManagedPolicyArn: string }).ManagedPolicyArn}; write its document here instead, or name one of: ${AWS_MANAGED_POLICY_ARNS.join(', ')}`
	})
	.transform((r) => r.ManagedPolicyArn);
/** An identity policy, or an AWS managed policy's ARN (text starting with arn:). */
const identityPolicyOrArn = z.preprocess(
	(v) =>
		typeof v === 'string' && v.trimStart().startsWith('arn:') ? { ManagedPolicyArn: v.trim() } : v,
	z.union([managedPolicyRef, checkedIdentityPolicy])
);
// policyDocumentSchema is a zod/mini schema (see policy-document.ts): checks are added with .check().
/**
 * In a trust policy written as a YAML mapping, `Principal: { AWS: 111111111111 }` is a YAML
 * integer: it is read as the account ID it spells (JSON text keeps what it says).
 */
function principalAccountsAsText(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	const doc = value as Record<string, unknown>;
	const fix = (st: unknown) => {
		if (typeof st !== 'object' || st === null) return st;
		const out = { ...(st as Record<string, unknown>) };
		for (const key of ['Principal', 'NotPrincipal']) {
			const block = out[key];
			if (typeof block !== 'object' || block === null || !('AWS' in block)) continue;
			const aws = (block as Record<string, unknown>).AWS;
			out[key] = {
				...block,
				AWS: Array.isArray(aws) ? aws.map(accountIdNumberAsText) : accountIdNumberAsText(aws)
			};
		}
		return out;
	};
	const statements = doc.Statement;
	return {
		...doc,
		Statement: Array.isArray(statements) ? statements.map(fix) : fix(statements)
	};
}

const trustPolicy = z.preprocess(
	(v, ctx) => (typeof v === 'string' ? fromJsonText(v, ctx) : principalAccountsAsText(v)),
	policyDocumentSchema.check(
		z.superRefine((p, ctx) => {
			for (const { text: message } of policyUsageProblems(normalizePolicy(p), 'trust'))
				ctx.addIssue({ code: 'custom', message });
		})
	)
);

/**
 * A claim written as a bare number (a Facebook app ID as `aud: 1234567890`, a numeric `sub`) is its
 * decimal text: YAML reads it as a number. Past 2^53 YAML has already lost digits (a Google `sub`
 * has 21), so such a number is reported and must be quoted.
 */
const numberAsText = (v: unknown) =>
	typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
/** A boolean claim (`email_verified: true`) is its JSON text, as condition keys compare it. */
const claimText = z.preprocess(
	(v: unknown) => (typeof v === 'boolean' ? String(v) : numberAsText(v)),
	z.string({ error: 'a token claim is text (write a long number such as a Google sub in quotes)' })
);

const userSchema = z.strictObject({
	name: z
		.string()
		.regex(iamName, 'an IAM user name is 1-64 characters of letters, digits and +=,.@_-'),
	path: iamPath.optional(),
	mfa: z.boolean().optional(),
	policies: policyList(identityPolicyOrArn),
	/** Extension: IAM tags, visible as aws:PrincipalTag/<key>. */
	tags: tags.optional()
});

const roleSchema = z.strictObject({
	name: z
		.string()
		.regex(iamName, 'an IAM role name is 1-64 characters of letters, digits and +=,.@_-'),
	path: iamPath.optional(),
	// sts-facts §2.1: MaxSessionDuration 3600..43200, default 3600.
	maxSessionDuration: z.preprocess(numericText, z.number().int().min(3600).max(43200)).optional(),
	trust: trustPolicy,
	policies: policyList(identityPolicyOrArn),
	/** Extension: IAM tags on the role; session tags override them (sts-facts §3.3). */
	tags: tags.optional(),
	/** Extension: a short description shown in the UI. */
	description: z.string().optional()
});

/**
 * An identity provider may be named by its IAM ARN, as the console shows it
 * (arn:aws:iam::111122223333:saml-provider/CorpIdP, …:oidc-provider/accounts.google.com): the name
 * or issuer is what follows the slash; the account must be the one that declares it (accountSchema).
 */
const PROVIDER_ARN = /^arn:aws[\w-]*:iam::(\d{12}):(saml|oidc)-provider\/(.+)$/;
const providerName = (v: unknown) => (typeof v === 'string' ? (PROVIDER_ARN.exec(v)?.[3] ?? v) : v);

const samlProviderSchema = z.strictObject({
	saml: z.preprocess(
		providerName,
		z.string().regex(/^[\w.-]{1,128}$/, 'a SAML provider name is letters, digits, ".", "_" or "-"')
	)
});
const oidcProviderSchema = z.strictObject({
	oidc: z.preprocess(
		providerName,
		z
			.string()
			.regex(
				/^(https:\/\/)?[a-z0-9.-]+(\/[\w.~/-]*)?$/,
				'an OIDC provider is an issuer host (and path), e.g. token.actions.githubusercontent.com'
			)
	),
	/** Audiences (client IDs); a bare number (a Facebook app ID) is its text. */
	clientIds: optionalList(claimText.pipe(z.string().min(1)))
});

// sts-facts §10: us-east-1 cannot be deactivated; opt-in Regions cannot be toggled at all.
const OPT_IN_REGIONS = new Set([
	'af-south-1',
	'ap-east-1',
	'ap-south-2',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-southeast-5',
	'ap-southeast-7',
	'ca-west-1',
	'me-south-1',
	'me-central-1',
	'il-central-1',
	'eu-south-1',
	'eu-south-2',
	'eu-central-2',
	'mx-central-1'
]);
const disabledRegion = region.superRefine((r, ctx) => {
	if (r === 'us-east-1')
		ctx.addIssue({
			code: 'custom',
			message: 'STS in us-east-1 is always active and cannot be deactivated (sts-facts §10)'
		});
	else if (OPT_IN_REGIONS.has(r))
		ctx.addIssue({
			code: 'custom',
			message: `${r} is an opt-in Region: STS there cannot be deactivated manually (sts-facts §10)`
		});
});

/** A provider named by ARN must name the account that declares it. */
function providersOfThisAccount(
	value: unknown,
	ctx: { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[] }): void }
): unknown {
	if (typeof value !== 'object' || value === null) return value;
	const { id, identityProviders } = value as { id?: unknown; identityProviders?: unknown };
	if (!Array.isArray(identityProviders)) return value;
	identityProviders.forEach((p: unknown, i) => {
		if (typeof p !== 'object' || p === null) return;
		for (const [key, v] of Object.entries(p))
			if ((key === 'saml' || key === 'oidc') && typeof v === 'string') {
				const owner = PROVIDER_ARN.exec(v)?.[1];
				if (owner !== undefined && owner !== String(id))
					ctx.addIssue({
						code: 'custom',
						message: `${v} is a provider of account ${owner}, not of ${String(id)}: declare it in that account, or give its name`,
						path: ['identityProviders', i, key]
					});
			}
	});
	return value;
}

const accountFields = z.strictObject({
	/** Quoted in the contract; a bare 12-digit number is read as the same ID. */
	id: z.preprocess(accountIdNumberAsText, accountId),
	alias: z
		.string()
		.regex(
			/^[a-z0-9]([a-z0-9-]{1,61}[a-z0-9])?$/,
			'an account alias is lower-case letters, digits and hyphens'
		)
		.optional(),
	stsDisabledRegions: optionalList(disabledRegion),
	users: optionalList(userSchema),
	roles: optionalList(roleSchema),
	/** `root:` with nothing under it: the account's root user, without MFA. */
	root: z
		.preprocess(
			emptyAs(() => ({})),
			z.strictObject({ mfa: z.boolean().optional() })
		)
		.optional(),
	identityProviders: optionalList(z.union([samlProviderSchema, oidcProviderSchema])),
	/** Extension: customer managed policies, usable as session policies through PolicyArns. */
	managedPolicies: z
		.array(
			z.strictObject({
				name: z.string().regex(/^[\w+=,.@-]{1,128}$/),
				path: iamPath.optional(),
				policy: z.preprocess(fromJsonText, policyDocumentSchema)
			})
		)
		.optional()
});
const accountSchema = z.preprocess(providersOfThisAccount, accountFields);

const worldSchema = z.strictObject({
	// The contract's example is UTC (…Z); a UTC offset such as +00:00 names an instant just as well.
	start: z.preprocess(
		normalizeStart,
		z.iso.datetime({
			offset: true,
			error: 'start is an ISO 8601 UTC time such as 2026-01-01T09:00:00Z'
		})
	),
	accounts: z.array(accountSchema).min(1)
});

/** Extension: service:<principal> (an AWS service assuming a role on your behalf, sts-facts §2.1, §12). */
const callerPattern = new RegExp(
	`^(user:\\d{12}\\/[\\w+=,.@-]+|root:\\d{12}|creds:[\\w.-]+|anonymous|key:\\w+|service:${SERVICE_PRINCIPAL.source.slice(1, -1)})$`
);
const stepText = {
	title: z.string().min(1).max(120).optional(),
	/** Shown before the step is played: the situation, not the answer (the learner predicts it). */
	narration: markdown.optional(),
	/** Shown with the step's result, once played: what happened and why, with its sources. */
	debrief: markdown.optional()
};

/**
 * An account ID written without quotes (`account:`, a root caller's `userId:`, which is the account
 * ID, or a world account's `id:`) is a YAML integer: it is read as the same 12-digit ID (a leading
 * zero, lost by the integer, is restored).
 */
function accountIdNumberAsText(value: unknown): unknown {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value < 1e12
		? String(value).padStart(12, '0')
		: value;
}

/** What a call step must do (any of the contract's keys, each optional). */
/** `true` / `false` written in quotes (as numbers may be) is the boolean. */
const booleanText = z.preprocess(
	(v) => (v === 'true' ? true : v === 'false' ? false : v),
	z.boolean()
);

const expectFields = z
	.strictObject({
		ok: booleanText.optional(),
		// EC2 documents its code as Client.UnauthorizedOperation too (SERVICE_DENIAL_CODES, aws-errors.ts).
		error: z
			.string()
			.regex(/^([A-Za-z]+\.)?[A-Za-z]+$/, 'an AWS error code such as AccessDenied')
			.optional(),
		allowed: booleanText.optional(),
		expiresIn: seconds().optional(),
		accessKeyPrefix: z
			.string()
			.regex(/^[A-Z]{4}$/, 'a four-letter prefix such as ASIA or AKIA')
			.optional(),
		arn: z.string().startsWith('arn:').optional(),
		account: z.preprocess(accountIdNumberAsText, accountId).optional(),
		userId: z.preprocess(accountIdNumberAsText, z.string().min(1)).optional(),
		messageIncludes: z.string().min(1).optional()
	})
	.superRefine((e, ctx) => {
		if (e.ok === true && e.error !== undefined)
			ctx.addIssue({
				code: 'custom',
				message: 'expect cannot have both ok: true and error',
				path: ['error']
			});
		if (e.allowed === true && e.error !== undefined)
			ctx.addIssue({
				code: 'custom',
				message: 'expect cannot have both allowed: true and error',
				path: ['error']
			});
	});

/** What a question's `verify` claims a step does (question-schema.ts): at least one key. */
export const expectSchema = expectFields.refine((e) => Object.keys(e).length > 0, {
	message: 'expect needs at least one key'
});

/** A step's `expect: {}` checks nothing: the step plays like one without `expect`. */
const stepExpectSchema = expectFields.transform((e) => (Object.keys(e).length ? e : undefined));

const claimValue = z.union([claimText, z.array(claimText)], {
	error: 'a token claim is text or a list of text'
});
/**
 * A JWT time claim (exp, iat, nbf) written as AWS's tokens carry it: NumericDate, seconds since the
 * epoch (RFC 7519 §2; API-WI: "Timestamps in the token must be formatted as either an integer or a
 * long integer"). An ISO 8601 time (`2026-01-01T10:00:00Z`) is read as that instant.
 */
const epochSeconds = z.preprocess(
	(v: unknown) => {
		if (v instanceof Date) return v.getTime() / 1000;
		const n = numericText(v);
		if (typeof n !== 'string') return n;
		const iso = normalizeStart(n);
		return typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(iso)
			? Date.parse(iso) / 1000
			: n;
	},
	z.number({ error: 'a token time is seconds since the epoch, or an ISO 8601 time' }).int()
);

/**
 * What the simulated identity provider puts in the token. Beyond the contract's iss/aud/sub/
 * expiresIn, any other key with a text value is a further claim of the token (`claims:` lists
 * them explicitly). amr and azp among them become condition keys (<provider>:amr, sts-facts §5), and
 * so do the provider-specific claims of some issuers (GitHub's repository, …: PROVIDER_CLAIM_KEYS in
 * sts/identity-tokens.ts, trust policy only); AWS ignores the rest, except
 * https://aws.amazon.com/source_identity.
 */
const idTokenSchema = z.preprocess(
	(v, ctx) => {
		if (typeof v === 'object' && v !== null && 'exp' in v && 'expiresIn' in v)
			ctx.addIssue({
				code: 'custom',
				message: 'give exp (an instant) or expiresIn (seconds from now), not both'
			});
		return v;
	},
	z
		.object({
			iss: z.string().min(1),
			aud: z
				.union([
					claimText.pipe(z.string().min(1)),
					z.array(claimText.pipe(z.string().min(1))).min(1)
				])
				.optional(),
			sub: claimText.pipe(z.string().min(1)).optional(),
			/** Seconds from now to the token's exp; when left out, one hour (a default of the simulator: the contract leaves it to the file). */
			expiresIn: z.preprocess(numericText, z.number().int().default(3600)),
			/** The token's exp as an instant instead of expiresIn; iat (default: now) and nbf likewise. */
			exp: epochSeconds.optional(),
			iat: epochSeconds.optional(),
			nbf: epochSeconds.optional(),
			amr: claimValue.optional(),
			azp: claimText.optional(),
			/** Session tags, as AWS reads them from a token (IAM "Passing session tags using AssumeRoleWithWebIdentity"). */
			'https://aws.amazon.com/tags': z
				.strictObject({
					principal_tags: z.record(
						z.string().min(1).max(128),
						z.union([claimText, z.array(claimText)])
					),
					transitive_tag_keys: z.array(claimText).optional()
				})
				.optional(),
			claims: z.record(z.string(), claimValue).optional()
		})
		.catchall(claimValue)
);

const samlAssertionSchema = z.strictObject({
	provider: z.string().min(1),
	/** A bare number (an employee number as the session name) is its text, as in params and claims. */
	roleSessionName: z.preprocess(numberAsText, z.string()).optional(),
	audience: z.string().min(1).optional(),
	sessionNotOnOrAfterIn: seconds().optional(),
	/** Seconds from now to SubjectConfirmationData's NotOnOrAfter; when left out, 5 minutes (as in the contract's example). */
	notOnOrAfterIn: z.preprocess(numericText, z.number().int().default(300)),
	signedBy: z.enum(['provider', 'other']).optional(),
	/** Extensions: the NameID subject, the SessionDuration attribute (§2.3) and the Role attribute's role ARNs. */
	subject: z.preprocess(numberAsText, z.string()).optional(),
	sessionDuration: seconds().optional(),
	roles: z.array(z.string().startsWith('arn:')).optional(),
	/**
	 * Extensions: the SourceIdentity attribute, and session tags (PrincipalTag:{Key} attributes and the
	 * TransitiveTagKeys attribute), IAM "Pass session tags in AWS STS" (Passing session tags using AssumeRoleWithSAML).
	 */
	sourceIdentity: z.preprocess(numberAsText, z.string()).optional(),
	principalTags: z
		.record(z.string().min(1).max(128), z.preprocess(numberAsText, z.string().max(256)))
		.optional(),
	transitiveTagKeys: z.array(z.string()).optional()
});

const callStepSchema = z
	.strictObject({
		as: z
			.string()
			.regex(
				callerPattern,
				'a caller is user:ACCOUNT/NAME, root:ACCOUNT, creds:NAME, anonymous, key:ACCESSKEYID or service:PRINCIPAL (e.g. service:ec2.amazonaws.com)'
			),
		call: z.string().min(1),
		/**
		 * `aws-global` (the SDKs' name for the global endpoint, sts.amazonaws.com) is the
		 * contract's default, us-east-1, which that endpoint is (sts-facts §10).
		 */
		region: z.preprocess((v) => (v === 'aws-global' ? 'us-east-1' : v), region).optional(),
		params: z
			.preprocess(
				emptyAs(() => ({})),
				z.record(z.string(), z.unknown())
			)
			.optional(),
		mfa: z.union([z.boolean(), z.literal('wrong')]).optional(),
		save: z
			.string()
			.regex(/^[\w.-]+$/, 'a credentials name is letters, digits, ".", "_" or "-"')
			.optional(),
		expect: z
			.preprocess(
				emptyAs(() => ({})),
				stepExpectSchema
			)
			.optional(),
		idToken: idTokenSchema.optional(),
		samlAssertion: samlAssertionSchema.optional(),
		resource: z
			.string()
			.regex(/^(\*|arn:.+)$/, 'a resource is "*" or an ARN')
			.optional(),
		...stepText
	})
	.superRefine((s, ctx) => checkCallStep(s, ctx));

const advanceStepSchema = z.strictObject({
	advance: z.preprocess(numericText, z.number().int().min(0, 'time only moves forward')),
	...stepText
});
const revokeStepSchema = z.strictObject({
	revoke: z.string().startsWith('arn:aws:iam::', 'revoke takes a role or user ARN'),
	...stepText
});
const attachStepSchema = z.strictObject({
	attach: z.strictObject({
		to: z.string().startsWith('arn:aws:iam::', 'attach.to is a role or user ARN'),
		// One policy: a document, JSON text, a bare statement, or a list of statements (one document).
		policy: z.preprocess(
			(v) => (Array.isArray(v) ? { Version: '2012-10-17', Statement: v } : v),
			identityPolicyOrArn
		),
		/** Extension: the inline policy name (default attached-N). */
		name: z
			.string()
			.regex(/^[\w+=,.@-]{1,128}$/)
			.optional()
	}),
	...stepText
});

/** The four step kinds, keyed by the field that identifies each (see scenario-issues.ts). */
export const stepSchema = z.union([
	callStepSchema,
	advanceStepSchema,
	revokeStepSchema,
	attachStepSchema
]);

export const scenarioSchema = z
	.strictObject({
		id: z.string().regex(kebab, 'a scenario id is kebab-case, e.g. cross-account-external-id'),
		title: z.string().min(1),
		topic: z.string().min(1),
		summary: markdown.optional(),
		lessons: z
			.array(
				z
					.string()
					.regex(
						/^[a-z0-9]+(-[a-z0-9]+)*(#[\w-]+)?$/,
						'a lesson ref is lesson-id or lesson-id#anchor'
					)
			)
			.optional(),
		questions: z.array(z.string().regex(kebab, 'a question id is kebab-case')).optional(),
		world: worldSchema,
		steps: z.array(stepSchema).min(1)
	})
	.superRefine((s, ctx) => checkReferences(s, ctx));

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioWorld = Scenario['world'];
export type ScenarioAccount = ScenarioWorld['accounts'][number];
export type ScenarioUser = NonNullable<ScenarioAccount['users']>[number];
export type ScenarioRole = NonNullable<ScenarioAccount['roles']>[number];
export type ScenarioStep = z.output<typeof stepSchema>;
export type CallStep = z.output<typeof callStepSchema>;
export type AdvanceStep = z.output<typeof advanceStepSchema>;
export type RevokeStep = z.output<typeof revokeStepSchema>;
export type AttachStep = z.output<typeof attachStepSchema>;
export type StepExpectation = z.output<typeof expectSchema>;
/** The schema's output without its catch-all index type (which would clash with expiresIn's number). */
export interface IdTokenSpec {
	iss: string;
	aud?: string | string[];
	sub?: string;
	expiresIn: number;
	/** Epoch seconds: the token's exp (instead of now + expiresIn), iat (default now) and nbf. */
	exp?: number;
	iat?: number;
	nbf?: number;
	amr?: string | string[];
	azp?: string;
	claims?: Record<string, string | string[]>;
	/** Further claims (schema catch-all). */
	[claim: string]: unknown;
}
export type SamlAssertionSpec = z.output<typeof samlAssertionSchema>;
/** A policy document, a bare statement, or an AWS managed policy's ARN. */
export type IdentityPolicyInput = z.output<typeof identityPolicyOrArn>;

export function isCallStep(step: ScenarioStep): step is CallStep {
	return 'call' in step;
}
