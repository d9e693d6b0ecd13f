import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SearchKind } from '../../../fleet/search/search-entry.ts';
import { searchFleet, type MatchReason, type SearchResult } from '../../../fleet/search/search-index.ts';
import { searchTargetHref } from '../../../fleet/search/search-target.ts';
import { useSearchIndexes } from './use-search-indexes.ts';
import { formatCount } from '../../lib/format-count.ts';

const KIND_LABELS: Record<SearchKind, string> = {
  server: 'Server',
  network: 'Network',
  port: 'Port',
  subnet: 'Subnet',
  'floating-ip': 'Floating IP',
  image: 'Image',
};

const REASONS: Record<MatchReason, string> = {
  id: 'id',
  'id-prefix': 'id',
  address: 'address',
  'address-part': 'address',
  mac: 'MAC',
  cidr: 'CIDR',
  'in-cidr': 'in block',
  name: 'name',
  'name-prefix': 'name',
  'name-part': 'name',
};

const LISTBOX_ID = 'global-search-results';
const optionId = (index: number) => `global-search-option-${index}`;

/** The search box and its results: a combobox with a listbox, arrows to move, Enter to open. */
export function SearchPanel({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const sources = useSearchIndexes();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const outcome = useMemo(() => searchFleet(sources.indexes, deferredQuery), [sources.indexes, deferredQuery]);
  const results = outcome.results;
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));

  const open = (result: SearchResult | undefined) => {
    if (!result) return;
    onDone();
    void navigate(searchTargetHref(result.entry));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + 8, PageUp: activeIndex - 8 };
    const target = moves[event.key];
    if (target !== undefined && results.length > 0) {
      event.preventDefault();
      const next = Math.max(0, Math.min(results.length - 1, target));
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(results[activeIndex]);
    }
  };

  return (
    <div className="flex max-h-[70vh] flex-col">
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <label htmlFor="global-search-input" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
          Find a server, port, network or image in any cloud
        </label>
        <input
          id="global-search-input"
          role="combobox"
          aria-label="Search the fleet"
          aria-expanded={results.length > 0}
          aria-controls={LISTBOX_ID}
          aria-autocomplete="list"
          aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="name, UUID, 10.0.0.12, fd00::5, fa:16:3e:…, 10.0.0.0/24"
          className="w-full rounded border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
        />
      </div>
      <ul id={LISTBOX_ID} role="listbox" aria-label="Results" className="min-h-0 flex-1 overflow-auto py-1">
        {results.map((result, index) => (
          <li
            key={`${result.entry.kind}:${result.entry.key}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            onMouseMove={() => setActive(index)}
            onClick={() => open(result)}
            className={`flex cursor-pointer items-center gap-3 px-3 py-1.5 text-sm ${index === activeIndex ? 'bg-teal-50 dark:bg-teal-950/70' : ''}`}
          >
            <span className="w-20 shrink-0 text-xs font-medium text-slate-500 dark:text-slate-400">{KIND_LABELS[result.entry.kind]}</span>
            <span className="min-w-0 flex-1">
              <bdi className="block truncate font-medium" title={result.entry.name}>
                {result.entry.name || <span className="font-mono text-xs font-normal">{result.entry.id}</span>}
              </bdi>
              <span className="block truncate text-xs text-slate-500 dark:text-slate-400">
                {REASONS[result.reason]} <bdi className="font-mono">{result.matched}</bdi>
              </span>
            </span>
            <bdi className="max-w-48 shrink-0 truncate text-xs text-slate-600 dark:text-slate-400">
              {result.entry.cloud} / {result.entry.region}
            </bdi>
          </li>
        ))}
      </ul>
      <p role="status" className="border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <StatusText query={deferredQuery} shown={results.length} total={outcome.total} sources={sources} />
      </p>
    </div>
  );
}

function StatusText({ query, shown, total, sources }: { query: string; shown: number; total: number; sources: ReturnType<typeof useSearchIndexes> }) {
  const loading = sources.pending > 0 ? ` · still loading ${sources.pending} listing${sources.pending === 1 ? '' : 's'}` : '';
  const failed = sources.failedClouds.length > 0 ? ` · may miss results of ${sources.failedClouds.join(', ')} (failing)` : '';
  if (sources.clouds === 0) return <>No clouds yet: add them on the Clouds page.</>;
  if (query.trim() === '') return <>Type to search {formatCount(sources.clouds)} clouds. ↑↓ to choose, Enter to open, Esc to close{loading}.</>;
  if (total === 0) return <>Nothing matches{loading}{failed}.</>;
  return (
    <>
      {total > shown ? `Best ${shown} of ${formatCount(total)} matches` : `${total} ${total === 1 ? 'match' : 'matches'}`}
      {loading}
      {failed}
    </>
  );
}
