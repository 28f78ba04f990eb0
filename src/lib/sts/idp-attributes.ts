/**
 * Source identity and session tags passed by an identity provider (web identity token claims, SAML
 * attributes). Apart from session-tags.ts so that only the lazily loaded federation handlers carry it.
 */
import { awsError, messages } from './aws-errors';
import { fail, type ApiResult } from './api-support';
import {
	checkSessionTags,
	mergeSessionTags,
	requestTagKeys,
	reservedTag,
	type SessionTags
} from './session-tags';
import { ALLOW_ALL } from './policy-evaluation';
import {
	evaluateTrust,
	type TrustAction,
	type TrustOutcome,
	type TrustRequest
} from './trust-evaluation';
import { sessionTagViolations, type TagParam } from './validate-params';

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
	const tagRuleBroken = idpTagProblem(tags, transitive);
	if (tagRuleBroken)
		return {
			ok: false,
			failure: fail(
				awsError('InvalidIdentityToken', messages.idpSessionTagsInvalid),
				`The identity provider passes ${tagRuleBroken}. Session tags from an identity provider follow the same rules as AssumeRole's Tags ("You can pass up to 50 session tags"; keys up to 128 and values up to 256 characters; no aws: prefix) (STS API reference, AssumeRoleWithSAML / AssumeRoleWithWebIdentity; IAM "Pass session tags in AWS STS" and "Tagging rules"; sts-facts §3.3). The simulator answers InvalidIdentityToken, as for the assertion's other invalid attributes; AWS's wording for this case is not recorded.`,
				['§3.3', '§4']
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

/**
 * What breaks the session tag rules among tags an identity provider passes, or undefined. The API
 * references of AssumeRoleWithSAML and AssumeRoleWithWebIdentity: "You can pass up to 50 session
 * tags. The plaintext session tag keys can't exceed 128 characters and the values can't exceed 256
 * characters"; IAM-TAGS: operations "can fail if … You pass more than 50 session tags"; the
 * characters and the reserved aws: prefix as for every tag (MODEL tagKeyType / tagValueType).
 */
function idpTagProblem(
	tags: readonly TagParam[],
	transitive: readonly string[]
): string | undefined {
	const [broken] = sessionTagViolations(tags, transitive);
	if (broken)
		return `the value '${String(broken.value)}' at '${broken.member}', which must ${broken.constraint}`;
	const reserved = reservedTag(tags);
	if (reserved)
		return `the session tag ${reserved.Key}=${reserved.Value}, which begins with the reserved prefix aws:`;
	return undefined;
}

/**
 * The trust policy's decision for a federated caller (no identity policies: only the trust policy
 * decides, sts-facts §11): the API's own action, then each action the passed attributes need
 * ({@link idpAttributes}), all from the same trust policy. The first refusal, else the API's.
 */
export function federatedTrust(
	request: Pick<TrustRequest, 'role' | 'roleArn' | 'principal' | 'context'>,
	action: TrustAction,
	attributeActions: readonly TrustAction[],
	explain: boolean | undefined
): TrustOutcome {
	const trustFor = (a: TrustAction) =>
		evaluateTrust(
			{
				...request,
				action: a,
				identityPolicies: [ALLOW_ALL],
				sessionPolicies: null,
				federated: true
			},
			{ explain }
		);
	const assumed = trustFor(action);
	if (!assumed.allowed) return assumed;
	return attributeActions.map(trustFor).find((t) => !t.allowed) ?? assumed;
}
