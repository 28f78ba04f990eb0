/**
 * Role assumption authorisation: the role's trust policy, and for IAM callers also their own
 * identity (and session) policies, combined as sts-facts §7 describes. The combination itself is
 * the evaluation library's (StsServiceAuthorizer); this module adds the narrative.
 */
import { parseArn } from './arn';
import { analyseStatements, decisiveStatements } from './explain';
import type { StatementVerdict } from './explanation';
import type { ContextValues } from './policy-evaluation';
import { statementsOf, type PolicyStatement } from './policy-model';
import { decideWithSessionPolicies, type SessionDecision } from './session-policy';
import type { NamedPolicy, Role } from './world';

export type TrustAction =
	| 'sts:AssumeRole'
	| 'sts:AssumeRoleWithSAML'
	| 'sts:AssumeRoleWithWebIdentity'
	| 'sts:TagSession'
	| 'sts:SetSourceIdentity';

export interface TrustRequest {
	role: Role | undefined;
	roleArn: string;
	/** The calling principal as the trust policy sees it: an IAM ARN or a federated provider. */
	principal: string;
	/** For a role session: the role ARN, which trust policies name instead of the session ARN. */
	principalRoleArn?: string;
	action: TrustAction;
	context: ContextValues;
	/** The caller's identity policies; federated callers have none and pass ALLOW_ALL so only the trust policy decides (§11). */
	identityPolicies: readonly NamedPolicy[];
	sessionPolicies: readonly NamedPolicy[] | null;
	/** Federated callers: skip the identity side in explanations. */
	federated?: boolean;
	/** An AWS service principal (project extension): only the trust policy decides (sts-facts §7). */
	service?: boolean;
}

export interface TrustOutcome {
	allowed: boolean;
	decision?: SessionDecision;
	trust: StatementVerdict[];
	identity: StatementVerdict[];
	session: StatementVerdict[];
	/** Learner-facing sentences explaining the decision. */
	story: string[];
}

export function evaluateTrust(
	req: TrustRequest,
	options: { explain?: boolean } = {}
): TrustOutcome {
	const explain = options.explain ?? true;
	const role = req.role;
	if (!role) {
		return {
			allowed: false,
			trust: [],
			identity: [],
			session: [],
			story: [
				`There is no role ${req.roleArn}. AWS answers with the same AccessDenied it gives for a trust-policy mismatch, so a caller cannot tell whether a role exists (sts-facts §4).`
			]
		};
	}
	const account = role.account;
	const request = {
		principal: req.principal,
		action: req.action,
		resource: role.arn,
		resourceAccount: account,
		// IAM-CK aws:ResourceAccount: the account that owns the requested resource, here the role.
		context: { 'aws:ResourceAccount': account, ...req.context }
	};
	const trustPolicy: NamedPolicy = {
		name: `${role.name} trust policy`,
		origin: 'authored',
		document: role.trust
	};
	const decision = decideWithSessionPolicies(
		{ ...request, identityPolicies: req.identityPolicies, resourcePolicy: trustPolicy },
		req.sessionPolicies
	);
	const allowed = decision.decision === 'Allowed';
	if (!explain || decision.undecidable)
		return { allowed, decision, trust: [], identity: [], session: [], story: [] };

	const trust = analyseStatements('trust', [trustPolicy], request);
	const identity =
		req.federated || req.service
			? []
			: analyseStatements('identity', req.identityPolicies, request);
	const session = req.sessionPolicies
		? analyseStatements('session', req.sessionPolicies, request)
		: [];
	return {
		allowed,
		decision,
		trust,
		identity,
		session,
		story: story(req, role, trust, identity, session, decision)
	};
}

/** How the matching trust statements name the caller: directly, or by trusting its whole account. */
function principalMatchKind(
	verdicts: StatementVerdict[],
	role: Role,
	req: TrustRequest
): 'direct' | 'account' | undefined {
	const callerAccount = parseArn(req.principal)?.account;
	let kind: 'direct' | 'account' | undefined;
	for (const v of verdicts.filter((x) => x.matches && x.effect === 'Allow')) {
		const s: PolicyStatement = statementsOf(role.trust)[v.index];
		const values = s.Principal === '*' ? ['*'] : Object.values(s.Principal ?? {}).flat();
		for (const p of values) {
			if (p === req.principal || p === req.principalRoleArn || p === '*') return 'direct';
			if (callerAccount && (p === callerAccount || p === `arn:aws:iam::${callerAccount}:root`))
				kind = 'account';
		}
	}
	return kind;
}

