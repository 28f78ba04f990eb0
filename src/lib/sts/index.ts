/**
 * The STS simulator engine: the public surface for the UI, the CLI and tests. Pure TypeScript,
 * no DOM, no Svelte; every rule traces to docs/reference/sts-facts.md. Importing it registers every
 * STS operation (all-apis.ts); the browser imports the modules it needs and api-loaders.ts instead.
 */
import './all-apis';

// The simulator: state and the pure functions that move it.
export {
	createSimulator,
	call,
	advance,
	revoke,
	attach,
	edit,
	applyStep,
	statusOf,
	SIM_STATE_VERSION,
	type SimState,
	type Outcome,
	type CallOutcome,
	type ClockOutcome,
	type AdminOutcome,
	type CallOptions
} from './simulator';
export type { CallRequest, StsResponse, CredentialsShape } from './api-support';
export { DEFAULT_REGION } from './call-dispatch';
export type { PolicyEdit } from './admin-model';
export { REVOKE_POLICY_NAME } from './admin-model';

// Scenarios: headless runs and expectation checks.
export {
	runScenario,
	playStep,
	checkExpectations,
	globMatches,
	summarise,
	type ScenarioReport,
	type StepReport,
	type ExpectationCheck
} from './scenario-runner';
export {
	startSession,
	applyEntry,
	replay,
	stepBack,
	restart,
	nextStep,
	type Session,
	type TimelineEntry
} from './sim-timeline';

// The XState machines for the UI.
export {
	simMachine,
	stopSimulator,
	SIM_MACHINE_VERSION,
	credentialActorId,
	type TrackedCredential,
	type SimMachineContext,
	type SimMachineEvent,
	type SimMachineInput
} from './sim-machine';
export {
	credentialMachine,
	type CredentialActorInput,
	type CredentialActorEvent,
	type CredentialSnapshot
} from './credential-machine';
// Callers, including the project's service-principal extension (`as: service:ec2.amazonaws.com`).
export { SERVICE_PRINCIPAL, EC2_SERVICE_PRINCIPAL } from './caller';

// Credentials, identities, explanations, errors.
export {
	credentialStatus,
	EXPIRING_SOON_SECONDS,
	type IssuedCredentials,
	type CredentialStatus,
	type SessionIdentity
} from './issued-credentials';
export type { Explanation, StatementVerdict, ConditionVerdict } from './explanation';
export { messages, ERROR_CODE_ALIASES, type AwsError, type AwsErrorCode } from './aws-errors';

// The world model and helpers the UI needs to display it.
export { findRole, findUser, findEntity } from './world-lookup';
export { mfaCode } from './mfa-device';
export {
	buildWorld,
	type World,
	type Account,
	type User,
	type RootUser,
	type Role,
	type NamedPolicy,
	type OidcProvider
} from './world';
export { arns, parseArn } from './arn';
export { parseInstant, formatInstant, formatDuration, type Instant } from './clock';
export {
	parsePolicy,
	policyDocumentSchema,
	type PolicyDocument,
	type PolicyStatement
} from './policy-document';
export { STS_APIS, stsApiOf, isStsApi, API_MEMBERS, type StsApi } from './api-model';
export {
	SUPPORTED_SERVICES,
	isSupportedService,
	type SupportedService
} from './supported-services';
export {
	loadActionCatalog,
	setActionCatalog,
	lookupAction,
	type ActionCatalog
} from './action-catalog';
export { seedFromText, SeededRandom, type RandomSource } from './credential-ids';
export { runBenchmark, type BenchmarkResult, type Timing } from './bench';
export { BUILT_IN_OIDC_PROVIDERS } from './identity-tokens';
export { loadApis, scenarioCalls, snapshotCalls, canCallNow } from './api-loaders';
