/**
 * Administrative changes to the world at a point in simulated time: "Revoke active sessions"
 * (sts-facts §6), attaching a policy, and editing policies from the UI. Existing sessions feel
 * every change on their next request, because permissions are evaluated per request (sts-facts §7).
 * The simulator reaches these through the registry in api-handlers.ts (all-apis.ts registers them
 * in Node; the browser loads this module when a scenario, a restored session or the learner needs it).
 */
import { REVOKE_POLICY_NAME, type PolicyEdit } from './admin-model';
import { formatInstant, type Instant, type Tick } from './clock';
import { explanation, type Explanation } from './explanation';
import {
	iamPolicyErrorMessage,
	parsePolicy,
	type PolicyDocument,
	type PolicyProblemKind
} from './policy-document';
import type { NamedPolicy, World } from './world';
import { findEntity, findRole, replaceEntity } from './world-lookup';

export { REVOKE_POLICY_NAME, revokedBeforeOf, type PolicyEdit } from './admin-model';

export type AdminResult =
	| { ok: true; world: World; explanation: Explanation }
	| { ok: false; error: string; explanation: Explanation };

/** §6: the console's inline policy, Deny * on * for tokens issued before the click. */
export function revocationPolicy(now: Instant, tick: Tick = 0): PolicyDocument {
	return {
		Version: '2012-10-17',
		Statement: [
			{
				Effect: 'Deny',
				Action: '*',
				Resource: '*',
				Condition: { DateLessThan: { 'aws:TokenIssueTime': formatInstant(now, tick) } }
			}
		]
	};
}

function putPolicy(world: World, arn: string, policy: NamedPolicy): World | undefined {
	const found = findEntity(world, arn);
	if (!found) return undefined;
	const policies = [...found.entity.policies.filter((p) => p.name !== policy.name), policy];
	return found.kind === 'role'
		? replaceEntity(world, { kind: 'role', entity: { ...found.entity, policies } })
		: replaceEntity(world, { kind: 'user', entity: { ...found.entity, policies } });
}

export function revokeSessions(
	world: World,
	arn: string,
	now: Instant,
	tick: Tick = 0
): AdminResult {
	const found = findEntity(world, arn);
	if (!found)
		return {
			ok: false,
			error: `no role or user ${arn}`,
			explanation: explanation(`There is no role or user ${arn} to revoke sessions for.`)
		};
	const again = found.entity.policies.some((p) => p.name === REVOKE_POLICY_NAME);
	const next = putPolicy(world, arn, {
		name: REVOKE_POLICY_NAME,
		origin: 'revocation',
		document: revocationPolicy(now, tick)
	});
	if (!next) throw new Error('unreachable');
	const subject = found.kind === 'role' ? `role ${found.entity.name}` : `user ${found.entity.name}`;
	return {
		ok: true,
		world: next,
		explanation: explanation(
			`${again ? 'Refreshed' : 'Attached'} the inline policy ${REVOKE_POLICY_NAME} to ${subject}: it denies every action to sessions whose token was issued before ${formatInstant(now, tick)}.`,
			{
				details: [
					'Credentials issued earlier stay valid until they expire, but every request they sign is now denied; sessions issued from now on are unaffected (sts-facts §6).',
					found.kind === 'user'
						? "Long-term access keys carry no aws:TokenIssueTime, so the user's own keys are not affected; only its GetSessionToken / GetFederationToken sessions are (sts-facts §6)."
						: 'In the console this needs iam:PutRolePolicy on the role, and the change propagates within minutes (sts-facts §6).',
					...(again ? ['Clicking again only moves the cut-off time forward (sts-facts §6).'] : [])
				],
				facts: ['§6']
			}
		)
	};
}

export function attachPolicy(
	world: World,
	to: string,
	document: PolicyDocument,
	name: string,
	/** The managed policy's ARN when one is attached by ARN. */
	policyArn?: string
): AdminResult {
	const next = putPolicy(world, to, {
		name,
		origin: 'attached',
		document,
		...(policyArn ? { arn: policyArn } : {})
	});
	if (!next)
		return {
			ok: false,
			error: `no role or user ${to}`,
			explanation: explanation(`There is no role or user ${to}.`)
		};
	return {
		ok: true,
		world: next,
		explanation: explanation(
			`Attached policy ${name} to ${to}. Existing sessions feel it on their next request: permissions are evaluated per request (sts-facts §7).`,
			{ facts: ['§7'] }
		)
	};
}

/**
 * A policy IAM refuses: its MalformedPolicyDocument message as IAM words it (iamPolicyErrorMessage),
 * and what exactly is wrong in the explanation.
 */
function refused(
	parsed: { problems: string[]; kind: PolicyProblemKind; iamMessage?: string },
	what: 'trust policy' | 'policy'
): AdminResult {
	return {
		ok: false,
		error: iamPolicyErrorMessage(parsed.kind, parsed.iamMessage),
		explanation: explanation(`IAM refuses the ${what}: ${parsed.problems.join('; ')}.`, {
			details: [
				'IAM checks a policy when it is saved, so a malformed one is never stored: the role or user keeps its previous policy.'
			]
		})
	};
}

export function editPolicy(world: World, edit: PolicyEdit): AdminResult {
	const bad = (error: string) => ({ ok: false as const, error, explanation: explanation(error) });
	if (edit.kind === 'trust') {
		const role = findRole(world, edit.roleArn);
		if (!role) return bad(`no role ${edit.roleArn}`);
		const parsed = parsePolicy(edit.document, 'trust');
		if (!parsed.ok) return refused(parsed, 'trust policy');
		return {
			ok: true,
			world: replaceEntity(world, { kind: 'role', entity: { ...role, trust: parsed.policy } }),
			explanation: explanation(
				`Updated the trust policy of ${role.name}. It is checked only when someone assumes the role; existing sessions keep working (sts-facts §7).`,
				{ facts: ['§7'] }
			)
		};
	}
	const found = findEntity(world, edit.arn);
	if (!found) return bad(`no role or user ${edit.arn}`);
	if (edit.kind === 'identity-remove') {
		const policies = found.entity.policies.filter((p) => p.name !== edit.name);
		const next =
			found.kind === 'role'
				? replaceEntity(world, { kind: 'role', entity: { ...found.entity, policies } })
				: replaceEntity(world, { kind: 'user', entity: { ...found.entity, policies } });
		return {
			ok: true,
			world: next,
			explanation: explanation(`Removed policy ${edit.name} from ${edit.arn}.`)
		};
	}
	const parsed = parsePolicy(edit.document, 'identity');
	if (!parsed.ok) return refused(parsed, 'policy');
	const next = putPolicy(world, edit.arn, {
		name: edit.name,
		origin: 'edited',
		document: parsed.policy
	});
	if (!next) throw new Error('unreachable');
	return {
		ok: true,
		world: next,
		explanation: explanation(
			`Saved policy ${edit.name} on ${edit.arn}; it applies to the next request, including from existing sessions (sts-facts §7).`,
			{ facts: ['§7'] }
		)
	};
}
