/**
 * Pure helpers that turn simulator state into what the page's first view shows: timeline rows,
 * step labels, headlines, announcements for the live region. Those of the panels loaded on first
 * use (call form, result) are in panel-view.ts.
 */
import type {
	AdminOutcome,
	CallRequest,
	CredentialStatus,
	IssuedCredentials,
	Outcome,
	SimState,
	StepReport,
	TimelineEntry
} from '$lib/sts';
import {
	formatDuration,
	formatInstant,
	mfaCode,
	statusOf,
	wrongMfaCode,
	type Instant
} from './sts-light';
import type { ScenarioStep } from '$lib/content/scenario-schema';

/** The caller choice "an access key ID you type" (here, not in call-form.ts, which loads with the form). */
export const CUSTOM_KEY = 'key:';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "08:00:00": the time of day of a simulated instant (UTC). Given the simulated start, a time on
 * another (UTC) day also shows its date, "Jan 2 21:00:00", so sessions longer than a day read right.
 */
export function timeOfDay(t: Instant, start?: Instant): string {
	const iso = formatInstant(t);
	const time = iso.slice(11, 19);
	if (start === undefined || formatInstant(start).slice(0, 10) === iso.slice(0, 10)) return time;
	return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))} ${time}`;
}

/** "2026-03-02 08:00:00 UTC". */
export function clockText(t: Instant): string {
	const iso = formatInstant(t);
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export const STATUS_LABEL: Record<CredentialStatus, string> = {
	active: 'Active',
	expiringSoon: 'Expiring soon',
	expired: 'Expired',
	revoked: 'Revoked'
};

/** The credentials a caller string stands for, if it names issued ones. */
export function credentialsOf(sim: SimState, as: string): IssuedCredentials | undefined {
	const key = as.startsWith('creds:')
		? sim.saved[as.slice(6)]
		: as.startsWith('key:')
			? as.slice(4)
			: undefined;
	return key ? sim.credentials.find((c) => c.accessKeyId === key) : undefined;
}

/**
 * What a caller string such as "creds:audit" or "user:999988887777/cost-scanner" stands for, in
 * words, for a learner who has not met the simulator's notation: "creds:audit" is not an AWS
 * name but the temporary credentials an earlier call saved as "audit".
 */
export function callerNote(sim: SimState, as: string): string {
	if (as === 'anonymous') return 'nobody: the request is not signed';
	if (as.startsWith('service:')) return `the AWS service ${as.slice(8)}, on your behalf`;
	if (as.startsWith('root:')) return `the root user of account ${as.slice(5)}`;
	if (as.startsWith('user:')) {
		const [account, name] = as.slice(5).split('/');
		return `IAM user ${name} in account ${account}, with its long-term access key`;
	}
	const creds = credentialsOf(sim, as);
	if (as.startsWith('creds:')) {
		const name = as.slice(6);
		return creds
			? `the temporary credentials saved as “${name}” when ${creds.api} issued them (${creds.identity.arn})`
			: `the temporary credentials an earlier step saves as “${name}” (not issued yet)`;
	}
	if (as.startsWith(CUSTOM_KEY))
		return creds
			? `the temporary credentials with access key ID ${creds.accessKeyId}, from ${creds.api} (${creds.identity.arn})`
			: `the access key ID ${as.slice(CUSTOM_KEY.length)}`;
	return as;
}

/**
 * The caller of a call's result in words, for the result header, not the simulator's notation
 * "creds:audit". A result may be an older one picked from the log, and a later step may save other
 * credentials under the same name, so saved credentials and access keys are named only as the
 * request named them ("the temporary credentials saved as “audit”"), never from today's state;
 * users, roots and unsigned requests read as callerNote says. Other outcomes have no caller.
 */
export function resultCaller(sim: SimState, outcome: Outcome): string | undefined {
	if (outcome.kind !== 'call') return undefined;
	const as = outcome.request.as;
	if (as.startsWith('creds:')) return `as the temporary credentials saved as “${as.slice(6)}”`;
	if (as.startsWith(CUSTOM_KEY)) return `as the access key ID ${as.slice(CUSTOM_KEY.length)}`;
	return `as ${callerNote(sim, as)}`;
}

/** The caller's virtual MFA device and the code it shows now (role and federated sessions have none). */
export function mfaDeviceFor(
	sim: SimState,
	as: string
): { serial: string; code: string; wrong: string } | undefined {
	let serial: string | undefined;
	if (as.startsWith('user:')) {
		const [account, name] = as.slice(5).split('/');
		serial = sim.world.accounts[account]?.users[name]?.mfaSerial;
	} else if (as.startsWith('root:')) {
		serial = sim.world.accounts[as.slice(5)]?.root?.mfaSerial;
	} else {
		const id = credentialsOf(sim, as)?.identity;
		if (id?.type === 'user') serial = sim.world.accounts[id.account]?.users[id.userName]?.mfaSerial;
		if (id?.type === 'root') serial = sim.world.accounts[id.account]?.root?.mfaSerial;
		if (!id && as.startsWith('key:')) {
			for (const account of Object.values(sim.world.accounts)) {
				if (account.root?.accessKeyId === as.slice(4)) serial = account.root.mfaSerial;
				for (const user of Object.values(account.users))
					if (user.accessKeyId === as.slice(4)) serial = user.mfaSerial;
			}
		}
	}
	return serial
		? { serial, code: mfaCode(serial, sim.now), wrong: wrongMfaCode(serial, sim.now) }
		: undefined;
}

export interface TimelineRow {
	accessKeyId: string;
	label: string;
	detail: string;
	status: CredentialStatus;
	issuedAt: Instant;
	expiresAt: Instant;
	/** Position and width on the track, in percent. */
	left: number;
	width: number;
}

export interface TimelineView {
	from: Instant;
	to: Instant;
	now: Instant;
	/** Position of the "now" line, in percent. */
	nowAt: number;
	rows: TimelineRow[];
}

/** Every issued credential set against the simulated clock, from the world's start. */
export function timelineView(sim: SimState): TimelineView {
	const from = sim.world.start;
	const latest = Math.max(sim.now, ...sim.credentials.map((c) => c.expiresAt));
	// A little room after the last expiry (or an hour on an empty timeline).
	const to =
		latest === from ? from + 3600 : latest + Math.max(60, Math.round((latest - from) * 0.05));
	const at = (t: Instant) => ((t - from) / (to - from)) * 100;
	return {
		from,
		to,
		now: sim.now,
		nowAt: at(sim.now),
		rows: sim.credentials.map((c) => ({
			accessKeyId: c.accessKeyId,
			label: c.savedAs ?? `${c.accessKeyId.slice(0, 8)}…`,
			detail: `${c.api} · ${c.identity.arn}`,
			status: statusOf(sim, c),
			issuedAt: c.issuedAt,
			expiresAt: c.expiresAt,
			left: at(c.issuedAt),
			width: Math.max(0.6, at(c.expiresAt) - at(c.issuedAt))
		}))
	};
}

/** The earliest expiry still ahead, for the "to next expiry" control. */
export function nextExpiry(sim: SimState): Instant | undefined {
	const ahead = sim.credentials.map((c) => c.expiresAt).filter((t) => t > sim.now);
	return ahead.length ? Math.min(...ahead) : undefined;
}

/** The request a scenario call step makes (the step minus its texts and expectation). */
export function stepRequest(step: ScenarioStep): CallRequest | undefined {
	if (!('call' in step)) return undefined;
	const { expect: _e, title: _t, narration: _n, debrief: _d, ...request } = step;
	void [_e, _t, _n, _d];
	return request;
}

const entityName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const entityKind = (arn: string) => (/:role\//.test(arn) ? 'role' : 'user');

/** The CLI equivalent of a non-call step: the console's revoke button is an inline policy. */
export function adminCommand(step: ScenarioStep): string | undefined {
	if ('advance' in step) return `# wait ${formatDuration(step.advance)} (simulated time)`;
	if ('revoke' in step) {
		const kind = entityKind(step.revoke);
		return [
			`# IAM console: ${kind === 'role' ? 'Roles' : 'Users'} › ${entityName(step.revoke)} › Revoke active sessions`,
			`aws iam put-${kind}-policy \\`,
			`  --${kind}-name ${entityName(step.revoke)} \\`,
			'  --policy-name AWSRevokeOlderSessions \\',
			`  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"<now>"}}}]}'`
		].join('\n');
	}
	if ('attach' in step) {
		const kind = entityKind(step.attach.to);
		if (typeof step.attach.policy === 'string')
			return [
				`aws iam attach-${kind}-policy \\`,
				`  --${kind}-name ${entityName(step.attach.to)} \\`,
				`  --policy-arn ${step.attach.policy}`
			].join('\n');
		return [
			`aws iam put-${kind}-policy \\`,
			`  --${kind}-name ${entityName(step.attach.to)} \\`,
			`  --policy-name ${step.attach.name ?? 'attached-policy'} \\`,
			`  --policy-document '${JSON.stringify(step.attach.policy)}'`
		].join('\n');
	}
	return undefined;
}

