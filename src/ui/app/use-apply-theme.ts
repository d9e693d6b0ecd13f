import { useEffect } from 'react';
import { useForcedTheme, useThemeChoice } from '../stores/theme-store.ts';

/** Keeps the `dark` class on <html> in step with a forced theme, else the operator's choice and, for "system", the OS. */
export function useApplyTheme(): void {
  const choice = useThemeChoice();
  const forced = useForcedTheme();
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = forced ? forced === 'dark' : choice === 'dark' || (choice === 'system' && media.matches);
      document.documentElement.classList.toggle('dark', dark);
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice, forced]);
}
