/**
 * MFA for AssumeRole and GetSessionToken: the `mfa:` step shorthand and code validation
 * (sts-facts §2.4, §3 SerialNumber/TokenCode, §4 MFA failure messages).
 */
import { arns } from './arn';
import { callerAccount, type Caller } from './caller';
import type { Instant } from './clock';
import type { Params } from './validate-params';
import { mfaCode, mfaCodeIsValid, wrongMfaCode } from './mfa-device';
import type { World } from './world';

/** The MFA device of the IAM identity behind the credentials; role and federated sessions have none. */
export function mfaDeviceOf(caller: Caller, world: World): string | undefined {
	switch (caller.kind) {
		case 'user':
			return caller.user.mfaSerial;
		case 'root':
			return caller.root.mfaSerial;
		case 'anonymous':
		case 'service':
			return undefined;
		case 'session': {
			const id = caller.creds.identity;
			if (id.type === 'user') return world.accounts[id.account]?.users[id.userName]?.mfaSerial;
			if (id.type === 'root') return world.accounts[id.account]?.root?.mfaSerial;
			return undefined;
		}
	}
}

/** `mfa: true` sends the device serial and its current code; `mfa: wrong` the serial and a wrong code. */
export function withMfaShorthand(
	params: Params,
	mfa: boolean | 'wrong' | undefined,
	caller: Caller,
	world: World,
	now: Instant
): Params {
	if (!mfa) return params;
	const device = mfaDeviceOf(caller, world);
	if (!device) {
		// No device to take a code from: send a serial that belongs to nobody, which AWS rejects.
		const account = callerAccount(caller) ?? '000000000000';
		return { ...params, SerialNumber: arns.mfa(account, 'no-such-device'), TokenCode: '000000' };
	}
	return {
		...params,
		SerialNumber: device,
		TokenCode: mfa === 'wrong' ? wrongMfaCode(device, now) : mfaCode(device, now)
	};
}

export type MfaCheck =
	{ kind: 'none' } | { kind: 'valid'; serial: string } | { kind: 'invalid'; reason: string };

/** How a used one-time code is remembered: the device serial and the code. */
export function mfaCodeKey(serial: string, code: string): string {
	return `${serial}#${code}`;
}

/** The SerialNumber and TokenCode a request sends (after the `mfa:` shorthand), if both are present. */
export function sentMfaCode(params: Params): string | undefined {
	return params.SerialNumber === undefined || params.TokenCode === undefined
		? undefined
		: mfaCodeKey(String(params.SerialNumber), String(params.TokenCode));
}

/**
 * Validates SerialNumber + TokenCode against the caller's device. A one-time code that already
 * served a successful request is refused: sts-facts §4 records AssumeRole "with an invalid or
 * reused TOTP" failing with "MultiFactorAuthentication failed with invalid MFA one time pass code."
 */
export function checkMfa(
	params: Params,
	caller: Caller,
	world: World,
	now: Instant,
	usedCodes: ReadonlySet<string> = new Set()
): MfaCheck {
	const serial = params.SerialNumber === undefined ? undefined : String(params.SerialNumber);
	const code = params.TokenCode === undefined ? undefined : String(params.TokenCode);
	if (serial === undefined && code === undefined) return { kind: 'none' };
	if (serial === undefined)
		return { kind: 'invalid', reason: 'TokenCode was sent without SerialNumber' };
	if (code === undefined)
		return { kind: 'invalid', reason: 'SerialNumber was sent without TokenCode' };
	const device = mfaDeviceOf(caller, world);
	if (!device)
		return {
			kind: 'invalid',
			reason: `the caller has no MFA device (role and federated sessions have none), so ${serial} is not associated with it`
		};
	if (device !== serial)
		return { kind: 'invalid', reason: `${serial} is not the caller's MFA device (${device})` };
	if (!mfaCodeIsValid(device, code, now))
		return { kind: 'invalid', reason: `${code} is not the device's current code` };
	if (usedCodes.has(mfaCodeKey(device, code)))
		return {
			kind: 'invalid',
			reason: `${code} was already used in an earlier request; a one-time code cannot be used twice, so wait for the device's next code`
		};
	return { kind: 'valid', serial };
}
