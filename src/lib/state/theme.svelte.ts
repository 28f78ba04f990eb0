import { THEME_STORAGE_KEY } from './local-learner-data';

export type Theme = 'light' | 'dark';

const KEY = THEME_STORAGE_KEY;

/** The learner's theme choice: follows the system until they toggle, then remembered. */
class ThemeState {
	/** Explicit choice, or undefined to follow the system. */
	choice = $state<Theme | undefined>(undefined);
	systemDark = $state(false);

	get current(): Theme {
		return this.choice ?? (this.systemDark ? 'dark' : 'light');
	}

	/** Reads the stored choice and watches the system setting; call once in the browser. */
	init(): void {
		try {
			const stored = localStorage.getItem(KEY);
			if (stored === 'light' || stored === 'dark') this.choice = stored;
		} catch {
			// Storage blocked: the toggle still works for this visit.
		}
		const media = matchMedia('(prefers-color-scheme: dark)');
		this.systemDark = media.matches;
		media.addEventListener('change', (e) => (this.systemDark = e.matches));
	}

	toggle(): void {
		this.choice = this.current === 'dark' ? 'light' : 'dark';
		document.documentElement.dataset.theme = this.choice;
		try {
			localStorage.setItem(KEY, this.choice);
		} catch {
			// Not remembered, but applied.
		}
	}
}

export const theme = new ThemeState();
