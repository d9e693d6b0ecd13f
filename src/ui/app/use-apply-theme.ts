import { useEffect } from 'react';
import { useThemeChoice } from '../stores/theme-store.ts';

/** Keeps the `dark` class on <html> in step with the operator's choice and, for "system", with the OS. */
export function useApplyTheme(): void {
  const choice = useThemeChoice();
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = choice === 'dark' || (choice === 'system' && media.matches);
      document.documentElement.classList.toggle('dark', dark);
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
}
