import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunRecord } from './run-record.ts';

/**
 * The audit log: every run, kept in IndexedDB so it survives a reload.
 * Records are replaced whole on every change; one run is small.
 */
export interface AuditLog {
  save(record: RunRecord): Promise<void>;
  get(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  list(): Promise<RunRecord[]>;
  /**
   * Marks runs left `running` by a page that is gone as `interrupted`. Called
   * once when a page opens the log, before it starts any run of its own.
   */
  markInterrupted(now: number): Promise<RunRecord[]>;
  close(): void;
}

interface AuditSchema extends DBSchema {
  runs: { key: string; value: RunRecord; indexes: { startedAt: number } };
}

export const AUDIT_DB_NAME = 'archipelago-actions';

export async function openAuditLog(name: string = AUDIT_DB_NAME): Promise<AuditLog> {
  const db: IDBPDatabase<AuditSchema> = await openDB<AuditSchema>(name, 1, {
    upgrade(database) {
      const runs = database.createObjectStore('runs', { keyPath: 'id' });
      runs.createIndex('startedAt', 'startedAt');
    },
  });
  return {
    async save(record) {
      await db.put('runs', record);
    },
    get: (id) => db.get('runs', id),
    async list() {
      return (await db.getAllFromIndex('runs', 'startedAt')).reverse();
    },
    async markInterrupted(now) {
      const tx = db.transaction('runs', 'readwrite');
      const marked: RunRecord[] = [];
      for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
        if (cursor.value.state !== 'running') continue;
        const steps = Object.fromEntries(
          Object.entries(cursor.value.steps).map(([id, step]) => [
            id,
            // A step cut off mid-call may or may not have reached the cloud; resuming looks it up first.
            step.status === 'running' ? { ...step, status: 'failed' as const, note: 'interrupted mid-call: re-checked on resume' } : step,
          ]),
        );
        const record: RunRecord = { ...cursor.value, state: 'interrupted', steps, updatedAt: now };
        await cursor.update(record);
        marked.push(record);
      }
      await tx.done;
      return marked;
    },
    close: () => db.close(),
  };
}
