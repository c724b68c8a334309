import type { CsvTable } from '../data/csv/types';
import { dataMissing } from './dataSlice';
import type { AppStore } from './store';

/**
 * Where imported tables are kept across reloads: IndexedDB in the browser (localStorage holds
 * a few megabytes of text; a 100,000-row table is 25 MB of floats), a map in tests.
 */
export interface TableStorage {
  get(hash: string): Promise<CsvTable | null>;
  /** Rejects when the browser refuses (quota, private mode). */
  put(table: CsvTable): Promise<void>;
  /** Deletes every table but these. */
  keepOnly(hashes: readonly string[]): Promise<void>;
}

const DB = 'normlab';
const STORE = 'tables';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** IndexedDB's "normlab" database, store "tables" (key: the file's hash); null where there is none. */
export function indexedDbTables(): TableStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    return db;
  };
  const tx = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    get: async (hash) => ((await request((await tx('readonly')).get(hash))) as CsvTable | undefined) ?? null,
    put: async (table) => {
      await request((await tx('readwrite')).put(table, table.hash));
    },
    keepOnly: async (hashes) => {
      const store = await tx('readwrite');
      const keys = (await request(store.getAllKeys())) as string[];
      await Promise.all(keys.filter((k) => !hashes.includes(k)).map((k) => request(store.delete(k))));
    },
  };
}

/** A TableStorage in memory (tests); `refuse` makes put fail as a full browser storage does. */
export function memoryTables(refuse = false): TableStorage & { readonly items: Map<string, CsvTable> } {
  const items = new Map<string, CsvTable>();
  return {
    items,
    get: async (hash) => items.get(hash) ?? null,
    put: async (table) => {
      if (refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(table.hash, table);
    },
    keepOnly: async (hashes) => {
      for (const k of [...items.keys()]) if (!hashes.includes(k)) items.delete(k);
    },
  };
}

/**
 * Keeps imported tables across reloads: each table imported is stored (only those the lab and the
 * lab one click away use are kept), and when the lab's data is missing its rows (at start, or a
 * lab opened), they are looked for there first (tableLookup 'pending' meanwhile). A browser that
 * refuses gets one message: after a reload NormLab will ask for the file. Returns disconnect.
 */
export function connectTablePersistence(store: AppStore, storage: TableStorage | null): () => void {
  const stored = new Set<string>();
  const looked = new Set<string>();
  let warned = false;
  const inUse = () => {
    const s = store.getState();
    return [s.data.csv?.hash, s.previousLab?.data.csv?.hash].filter((h): h is string => h !== undefined);
  };
  const lookUp = (hash: string) => {
    looked.add(hash);
    if (!storage) return;
    store.getState().setTableLookup('pending');
    storage
      .get(hash)
      .then((table) => {
        if (table) {
          stored.add(hash);
          store.getState().addTable(table);
        }
      })
      .catch(() => {})
      .finally(() => store.getState().setTableLookup('done'));
  };
  const save = (table: CsvTable) => {
    stored.add(table.hash);
    if (!storage) return;
    storage
      .put(table)
      .then(() => storage.keepOnly(inUse()))
      .catch(() => {
        stored.delete(table.hash);
        if (warned) return;
        warned = true;
        store
          .getState()
          .notify(
            'info',
            `This browser’s storage cannot keep “${table.name}”: after a reload, NormLab will ask for the file again.`,
          );
      });
  };
  const check = () => {
    const s = store.getState();
    const hash = s.data.csv?.hash;
    if (hash && dataMissing(s) && !looked.has(hash)) lookUp(hash);
    for (const table of Object.values(s.tables))
      if (!stored.has(table.hash) && inUse().includes(table.hash)) save(table);
  };
  check();
  return store.subscribe((s, prev) => {
    if (s.tables !== prev.tables || s.data !== prev.data) check();
  });
}
