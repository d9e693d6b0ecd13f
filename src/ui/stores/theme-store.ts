import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface ThemeState {
  choice: ThemeChoice;
  setChoice: (choice: ThemeChoice) => void;
}

export const useThemeStore = create<ThemeState>()(
  persist((set) => ({ choice: 'system', setChoice: (choice) => set({ choice }) }), { name: 'archipelago.theme' }),
);

export const useThemeChoice = () => useThemeStore((state) => state.choice);
export const useSetThemeChoice = () => useThemeStore((state) => state.setChoice);
