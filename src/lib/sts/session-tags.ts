/**
 * Session tags (sts-facts §3.3, IAM-TAGS): validation rules recorded against real AWS, and
 * transitive tags that persist along a role chain (sts-facts §2.2).
 */
import { awsError, messages } from './aws-errors';
import { fail, type ApiResult } from './api-support';
import type { IssuedCredentials } from './issued-credentials';
import type { TrustAction } from './trust-evaluation';
import type { TagParam } from './validate-params';

export interface SessionTags {
	tags: Record<string, string>;
	transitiveTagKeys: string[];
}

/** Tags the new session inherits: the calling session's transitive ones (sts-facts §2.2, §3.3). */
export function inheritedTags(callerCreds: IssuedCredentials | undefined): SessionTags {
	if (!callerCreds) return { tags: {}, transitiveTagKeys: [] };
	const keys = callerCreds.transitiveTagKeys;
	const tags: Record<string, string> = {};
	for (const [k, v] of Object.entries(callerCreds.tags))
		if (keys.some((t) => t.toLowerCase() === k.toLowerCase())) tags[k] = v;
	return { tags, transitiveTagKeys: [...keys] };
}

export function checkSessionTags(
	tags: readonly TagParam[],
	transitive: readonly string[],
	inherited: SessionTags
): ApiResult | undefined {
	const lower = tags.map((t) => t.Key.toLowerCase());
	if (new Set(lower).size !== lower.length) {
		return fail(
			awsError('InvalidParameterValue', messages.duplicateTagKeys),
			'Two session tags have the same key once case is ignored; tag keys are case-insensitive (sts-facts §3.3).',
			['§3.3']
		);
	}
	const missing = transitive.find((k) => !lower.includes(k.toLowerCase()));
	if (missing !== undefined) {
		return fail(
			awsError('InvalidParameterValue', messages.transitiveKeyNotInTags),
			`TransitiveTagKeys lists ${missing}, but no session tag has that key (compared case-insensitively, sts-facts §3.3).`,
			['§3.3']
		);
	}
	const conflict = tags.find((t) =>
		inherited.transitiveTagKeys.some((k) => k.toLowerCase() === t.Key.toLowerCase())
	);
	if (conflict) {
		return fail(
			awsError('InvalidParameterValue', messages.transitiveKeyConflict),
			`The calling session carries ${conflict.Key} as a transitive tag, which persists along the role chain and cannot be overridden (sts-facts §3.3).`,
			['§3.3', '§2.2']
		);
	}
	return undefined;
}

export function mergeSessionTags(
	tags: readonly TagParam[],
	transitive: readonly string[],
	inherited: SessionTags
): SessionTags {
	const merged: Record<string, string> = { ...inherited.tags };
	for (const t of tags) merged[t.Key] = t.Value;
	return { tags: merged, transitiveTagKeys: [...inherited.transitiveTagKeys, ...transitive] };
}

/** Request-tag condition keys evaluated with sts:TagSession (IAM-TAGS, sts-facts §5). */
export function requestTagKeys(
	tags: readonly TagParam[],
	transitive: readonly string[]
): Record<string, string | string[]> {
	const keys: Record<string, string | string[]> = {};
	if (tags.length === 0) return keys;
	for (const t of tags) keys[`aws:RequestTag/${t.Key}`] = t.Value;
	keys['aws:TagKeys'] = tags.map((t) => t.Key);
	if (transitive.length) keys['sts:TransitiveTagKeys'] = [...transitive];
	return keys;
}

/**
 * What an identity provider passes besides the identity (a web identity token's claims, a SAML
 * assertion's attributes): a source identity and session tags. Checked as AssumeRole checks them
 * (sts-facts §3.3; source identity: 2-64 characters of [\w+=,.@-], not beginning with "aws:", else
 * InvalidIdentityToken as for SAML, sts-facts §4), offered to the trust policy as sts:SourceIdentity
 * and aws:RequestTag / aws:TagKeys, and each needs its own action in the trust policy: "the role trust
 * policies for all roles connected to an IdP must have the sts:SetSourceIdentity permission" (IAM
 * "Monitor and control actions taken with assumed roles") and "the trust policies for all roles
 * connected to the identity provider (IdP) passing tags must have the sts:TagSession permission"
 * (IAM "Pass session tags in AWS STS", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
 */
export function idpAttributes(
	passed: { sourceIdentity?: string; tags: readonly TagParam[]; transitive: readonly string[] },
	where: string
):
	| { ok: false; failure: ApiResult }
	| {
			ok: true;
			context: Record<string, string | string[]>;
			actions: TrustAction[];
			session: SessionTags & { sourceIdentity?: string };
	  } {
	const { sourceIdentity, tags, transitive } = passed;
	if (
		sourceIdentity !== undefined &&
		(!/^[\w+=,.@-]{2,64}$/.test(sourceIdentity) || /^aws:/i.test(sourceIdentity))
	)
		return {
			ok: false,
			failure: fail(
				awsError('InvalidIdentityToken', messages.sourceIdentityInvalid),
				`${where} sets the source identity "${sourceIdentity}", which is not valid: 2-64 letters, digits and _+=,.@- that do not begin with aws: (IAM "Monitor and control actions taken with assumed roles", sts-facts §4).`,
				['§4']
			)
		};
	const none = { tags: {}, transitiveTagKeys: [] };
	const problem = checkSessionTags(tags, transitive, none);
	if (problem) return { ok: false, failure: problem };
	return {
		ok: true,
		context: {
			...requestTagKeys(tags, transitive),
			...(sourceIdentity !== undefined ? { 'sts:SourceIdentity': sourceIdentity } : {})
		},
		actions: [
			...(sourceIdentity !== undefined ? ['sts:SetSourceIdentity' as const] : []),
			...(tags.length ? ['sts:TagSession' as const] : [])
		],
		session: {
			...mergeSessionTags(tags, transitive, none),
			...(sourceIdentity !== undefined ? { sourceIdentity } : {})
		}
	};
}
