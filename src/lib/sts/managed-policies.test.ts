import { describe, expect, it } from 'vitest';
import { AWS_MANAGED_POLICIES } from './managed-policies';
import { AWS_MANAGED_POLICY_ARNS } from './managed-policy-arns';
import { MORE_MANAGED_POLICIES } from './more-managed-policies';

describe('AWS managed policy stand-ins', () => {
	it('the list of their ARNs (known without loading the documents) names exactly the stand-ins', () => {
		const standIns = new Set([
			...Object.keys(AWS_MANAGED_POLICIES),
			...Object.keys(MORE_MANAGED_POLICIES)
		]);
		expect([...AWS_MANAGED_POLICY_ARNS].sort()).toEqual([...standIns].sort());
	});
});
