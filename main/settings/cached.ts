import type { KeyValueStore } from './service';
import type { SettingsFile } from '../backup/restore';

/**
 * The settings file, read once and kept until the app writes it. electron-store (and
 * conf under it) reads and parses the whole file, and makes sure of its folder, on every
 * get, and every IPC call reads settings: the locale its answer is said in, the session's
 * idle time, and for a search the consent rules and time zone of its mark, so a search
 * read the file four times. Every write the app makes goes through here (the settings
 * journal, the backup's own key, a restore's whole store), and one app at a time holds
 * the data folder (main/startup), so the copy is the file's. Each get gives a fresh copy
 * of the value, as electron-store does, so no caller changes what the next one reads.
 */
export function cachedSettings(file: KeyValueStore & SettingsFile): KeyValueStore & SettingsFile {
  let copy: Map<string, string> | null = null; // each key's value, as JSON text
  const read = () => (copy ??= new Map(Object.entries(file.store).map(([key, value]) => [key, JSON.stringify(value)])));
  return {
    get(key) {
      const text = read().get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    set(key, value) {
      copy = null;
      file.set(key, value);
    },
    delete(key) {
      copy = null;
      file.delete(key);
    },
    get store() {
      return file.store;
    },
    set store(value) {
      copy = null;
      file.store = value;
    },
  };
}
