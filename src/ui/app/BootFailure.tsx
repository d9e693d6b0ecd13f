export function BootFailure({ error }: { error: unknown }) {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-lg font-semibold">Archipelago could not start</h1>
      <p role="alert" className="mt-2 text-red-800 dark:text-red-300">
        {error instanceof Error ? error.message : String(error)}
      </p>
      <p className="mt-4 text-slate-600 dark:text-slate-400">Reload the page to try again. If it keeps failing, check the browser console and the runtime config.</p>
    </main>
  );
}
