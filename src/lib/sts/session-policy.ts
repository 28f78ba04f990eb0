/**
 * Session policies: reading them from a request, the packed-size limit, and the rule that they
 * can only narrow a session (sts-facts §3.2, §7).
 */
import { parseArn } from './arn';
import { awsError, messages, type AwsError } from './aws-errors';
import {
	isPolicyParserLoaded,
	minifiedLength,
	policyParser,
	statementsOf,
	type PolicyStatement
} from './policy-model';
import {
	evaluate,
	statementMatches,
	withVariablesOf,
	type Decision,
	type EvaluationRequest
} from './policy-evaluation';
import { policyArnsOf, policyText, type Params, type TagParam } from './validate-params';
import { AWS_MANAGED_POLICIES } from './managed-policies';
import type { PolicyProblemKind } from './policy-document';
import type { NamedPolicy, World } from './world';

export type SessionPolicyResult =
	| { ok: true; policies: NamedPolicy[] | null; packedPolicySize?: number }
	| { ok: false; error: AwsError; why: string }
	| { ok: false; error?: undefined; simulatorError: string };

/**
 * The packed size (sts-facts §3.2). AWS does not publish its packing, so this is a teaching
 * model [inf]: policy text compresses to about 45 %, tag text does not compress, and the
 * allotted space is 1,024 packed bytes. It reproduces the observed shape: a 2,048-character
 * policy alone fits (≈ 90 %), long policies plus many tags do not.
 */
export function packedSizePercent(
	policyChars: number,
	tags: readonly TagParam[]
): { total: number; tagsOnly: number } {
	const tagChars = tags.reduce((n, t) => n + t.Key.length + t.Value.length, 0);
	const tagsOnly = Math.ceil((100 * tagChars * 0.9) / 1024);
	return { total: Math.ceil((100 * (policyChars * 0.45 + tagChars * 0.9)) / 1024), tagsOnly };
}

/** sts-facts §3, §3.2: inline and managed session policies together, in plaintext characters. */
export const SESSION_POLICY_PLAINTEXT_MAX = 2048;

/**
 * STS's MalformedPolicyDocument wording by problem (sts-facts §4): text that is not JSON (Hadoop
 * assumed_roles.md, hashicorp/vault#1113), a Principal in a session policy (localstack#10746, the
 * same text as IAM's), and any other grammar problem (Hadoop ITestAssumeRole).
 */
const MALFORMED_MESSAGES: Record<PolicyProblemKind, string> = {
	json: 'The policy is not in the valid JSON format.',
	principal: 'Policy document should not specify a principal.',
	grammar: 'Syntax errors in policy.'
};

/**
 * Reads Policy and PolicyArns. Managed policies must be in the role's account or AWS managed
 * (sts-facts §3: "must be in the same account as the role").
 */
export function readSessionPolicies(
	params: Params,
	world: World,
	ownerAccount: string,
	tags: readonly TagParam[] = []
): SessionPolicyResult {
	const policies: NamedPolicy[] = [];
	let plaintext = 0;
	if (params.Policy !== undefined) {
		const parsed = policyParser()(params.Policy, 'session');
		if (!parsed.ok) {
			// §3.2 / §4: MalformedPolicyDocument for an invalid session policy.
			return {
				ok: false,
				error: awsError('MalformedPolicyDocument', MALFORMED_MESSAGES[parsed.kind]),
				why: `The session policy is not a valid IAM policy: ${parsed.problems.join('; ')}.${parsed.kind === 'json' ? ' (STS has long answered "The policy is not in the valid JSON format."; since late 2025 it has been seen to return the JSON parser\'s own message instead, e.g. "Unexpected character (\'i\' (code 105)): expected a valid value …", ansible-collections/amazon.aws#2778.)' : ''}`
			};
		}
		policies.push({ name: 'session-policy', origin: 'session', document: parsed.policy });
		plaintext += minifiedLength(policyText(params.Policy));
	}
	for (const arn of policyArnsOf(params)) {
		const managed =
			AWS_MANAGED_POLICIES[arn] ??
			world.accounts[ownerAccount]?.managedPolicies[arn] ??
			opaqueAwsManaged(arn);
		if (!managed) {
			return {
				ok: false,
				simulatorError: `unknown managed policy ${arn}: PolicyArns must name a managed policy in account ${ownerAccount} (sts-facts §3) or one of ${Object.keys(AWS_MANAGED_POLICIES).join(', ')}`
			};
		}
		policies.push({ ...managed, origin: 'session' });
		plaintext += arn.length;
	}
	if (policies.length === 0 && tags.length === 0) return { ok: true, policies: null };
	if (plaintext > SESSION_POLICY_PLAINTEXT_MAX) {
		return {
			ok: false,
			error: awsError('ValidationError', messages.sessionPolicyPlaintextTooLong(plaintext)),
			why: `The inline session policy (without insignificant whitespace) and the managed policy ARNs together come to ${plaintext} characters; AWS allows 2,048 for both (sts-facts §3, §3.2). AWS does not document the error it returns; the simulator answers ValidationError.`
		};
	}
	const packed = packedSizePercent(plaintext, tags);
	if (packed.total > 100) {
		const tagsToBlame = packed.tagsOnly > 100;
		return {
			ok: false,
			error: awsError(
				'PackedPolicyTooLarge',
				tagsToBlame
					? messages.packedTagsTooLarge(packed.tagsOnly)
					: messages.packedPolicyTooLarge(packed.total)
			),
			why: `Session policies and session tags are packed into a binary format with its own limit; this request uses ${packed.total} % of it (sts-facts §3.2).`
		};
	}
	return { ok: true, policies: policies.length ? policies : null, packedPolicySize: packed.total };
}

