/**
 * Stand-ins for AWS managed policies that session policies can name through PolicyArns
 * (sts-facts §3: up to 10 managed policy ARNs; §3.2: they count towards the plaintext limit).
 */
import type { NamedPolicy } from './world';

/** Stand-ins for a few AWS managed policies, usable through PolicyArns (their real documents, abridged to these actions). */
export const AWS_MANAGED_POLICIES: Record<string, NamedPolicy> = {
	'arn:aws:iam::aws:policy/AdministratorAccess': {
		name: 'AdministratorAccess',
		origin: 'managed',
		document: {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
		}
	},
	'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess': {
		name: 'AmazonS3ReadOnlyAccess',
		origin: 'managed',
		document: {
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*'], Resource: '*' }
			]
		}
	},
	'arn:aws:iam::aws:policy/AmazonS3FullAccess': {
		name: 'AmazonS3FullAccess',
		origin: 'managed',
		document: {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]
		}
	}
};

/** Adds stand-ins (more-managed-policies.ts, loaded with the policy parser in the browser). */
export function registerManagedPolicies(more: Record<string, NamedPolicy>): void {
	Object.assign(AWS_MANAGED_POLICIES, more);
}