function story(
	req: TrustRequest,
	role: Role,
	trust: StatementVerdict[],
	identity: StatementVerdict[],
	session: StatementVerdict[],
	decision: SessionDecision
): string[] {
	const lines: string[] = [];
	const action = req.action;
	const trustDeny = trust.filter((v) => v.matches && v.effect === 'Deny');
	const trustAllow = trust.filter((v) => v.matches && v.effect === 'Allow');
	if (trustDeny.length) {
		lines.push(
			`The trust policy of ${role.name} explicitly denies this: ${trustDeny.map((v) => v.text).join('; ')}. An explicit deny always wins (sts-facts §7).`
		);
	} else if (trustAllow.length === 0) {
		lines.push(
			`The trust policy of ${role.name} has no statement that allows ${action} for ${req.principal}:`
		);
		lines.push(...trust.map((v) => `• ${v.text}`));
	} else {
		lines.push(
			`The trust policy of ${role.name} allows it: ${trustAllow.map((v) => v.text).join('; ')}.`
		);
	}
	if (req.service && trustAllow.length && !trustDeny.length)
		lines.push(
			`${req.principal} is an AWS service acting on your behalf: it has no identity policies, so the trust policy alone decides (sts-facts §7).`
		);
	if (req.federated || req.service || trustDeny.length || trustAllow.length === 0) return lines;

	const sameAccount = parseArn(req.principal)?.account === role.account;
	const kind = principalMatchKind(trust, role, req);
	const identityDecisive = decisiveStatements(identity);
	const identityAllows = identityDecisive.some((v) => v.effect === 'Allow');
	const identityDenies = identityDecisive.some((v) => v.effect === 'Deny');
	if (identityDenies) {
		lines.push(
			`But the caller's own policies explicitly deny ${action}: ${identityDecisive.map((v) => v.text).join('; ')} (sts-facts §6, §7).`
		);
	} else if (sameAccount && kind === 'direct') {
		lines.push(
			`The trust policy names the caller directly and both are in account ${role.account}, so no identity policy is needed (sts-facts §7).`
		);
	} else if (identityAllows) {
		lines.push(
			`${sameAccount ? 'The trust policy trusts the whole account, which delegates the decision to the account: ' : "This is cross-account, so the caller's own account must allow it too: "}the caller's identity policy does (${identityDecisive.map((v) => v.text).join('; ')}) (sts-facts §7).`
		);
	} else {
		lines.push(
			sameAccount
				? `The trust policy trusts the account rather than naming the caller, so the caller also needs an identity policy allowing ${action} on ${role.arn}, and none does (sts-facts §7).`
				: `This is cross-account (caller in ${parseArn(req.principal)?.account}, role in ${role.account}): the trust policy AND the caller's identity policy must both allow ${action} on ${role.arn}. No identity policy of the caller allows it (sts-facts §7).`
		);
		for (const v of identity) lines.push(`• ${v.text}`);
	}
	if (
		decision.session !== undefined &&
		decision.session !== 'Allowed' &&
		decision.decision === 'Allowed'
	) {
		lines.push(
			`The caller's session policy does not allow ${action}, but the trust policy grants this session directly (it names the session's own ARN, ${req.principal}, or allows "*" on an aws:PrincipalArn condition), and permissions a same-account resource-based policy grants that way are not limited by its session policy (sts-facts §7; IAM policy evaluation logic).`
		);
	} else if (decision.session !== undefined && decision.session !== 'Allowed') {
		lines.push(
			`The caller's session policy does not allow ${action}; session policies narrow everything the session does (sts-facts §3.2, §7).`
		);
		for (const v of session) lines.push(`• ${v.text}`);
	}
	return lines;
}
