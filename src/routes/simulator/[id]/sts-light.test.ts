import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/content/scenario-loader';
import * as sts from '$lib/sts';
import { revokedBeforeOf as engineRevokedBefore } from '$lib/sts/admin-actions';
import * as light from './sts-light';

describe('sts-light', () => {
	it('repeats the engine constants exactly', () => {
		expect(light.DEFAULT_REGION).toBe(sts.DEFAULT_REGION);
		expect(light.REVOKE_POLICY_NAME).toBe(sts.REVOKE_POLICY_NAME);
		expect([...light.BUILT_IN_OIDC_PROVIDERS]).toEqual([...sts.BUILT_IN_OIDC_PROVIDERS]);
	});

	it('computes credential status as the engine does, revocation included', () => {
		const scenario = parseScenario(
			readFileSync('content/scenarios/revoke-leaked-session.yaml', 'utf8'),
			'revoke-leaked-session.yaml'
		);
		const final = sts.runScenario(scenario).final;
		expect(final.credentials.length).toBeGreaterThan(1);
		for (const c of final.credentials)
			expect(light.statusOf(final, c)).toBe(sts.statusOf(final, c));
		expect(final.credentials.map((c) => light.statusOf(final, c))).toContain('revoked');
		for (const account of Object.values(final.world.accounts))
			for (const role of Object.values(account.roles))
				expect(light.revokedBeforeOf(role.policies)).toBe(engineRevokedBefore(role.policies));
	});
});
