import { useSetThemeChoice, useThemeChoice, type ThemeChoice } from '../stores/theme-store.ts';

const CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeSwitcher() {
  const choice = useThemeChoice();
  const setChoice = useSetThemeChoice();
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      Theme
      <select
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        value={choice}
        onChange={(event) => setChoice(event.target.value as ThemeChoice)}
      >
        {CHOICES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
