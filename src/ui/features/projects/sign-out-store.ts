import { create } from 'zustand';
import type { SignOutReport } from '../../../fleet/session/sign-out.ts';

/** The last sign-out's report, shown on /clouds until the operator signs in again. UI state only, memory only. */
interface SignOutState {
  report?: SignOutReport;
  setReport(report: SignOutReport | undefined): void;
}

export const useSignOutStore = create<SignOutState>()((set) => ({
  report: undefined,
  setReport: (report) => set({ report }),
}));
