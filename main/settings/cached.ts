import { statSync } from 'node:fs';
import type { KeyValueStore } from './service';
import type { SettingsFile } from '../backup/restore';

/**
 * The settings file, parsed once and kept while the file stays the same. electron-store
 * (and conf under it) reads and parses the whole file, and makes sure of its folder, on
 * every get, and every IPC call reads settings: the locale its answer is said in, the
 * session's idle time, and for a search the consent rules and time zone of its mark, so
 * a search read the file four times. Here the parsed file is let go when the app writes
 * it, and a get also looks at the file's identity (inode, modification time, size:
 * electron-store replaces the file whole on each write), so a file changed by someone
 * else is read as it is now. Each get gives a fresh copy of the value, as electron-store does,
 * so no caller changes what the next one reads.
 */
export function cachedSettings(file: KeyValueStore & SettingsFile & { path: string }): KeyValueStore & SettingsFile {
  let kept: { identity: string; values: Map<string, string> } | null = null; // each key's value, as JSON text
  const values = (): Map<string, string> | null => {
    let identity: string;
    try {
      const s = statSync(file.path, { bigint: true });
      identity = `${s.ino}:${s.mtimeNs}:${s.size}`;
    } catch {
      return null; // no file yet: electron-store's own answer
    }
    if (kept?.identity !== identity) kept = { identity, values: new Map(Object.entries(file.store).map(([key, value]) => [key, JSON.stringify(value)])) };
    return kept.values;
  };
  return {
    get(key) {
      const all = values();
      if (!all) return file.get(key);
      const text = all.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    // The app's own writes let the copy go whatever the file's identity says: two writes
    // of the same size within the clock's tick can leave the same inode (reused), time and size.
    set(key, value) {
      kept = null;
      file.set(key, value);
    },
    delete(key) {
      kept = null;
      file.delete(key);
    },
    get store() {
      return file.store;
    },
    set store(value) {
      kept = null;
      file.store = value;
    },
  };
}