/** What a step does, in a few words, for the step list and the result heading. */
export function stepLabel(step: ScenarioStep): string {
	if ('call' in step) return `${step.call} as ${step.as}`;
	if ('advance' in step) return `Advance the clock ${formatDuration(step.advance)}`;
	if ('revoke' in step) return `Revoke active sessions of ${entityName(step.revoke)}`;
	return `Attach a policy to ${entityName(step.attach.to)}`;
}

/** A stable, made-up request ID, so the same outcome always shows the same one. */
export function requestId(outcome: { at: number; kind: string }, salt: string): string {
	let h = 2166136261;
	const text = `${outcome.kind}#${outcome.at}#${salt}`;
	const hex: string[] = [];
	for (let round = 0; round < 4; round++) {
		for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
		h = Math.imul(h ^ round, 16777619);
		hex.push((h >>> 0).toString(16).padStart(8, '0'));
	}
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

export interface AwsErrorShape {
	code: string;
	httpStatus: number;
	message: string;
	/** What exactly is wrong, in the simulator's words (AWS's message says less). */
	detail?: string;
}

/** IAM's answer to a rejected policy edit (UpdateAssumeRolePolicy / PutRolePolicy). */
export function policyEditError(outcome: AdminOutcome): AwsErrorShape | undefined {
	if (outcome.ok || !outcome.error) return undefined;
	if (outcome.kind !== 'policy-edit' || /^no (role|user)/.test(outcome.error))
		return { code: 'NoSuchEntity', httpStatus: 404, message: outcome.error };
	const detail = outcome.explanation.summary;
	return {
		code: 'MalformedPolicyDocument',
		httpStatus: 400,
		message: outcome.error,
		...(detail && detail !== outcome.error ? { detail } : {})
	};
}

/** One line for the log and result headings. */
export function outcomeHeadline(outcome: Outcome, start?: Instant): string {
	switch (outcome.kind) {
		case 'call': {
			const what = outcome.api ?? outcome.action ?? outcome.request.call;
			if (outcome.simulatorError) return `${what}: not run`;
			if (outcome.error) return `${what}: ${outcome.error.code}`;
			if (!outcome.api) return `${what}: allowed`;
			return `${what}: succeeded`;
		}
		case 'advance':
			return `Clock +${formatDuration(outcome.seconds)} → ${timeOfDay(outcome.at, start)}`;
		case 'revoke':
			return outcome.ok ? `Revoked sessions of ${entityName(outcome.target)}` : `Revoke failed`;
		case 'attach':
			return outcome.ok ? `Attached a policy to ${entityName(outcome.target)}` : 'Attach failed';
		case 'policy-edit': {
			const err = policyEditError(outcome);
			return err
				? `Policy edit rejected: ${err.code}`
				: `Policy of ${entityName(outcome.target)} updated`;
		}
	}
}

/** The live-region sentence for an outcome (never for the countdown). */
export function announcement(
	outcome: Outcome,
	report?: StepReport,
	total?: number,
	start?: Instant
): string {
	let text: string;
	if (outcome.kind === 'call') {
		const what = outcome.api ?? outcome.action ?? outcome.request.call;
		if (outcome.simulatorError)
			text = `The simulator could not run ${what}: ${outcome.simulatorError}.`;
		else if (outcome.error) text = `${outcome.error.code}: ${outcome.error.message}`;
		else if (outcome.facts.expiresAt !== undefined)
			text = `${what} succeeded: credentials expire at ${timeOfDay(outcome.facts.expiresAt, start)}.`;
		else if (outcome.api)
			text = `${what} succeeded${outcome.facts.arn ? `: ${outcome.facts.arn}` : ''}.`;
		else text = `${what} allowed.`;
	} else if (outcome.kind === 'advance') {
		text = `Clock advanced ${formatDuration(outcome.seconds)} to ${timeOfDay(outcome.at, start)}.${outcome.expired.length ? ` ${outcome.expired.length} credential set${outcome.expired.length === 1 ? '' : 's'} expired.` : ''}`;
	} else {
		const err = outcome.kind === 'policy-edit' ? policyEditError(outcome) : undefined;
		text = err ? `${err.code}: ${err.message}` : outcome.explanation.summary;
	}
	if (!report) return text;
	// AWS's messages often end without a full stop; the sentence after needs one before it.
	if (report.checked && !/[.!?]$/.test(text)) text += '.';
	const checked = report.checked
		? report.pass
			? ' As the scenario expected.'
			: ` Not what the scenario expected: ${report.problem ?? ''}`
		: '';
	return `Step ${report.index + 1}${total ? ` of ${total}` : ''}: ${text}${checked}`;
}

/**
 * What the learner's own clock moves since their last action did, in the words a guided clock
 * step is announced with ("Clock advanced 1 h to 10:00. 1 credential set expired."), for a line
 * above the result: the result panel keeps showing the last call (playback ticks would replace it
 * every second), so without it "To next expiry" only turned that call's status to "Expired".
 * Undefined unless the latest action was a free clock move and the panel shows something else.
 */
export function freeClockMove(
	timeline: readonly TimelineEntry[],
	log: readonly Outcome[],
	start?: Instant
): string | undefined {
	const lastEntry = timeline[timeline.length - 1];
	if (lastEntry?.type !== 'advance') return undefined;
	let seconds = 0;
	const expired: string[] = [];
	let i = log.length - 1;
	for (; i >= 0 && seconds < lastEntry.seconds; i--) {
		const o = log[i];
		if (o.kind !== 'advance') break;
		seconds += o.seconds;
		expired.unshift(...o.expired);
	}
	const moved = log[log.length - 1];
	if (i < 0 || moved?.kind !== 'advance') return undefined; // the panel shows the move itself
	const line = announcement({ ...moved, seconds, expired }, undefined, undefined, start);
	return `${line} The result below is from before it.`;
}

/** Consecutive clock advances (playback ticks) shown as one log line. */
export function condensedLog(log: readonly Outcome[]): { outcome: Outcome; index: number }[] {
	const out: { outcome: Outcome; index: number }[] = [];
	log.forEach((outcome, index) => {
		const prev = out[out.length - 1];
		if (outcome.kind === 'advance' && prev?.outcome.kind === 'advance') {
			out[out.length - 1] = {
				index,
				outcome: {
					...outcome,
					seconds: prev.outcome.seconds + outcome.seconds,
					expired: [...prev.outcome.expired, ...outcome.expired]
				}
			};
		} else out.push({ outcome, index });
	});
	return out;
}

/** A learner's guess before playing a step. */
export type Prediction = 'works' | 'refused';

/** What happened, in the terms of a prediction; undefined for outcomes that are not calls. */
export function actualAnswer(outcome: Outcome): Prediction | undefined {
	if (outcome.kind !== 'call' || outcome.simulatorError) return undefined;
	return outcome.ok ? 'works' : 'refused';
}

/**
 * Whether the learner changed the world (moved the clock, made their own calls, revoked sessions
 * or edited policies) before scenario step `stepIndex` was played: the step then runs in a world
 * its text does not describe.
 */
export function playedOffScript(timeline: readonly TimelineEntry[], stepIndex: number): boolean {
	const at = timeline.findIndex((e) => e.type === 'step' && e.index === stepIndex);
	return at > 0 && timeline.slice(0, at).some((e) => e.type !== 'step');
}

/**
 * Whether the next scenario step would run off script (see {@link playedOffScript}): the learner
 * has already changed the world, so the step's text no longer describes it.
 */
export function nextStepOffScript(timeline: readonly TimelineEntry[]): boolean {
	return timeline.some((e) => e.type !== 'step');
}

/** How many of the played steps the learner predicted, and how many of those rightly. */
export function predictionTally(
	reports: readonly { index: number; outcome: Outcome }[],
	predictions: Readonly<Record<number, Prediction>>
): { predicted: number; right: number } {
	let predicted = 0;
	let right = 0;
	for (const r of reports) {
		const guess = predictions[r.index];
		const actual = actualAnswer(r.outcome);
		if (!guess || !actual) continue;
		predicted++;
		if (guess === actual) right++;
	}
	return { predicted, right };
}

/** One sentence comparing the learner's guess with what AWS answered. */
export function predictionVerdict(prediction: Prediction, outcome: Outcome): string | undefined {
	const actual = actualAnswer(outcome);
	if (!actual) return undefined;
	const guess = prediction === 'works' ? 'it would work' : 'AWS would refuse it';
	return prediction === actual
		? `You predicted ${guess}: right.`
		: `You predicted ${guess}, but ${actual === 'works' ? 'it worked' : 'AWS refused it'}.`;
}