/**
 * An AWS managed policy without a stand-in (arn:aws:iam::aws:policy/…): AWS accepts any of its managed
 * policies in PolicyArns, so the call succeeds as in AWS, but what the policy allows is unknown. A
 * later decision it could change is reported as outside the simulation (decideWithSessionPolicies).
 */
function opaqueAwsManaged(arn: string): NamedPolicy | undefined {
	// Until the further stand-ins are loaded (with the policy parser, api-loaders.ts) none is unknown.
	if (!isPolicyParserLoaded()) return undefined;
	const name = /^arn:aws:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(arn)?.[1];
	return name
		? {
				name,
				arn,
				origin: 'session',
				opaque: true,
				document: { Version: '2012-10-17', Statement: [] }
			}
		: undefined;
}

/** Why the simulator cannot answer a request that an opaque session policy decides. */
export function undecidableMessage(arns: readonly string[]): string {
	return `the answer depends on the session policy ${arns.join(', ')}, an AWS managed policy the simulator has no document for (its stand-ins: AWS_MANAGED_POLICY_ARNS in managed-policy-arns.ts); pass its statements in Policy instead`;
}

export interface SessionDecision {
	decision: Decision;
	identity: Decision;
	/** undefined when the session has no session policy. */
	session?: Decision;
	/**
	 * ARNs of session policies the simulator has no document for, when the decision depends on them
	 * (only an explicit deny elsewhere, or an identity side that does not allow, decides without them).
	 */
	undecidable?: string[];
}

/**
 * sts-facts §7: allowed only if the identity side allows AND (when present) the session policy
 * allows; an explicit deny in either wins. A session policy can therefore only narrow.
 */
export function decideWithSessionPolicies(
	request: EvaluationRequest,
	sessionPolicies: readonly NamedPolicy[] | null
): SessionDecision {
	const identity = evaluate(request);
	if (sessionPolicies === null) return { decision: identity, identity };
	const session = evaluate({
		...request,
		resourcePolicy: undefined,
		// Only "does the session policy grant this action on this resource?" matters here, so it is
		// evaluated as a same-account identity policy; the cross-account rules apply on the identity side.
		resourceAccount:
			(request.principal && parseArn(request.principal)?.account) || request.resourceAccount,
		identityPolicies: sessionPolicies
	});
	const direct = grantsSessionDirectly(request);
	const decision: Decision =
		identity === 'ExplicitlyDenied' || session === 'ExplicitlyDenied'
			? 'ExplicitlyDenied'
			: identity === 'Allowed' && (session === 'Allowed' || direct)
				? 'Allowed'
				: 'ImplicitlyDenied';
	// An opaque policy may allow (or explicitly deny) what the known ones do not: unless the request
	// is denied whatever it says, the answer is unknown.
	const opaque = sessionPolicies.filter((p) => p.opaque).map((p) => p.arn ?? p.name);
	const certain =
		decision === 'ExplicitlyDenied' || (identity !== 'Allowed' && !direct) || opaque.length === 0;
	return certain
		? { decision, identity, session }
		: { decision, identity, session, undecidable: opaque };
}

/** A session's own ARN: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION or …:federated-user/NAME. */
const SESSION_ARN = /^arn:[\w-]+:sts::\d{12}:(assumed-role|federated-user)\//;

/**
 * sts-facts §7 (IAM-EVAL; IAM User Guide "Session policies": "A resource-based policy can specify the
 * ARN of the session as a principal. In that case, the permissions from the resource-based policy
 * are added after the session is created. The resource-based policy permissions are not limited by
 * the session policy."): a same-account resource-based policy (for AssumeRole, the target role's
 * trust policy) whose Allow names the calling session's ARN itself grants the request whatever the
 * session policy leaves out, and so does an Allow with Principal "*" conditioned on aws:PrincipalArn
 * (see conditionsOnPrincipalArn). One that names the role ARN, the account or a bare "*" stays limited
 * by it, and an explicit deny anywhere still wins (checked by the caller). Cross-account, the caller's own
 * account must allow the request too, and that evaluation includes the session policy.
 */
export function grantsSessionDirectly(request: EvaluationRequest): boolean {
	const { resourcePolicy, principal } = request;
	if (!resourcePolicy || !principal || !SESSION_ARN.test(principal)) return false;
	if (parseArn(principal)?.account !== request.resourceAccount) return false;
	return statementsOf(resourcePolicy.document).some((s) => {
		if (s.Effect !== 'Allow' || !s.Principal) return false;
		const named = s.Principal === '*' ? '*' : s.Principal.AWS;
		const names = Array.isArray(named) ? named : named === undefined ? [] : [named];
		return (
			(names.includes(principal) || (names.includes('*') && conditionsOnPrincipalArn(s))) &&
			statementMatches('resource', withVariablesOf(s, resourcePolicy.document.Version), request)
		);
	});
}

/**
 * IAM User Guide, policy evaluation logic (single account, "IAM role") and the Principal element page
 * (IAM role principals): "Permissions boundaries and session policies do not limit permissions granted
 * using the aws:PrincipalArn condition key with a wildcard(*) in the Principal element, unless the
 * identity-based policies contain an explicit deny." So an Allow with Principal "*" whose Condition
 * tests aws:PrincipalArn (and holds for the request) counts as a direct grant here; "*" without that
 * key, a role ARN, or an account stays limited by the session policy.
 */
function conditionsOnPrincipalArn(statement: PolicyStatement): boolean {
	return Object.values(statement.Condition ?? {}).some((keys) =>
		Object.keys(keys ?? {}).some((key) => key.toLowerCase() === 'aws:principalarn')
	);
}
