/**
 * What the rest of the engine needs to know about administrative changes without the changes
 * themselves (admin-actions.ts, loaded on demand in the browser): the revocation policy's name,
 * when it cuts sessions off, and the shape of a policy edit.
 */
import type { Instant } from './clock';
import type { NamedPolicy } from './world';

export const REVOKE_POLICY_NAME = 'AWSRevokeOlderSessions';

/**
 * When AWSRevokeOlderSessions on the role or user cuts sessions off, if it is attached: seconds,
 * with the revocation's tick as a fraction (compare with issued-credentials.ts `issuedMoment`).
 */
export function revokedBeforeOf(policies: readonly NamedPolicy[]): Instant | undefined {
	const p = policies.find((x) => x.name === REVOKE_POLICY_NAME);
	const statement =
		p && (Array.isArray(p.document.Statement) ? p.document.Statement[0] : p.document.Statement);
	const value = statement?.Condition?.DateLessThan?.['aws:TokenIssueTime'];
	return typeof value === 'string' ? Date.parse(value) / 1000 : undefined;
}

export type PolicyEdit =
	| { kind: 'identity'; arn: string; name: string; document: unknown }
	| { kind: 'identity-remove'; arn: string; name: string }
	| { kind: 'trust'; roleArn: string; document: unknown };
