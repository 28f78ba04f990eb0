/**
 * GetDelegatedAccessToken (sts-facts §13; MODEL 2025-11): exchanges a trade-in token, issued when
 * a temporary delegation request is approved, for credentials (for Amazon and AWS Partners). The
 * simulated world has no delegation requests, so there is no trade-in token to exchange: after
 * authentication and the model's checks the call is reported as outside the simulation.
 */
import { authenticated, fail, simulatorFailure, type ApiHandler } from './api-support';
import { validateParams } from './validate-params';

export const getDelegatedAccessToken: ApiHandler = (ctx, resolution) => {
	const auth = authenticated(resolution, 'GetDelegatedAccessToken');
	if ('failure' in auth) return auth.failure;
	const invalid = validateParams('GetDelegatedAccessToken', ctx.params);
	if (invalid) return fail(invalid, 'TradeInToken is required (MODEL).', ['§13']);
	return simulatorFailure(
		'the simulated world has no temporary delegation requests, so no trade-in token exists for GetDelegatedAccessToken to exchange (AWS Partners receive one when a delegation request is approved; an expired one fails with ExpiredTradeInTokenException)'
	);
};
