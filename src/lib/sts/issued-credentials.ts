/**
 * Temporary credentials the simulator has issued, and their lifecycle as the UI shows it.
 */
import type { CredentialApi } from './api-model';
import type { Instant, Tick } from './clock';
import type { NamedPolicy } from './world';

/** Who a credential set acts as (sts-facts §9: what GetCallerIdentity returns for it). */
export type SessionIdentity =
	| {
			type: 'assumed-role';
			account: string;
			roleName: string;
			roleArn: string;
			sessionName: string;
			arn: string;
			userId: string;
	  }
	| {
			type: 'federated-user';
			account: string;
			name: string;
			arn: string;
			userId: string;
			userArn: string;
	  }
	| { type: 'user'; account: string; userName: string; arn: string; userId: string }
	| { type: 'root'; account: string; arn: string; userId: string };

export interface IssuedCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	issuedAt: Instant;
	/** Position of the issuing call inside its second (clock.ts `Tick`); absent when 0. */
	issuedTick?: Tick;
	expiresAt: Instant;
	api: CredentialApi;
	region: string;
	identity: SessionIdentity;
	/**
	 * Session policies (inline + managed). `null`: none passed, the session has the identity's permissions.
	 * An empty list still narrows, to nothing (sts-facts §7: a GetFederationToken session without a policy).
	 */
	sessionPolicies: NamedPolicy[] | null;
	/** sts-facts §2.4: only GetSessionToken with MFA carries MFA context into later requests. */
	mfaAuthenticatedAt?: Instant;
	/** sts-facts §3.3: session tags, and which of them are transitive. */
	tags: Record<string, string>;
	transitiveTagKeys: string[];
	sourceIdentity?: string;
	/** sts-facts §2.2: issued to a caller that itself held temporary credentials. */
	chained: boolean;
	/** The principal that requested them (ARN), the identity provider for federation, or the service principal. */
	requestedBy: string;
	/**
	 * Project extension: the AWS service principal that assumed the role on the learner's behalf
	 * (e.g. ec2.amazonaws.com for an instance profile, lambda.amazonaws.com for an execution role).
	 * sts-facts §2.1: such sessions are not limited by the role's MaxSessionDuration; §2.2, §12:
	 * EC2 instance-role credentials are not role chaining.
	 */
	assumedByService?: string;
	/** aws:FederatedProvider for web identity sessions (sts-facts §5; not SAML, IAM-CK). */
	federatedProvider?: string;
	/**
	 * The identity provider's keys (e.g. cognito-identity.amazonaws.com:sub, saml:sub), which stay
	 * in the session's request context so permission policies can use them as conditions and policy
	 * variables such as ${cognito-identity.amazonaws.com:sub} (sts-facts §5; IAM policy examples).
	 */
	federatedKeys?: Record<string, string | string[]>;
	savedAs?: string;
}

export type CredentialStatus = 'active' | 'expiringSoon' | 'expired' | 'revoked';

/** The UI warns in the last five minutes, as EC2 rotates instance credentials five minutes before expiry (sts-facts §12). */
export const EXPIRING_SOON_SECONDS = 300;

/**
 * Lifecycle status. Expiry wins over revocation: sts-facts §6, revoked credentials stay "valid"
 * until they expire but every request is denied; once expired, ExpiredToken is what callers see.
 */
export function credentialStatus(
	creds: Pick<IssuedCredentials, 'issuedAt' | 'expiresAt' | 'issuedTick'>,
	now: Instant,
	revokedBefore?: Instant
): CredentialStatus {
	if (now >= creds.expiresAt) return 'expired';
	if (revokedBefore !== undefined && issuedMoment(creds) < revokedBefore) return 'revoked';
	if (creds.expiresAt - now <= EXPIRING_SOON_SECONDS) return 'expiringSoon';
	return 'active';
}

/** When the credentials were issued, in (fractional) seconds: the second plus the call's tick. */
export function issuedMoment(creds: Pick<IssuedCredentials, 'issuedAt' | 'issuedTick'>): number {
	return creds.issuedAt + (creds.issuedTick ?? 0) / 1000;
}

/** The role or user whose revocation policy (AWSRevokeOlderSessions, sts-facts §6) governs the session. */
export function sessionOwnerArn(identity: SessionIdentity): string | undefined {
	switch (identity.type) {
		case 'assumed-role':
			return identity.roleArn;
		case 'user':
			return identity.arn;
		case 'federated-user':
			return identity.userArn;
		case 'root':
			return undefined;
	}
}

/** The ARN the credentials act as, for messages ("User: <arn> is not authorized…"). */
export function identityArn(identity: SessionIdentity): string {
	return identity.arn;
}
