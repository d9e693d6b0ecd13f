import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface ThemeState {
  choice: ThemeChoice;
  setChoice: (choice: ThemeChoice) => void;
  /** A theme the page imposes (the NOC wall, an embedding host) over the operator's choice, for this tab only. */
  forced?: 'light' | 'dark';
  setForced: (forced: 'light' | 'dark' | undefined) => void;
}

export const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({ choice: 'system', setChoice: (choice) => set({ choice }), setForced: (forced) => set({ forced }) }),
    // Only the operator's choice is remembered: a wall or a host page must not change the console's theme.
    { name: 'archipelago.theme', partialize: (state) => ({ choice: state.choice }) },
  ),
);

export const useThemeChoice = () => useThemeStore((state) => state.choice);
export const useSetThemeChoice = () => useThemeStore((state) => state.setChoice);
export const useForcedTheme = () => useThemeStore((state) => state.forced);
export const useSetForcedTheme = () => useThemeStore((state) => state.setForced);
