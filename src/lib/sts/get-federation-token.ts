/**
 * GetFederationToken (sts-facts §2, §2.4, §3.1, §4, §7, §9). Long-term IAM user (or root)
 * credentials only, and unlike GetSessionToken it needs sts:GetFederationToken allowed. The
 * session's permissions are the user's ∩ the session policy; without one it has none.
 */
import { arns } from './arn';
import {
	authenticated,
	credentialsShape,
	fail,
	mintCredentials,
	regionCheck,
	simulatorFailure,
	type ApiHandler
} from './api-support';
import { awsError, messages } from './aws-errors';
import { callerArn, describeCaller, describeCallerAtStart } from './caller';
import { formatDuration } from './clock';
import { analyseStatements } from './explain';
import { explanation } from './explanation';
import { evaluate } from './policy-evaluation';
import { principalKeys, requestKeys } from './request-context';
import { GST_DEFAULT_SECONDS, ROOT_SESSION_MAX_SECONDS } from './get-session-token';
import { readSessionPolicies } from './session-policy';
import { checkSessionTags, requestTagKeys } from './session-tags';
import { integerParam, tagsOf, validateParams } from './validate-params';

export const getFederationToken: ApiHandler = (ctx, resolution) => {
	const auth = authenticated(resolution, 'GetFederationToken');
	if ('failure' in auth) return auth.failure;
	const caller = auth.caller;
	const { world, now } = ctx;
	if (caller.kind === 'session') {
		return fail(
			awsError('AccessDenied', messages.sessionCredentialsNotAllowed('GetFederationToken')),
			`GetFederationToken must be called with an IAM user's long-term access key, typically by an identity broker; the caller used ${describeCaller(caller)} (sts-facts §2, §2.4).`,
			['§2', '§2.4', '§4']
		);
	}
	const params = ctx.params;
	const invalid = validateParams('GetFederationToken', params);
	if (invalid)
		return fail(invalid, 'A parameter breaks the STS model constraints (sts-facts §3.1).', [
			'§3.1'
		]);
	const name = String(params.Name);
	const tags = tagsOf(params);
	const tagProblem = checkSessionTags(tags, [], { tags: {}, transitiveTagKeys: [] });
	if (tagProblem) return tagProblem;
	const account = caller.kind === 'user' ? caller.user.account : caller.root.account;
	const sessionPolicies = readSessionPolicies(params, world, account, tags);
	if (!sessionPolicies.ok)
		return sessionPolicies.error
			? fail(sessionPolicies.error, sessionPolicies.why, ['§3.2'])
			: simulatorFailure(sessionPolicies.simulatorError);
	const region = regionCheck(world, account, ctx.region);
	if (region) return region;

	// §2.4: the caller needs sts:GetFederationToken (on the federated-user ARN, SAR-STS); the root user is not governed by policies.
	const federatedArn = arns.federatedUser(account, name);
	const principal = callerArn(caller);
	if (caller.kind === 'user') {
		const context = {
			...requestKeys(ctx.region, now),
			'aws:ResourceAccount': account,
			...principalKeys(caller, world, now),
			...requestTagKeys(tags, [])
		};
		const request = { principal, resource: federatedArn, resourceAccount: account, context };
		for (const action of ['sts:GetFederationToken', ...(tags.length ? ['sts:TagSession'] : [])]) {
			const decision = evaluate({ ...request, action, identityPolicies: caller.user.policies });
			if (decision !== 'Allowed') {
				const statements = ctx.explain
					? analyseStatements('identity', caller.user.policies, { ...request, action })
					: [];
				return fail(
					awsError('AccessDenied', messages.notAuthorized(principal, action, federatedArn)),
					decision === 'ExplicitlyDenied'
						? `An identity policy of ${caller.user.name} explicitly denies ${action} (sts-facts §7).`
						: `Unlike GetSessionToken, GetFederationToken needs permission: no identity policy of ${caller.user.name} allows ${action} (sts-facts §2.4).`,
					['§2.4', '§7'],
					statements.map((s) => s.text),
					statements
				);
			}
		}
	}

	const requested = integerParam(params.DurationSeconds);
	const isRoot = caller.kind === 'root';
	// §2 table: users default 43200 (max 129600); root max and default 3600, longer requests reduced silently.
	const duration = isRoot
		? Math.min(requested ?? ROOT_SESSION_MAX_SECONDS, ROOT_SESSION_MAX_SECONDS)
		: (requested ?? GST_DEFAULT_SECONDS);
	const creds = mintCredentials(ctx, {
		duration,
		api: 'GetFederationToken',
		// §3.1: FederatedUserId = ACCOUNT:NAME, Arn = arn:aws:sts::ACCOUNT:federated-user/NAME.
		identity: {
			type: 'federated-user',
			account,
			name,
			arn: federatedArn,
			userId: `${account}:${name}`,
			userArn: principal
		},
		// §7: no session policy → no permissions, modelled as an empty session policy list.
		sessionPolicies: sessionPolicies.policies ?? [],
		tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
		transitiveTagKeys: [],
		chained: false,
		requestedBy: principal
	});
	return {
		ok: true,
		credentials: creds,
		response: {
			Credentials: credentialsShape(creds),
			FederatedUser: { FederatedUserId: `${account}:${name}`, Arn: federatedArn },
			// LS-SNAP (§3.1): real AWS returns PackedPolicySize 0 when no policy is passed.
			PackedPolicySize: sessionPolicies.packedPolicySize ?? 0
		},
		explanation: explanation(
			`${describeCallerAtStart(caller)} federated ${name} for ${formatDuration(duration)}${requested === undefined ? ' (the default)' : ''}. The session acts as ${federatedArn}.`,
			{
				details: [
					sessionPolicies.policies
						? `Its permissions are the intersection of ${isRoot ? "the root user's" : `${caller.kind === 'user' ? caller.user.name : ''}'s`} identity policies and the session policy (sts-facts §2.4, §7).`
						: 'No session policy was passed, so the session has no permissions at all (sts-facts §7).',
					'It cannot call IAM, and no STS operation except GetCallerIdentity (sts-facts §2.4).'
				],
				facts: ['§2', '§2.4', '§7']
			}
		)
	};
};
