import { getUserId } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../util/logger';
import { applyPatch } from './memory';
import { StoreTimeoutError, type StoreCallOptions, type UserStore } from './store';

type Store = Record<string, Record<string, unknown>>;

/** A lock older than this is left over from a process that died while writing (a write takes milliseconds). */
const STALE_LOCK_MS = 10_000;
/** How often a writer looks again for a lock another process holds, and how many times at most. */
const LOCK_POLL_MS = 10;
const LOCK_MAX_POLLS = 500;

export interface FileStoreOptions {
  /** Where a corrupt file is reported. */
  logger?: Logger;
}

/**
 * Keeps every user's attributes in one JSON file (`PERSISTENCE_FILE`), for the local console and
 * `npm run serve` on one machine.
 *
 * - **Atomic:** each write goes to a temporary file in the same folder and is renamed over the old one, so a
 *   crash leaves either the old or the new file, never half of one; readers never see a partial file.
 * - **Several processes:** every read-modify-write holds `<file>.lock` (created with O_EXCL, so only one
 *   process has it), and writes only the patched attributes of one user onto what is in the file *now*. So
 *   two processes sharing the file lose nothing. A lock left by a crashed process is taken over after 10 s.
 *   For more than one machine, use DynamoDB (`PERSISTENCE_TABLE`).
 * - **Corrupt file:** logged, read as empty, moved aside to `<file>.corrupt-<time>` and rewritten on the next
 *   write, instead of failing every request for good.
 */
export class FilePersistenceAdapter implements UserStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly logger?: Logger;

  constructor(
    readonly file: string,
    options: FileStoreOptions = {},
  ) {
    this.logger = options.logger;
  }

  private get lockFile(): string {
    return `${this.file}.lock`;
  }

  /** The file's contents, and whether it could be parsed (a missing file is a valid empty store). */
  private read(): { store: Store; corrupt: boolean } {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { store: {}, corrupt: false };
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        return { store: parsed as Store, corrupt: false };
    } catch {
      // fall through
    }
    this.logger?.warn('store.file.corrupt', { file: this.file, bytes: text.length });
    return { store: {}, corrupt: true };
  }

  private write(store: Store): void {
    const temp = `${this.file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.writeFileSync(temp, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(temp, this.file);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }

  /** Takes `<file>.lock` (bounded wait; gives up when `signal` aborts), runs `work`, releases it. */
  private async locked(signal: AbortSignal | undefined, work: () => void): Promise<void> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    for (let poll = 0; ; poll++) {
      try {
        fs.writeFileSync(this.lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (this.lockIsStale()) {
        this.logger?.warn('store.file.stale_lock', { file: this.lockFile });
        fs.rmSync(this.lockFile, { force: true });
        continue;
      }
      if (signal?.aborted || poll >= LOCK_MAX_POLLS)
        throw new StoreTimeoutError(`${this.lockFile} is held by another process`);
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    try {
      work();
    } finally {
      fs.rmSync(this.lockFile, { force: true });
    }
  }

  private lockIsStale(): boolean {
    try {
      return Date.now() - fs.statSync(this.lockFile).mtimeMs > STALE_LOCK_MS;
    } catch {
      return false; // gone already: the next try takes it
    }
  }

  /** Serialized within this process; under the lock across processes; re-reads the file under the lock. */
  private update(signal: AbortSignal | undefined, change: (store: Store) => void): Promise<void> {
    const next = this.queue.then(() =>
      this.locked(signal, () => {
        const { store, corrupt } = this.read();
        if (corrupt) fs.copyFileSync(this.file, `${this.file}.corrupt-${Date.now()}`);
        change(store);
        this.write(store);
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const userId = getUserId(envelope);
    return structuredClone(this.read().store[userId] ?? {});
  }

  /** Replaces one user's attributes (ask-sdk's interface; the skill itself only uses updateAttributes). */
  saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const userId = getUserId(envelope);
    const copy = structuredClone(attributes);
    return this.update(undefined, (store) => {
      store[userId] = copy;
    });
  }

  updateAttributes(
    envelope: RequestEnvelope,
    patch: Record<string, unknown>,
    options: StoreCallOptions = {},
  ): Promise<void> {
    const userId = getUserId(envelope);
    return this.update(options.signal, (store) => {
      store[userId] = applyPatch(store[userId], patch);
    });
  }

  deleteAttributes(envelope: RequestEnvelope, options: StoreCallOptions = {}): Promise<void> {
    const userId = getUserId(envelope);
    return this.update(options.signal, (store) => {
      delete store[userId];
    });
  }
}
