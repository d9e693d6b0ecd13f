import { useCallback, useEffect, useRef, useState } from 'react';
import { SearchPanel } from './SearchPanel.tsx';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The header's search button and the dialog it opens; Ctrl-K (⌘K on a Mac)
 * opens it from anywhere. A native modal <dialog>: focus stays inside while
 * it is open, Escape closes it, and focus goes back where it was.
 */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    if (dialogRef.current?.open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);
  const close = useCallback(() => dialogRef.current?.close(), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [show]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex items-center gap-3 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-400 dark:hover:bg-slate-800"
      >
        <span>Search the fleet…</span>
        <kbd className="rounded border border-slate-300 px-1 font-sans text-xs dark:border-slate-700">{IS_MAC ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <dialog
        ref={dialogRef}
        aria-label="Search the fleet"
        onClose={() => {
          setOpen(false);
          returnFocus.current?.focus();
        }}
        className="mx-auto mt-[12vh] w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        {open ? <SearchPanel onDone={close} /> : null}
      </dialog>
    </>
  );
}
