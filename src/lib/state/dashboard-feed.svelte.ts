import type {
	Dashboard,
	LastLocation,
	LessonRecord,
	PersistenceState,
	ProgressStore,
	StudyPlan
} from '$lib/progress';
import { placeToContinue } from '$lib/quiz/quiz-session-status';
import { savedQuizStates } from './local-quiz-storage';
import { progress } from './progress.svelte';
import {
	loadProgressCatalogue,
	topicCatalogue,
	type ProgressCatalogue
} from './progress-catalogue';

/** Re-query this often even without writes, so "due now" and the streak follow the clock. */
export const REFRESH_MS = 60_000;

/**
 * The dashboard as reactive state. `watchDashboard()` (a Dexie live query, so writes in other
 * tabs arrive too) drives it; each emission, each minute and each return to the tab also
 * re-reads what the dashboard query does not cover (lesson list, settings, reminder, plan).
 */
export class DashboardFeed {
	dashboard = $state.raw<Dashboard | undefined>();
	/** Every lesson the learner opened, most recent first. */
	lessons = $state.raw<LessonRecord[]>([]);
	lastLocation = $state.raw<LastLocation | undefined>();
	/**
	 * Where "Continue" leads: `lastLocation`, unless that is a quiz session no longer in progress
	 * (finished, submitted, discarded); then a quiz session still in progress, or nowhere.
	 */
	continueFrom = $state.raw<LastLocation | undefined>();
	/**
	 * The same, but never the exam: where the home page's "Continue" leads, since its exam reminder
	 * offers a running exam (a practice session left before it is still offered).
	 */
	continueBesideExam = $state.raw<LastLocation | undefined>();
	backupReminder = $state(false);
	lastBackupAt = $state<number | undefined>();
	persistence = $state<PersistenceState | undefined>();
	plan = $state.raw<StudyPlan | undefined>();
	catalogue = $state.raw<ProgressCatalogue | undefined>();
	error = $state<string | undefined>();

	/**
	 * Whether the learner has begun (an answer, a lesson or an exam); undefined until read, false
	 * (with `untilProgressExists`) once it is clear that this device has no saved progress.
	 */
	get started(): boolean | undefined {
		const d = this.dashboard;
		if (!d) return this.#none ? false : undefined;
		return d.totals.attempts > 0 || d.lessons.read > 0 || d.exams.length > 0;
	}

	/** No saved progress on this device (the store not opened for it). */
	#none = $state(false);

	#store: ProgressStore | undefined;
	#seq = 0;
	#stopped = false;
	#connecting = false;
	#connect: () => Promise<void> = async () => {};

	/**
	 * @param untilProgressExists Open the progress store only once this device has saved
	 *   progress (for the home page, whose newcomer view shows none), not on a first visit.
	 */
	constructor(untilProgressExists = false) {
		this.untilProgressExists = untilProgressExists;
	}

	private readonly untilProgressExists: boolean;

	/** Starts reading; returns the function that stops (use as `onMount`'s cleanup). */
	start(): () => void {
		this.#stopped = false;
		this.#connecting = false;
		let subscription: { unsubscribe(): void } | undefined;
		const timer = setInterval(() => void this.refresh(), REFRESH_MS);
		const onVisible = () => {
			if (document.visibilityState === 'visible') void this.refresh();
		};
		document.addEventListener('visibilitychange', onVisible);
		this.#connect = async () => {
			// With `untilProgressExists`, a first visit (no saved progress) loads no progress layer
			// at all; the timer and a return to the tab check again, so progress made in another
			// tab still arrives.
			if (this.untilProgressExists && !(await progress.mayHaveProgress())) {
				this.#none = true;
				return;
			}
			if (this.#stopped || this.#connecting) return;
			this.#connecting = true;
			const [store, catalogue] = await Promise.all([
				// At idle time: the page shows its first view without the progress layer.
				progress.storeWhenIdle(),
				// Without the catalogue (offline before the first full visit) topics show as slugs.
				loadProgressCatalogue().catch(() => undefined)
			]);
			if (this.#stopped) return;
			this.catalogue = catalogue;
			if (catalogue) {
				store.setCatalogue(topicCatalogue(catalogue));
				store.setQuestionIds(catalogue.questionIds);
			}
			this.#store = store;
			subscription = store.watchDashboard().subscribe({
				next: (d) => void this.refresh(d),
				error: (e) => (this.error = e instanceof Error ? e.message : String(e))
			});
		};
		this.#tryConnect();
		return () => {
			this.#stopped = true;
			clearInterval(timer);
			document.removeEventListener('visibilitychange', onVisible);
			subscription?.unsubscribe();
		};
	}

	#tryConnect(): void {
		this.#connect().catch((e: unknown) => {
			this.#connecting = false;
			this.error = e instanceof Error ? e.message : String(e);
		});
	}

	/** Re-reads everything now (after an action whose effect the live query does not cover). */
	async refresh(fresh?: Dashboard): Promise<void> {
		const store = this.#store;
		if (!store && !this.#connecting && !this.#stopped) this.#tryConnect();
		if (!store || this.#stopped) return;
		const mine = ++this.#seq;
		let read;
		try {
			read = await Promise.all([
				fresh ?? store.dashboard(),
				store.listLessons(),
				store.getSetting('lastLocation'),
				store.needsBackupReminder(),
				store.getSetting('lastBackupAt'),
				store.getSetting('persistence'),
				store.studyPlan()
			]);
		} catch (e) {
			// The store only rejects on a defect; show it rather than leave a stale dashboard.
			if (mine === this.#seq) this.error = e instanceof Error ? e.message : String(e);
			return;
		}
		const [dashboard, lessons, lastLocation, reminder, lastBackupAt, persistence, plan] = read;
		// A slower, older read must not overwrite a newer one.
		if (this.#stopped || mine !== this.#seq) return;
		this.dashboard = dashboard;
		this.lessons = lessons;
		this.lastLocation = lastLocation;
		const sessions = savedQuizStates();
		this.continueFrom = placeToContinue(lastLocation, sessions);
		this.continueBesideExam = placeToContinue(lastLocation, sessions, 'exam');
		this.backupReminder = reminder;
		this.lastBackupAt = lastBackupAt;
		this.persistence = persistence;
		this.plan = plan;
	}
}
