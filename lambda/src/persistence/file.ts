import type { PersistenceAdapter } from 'ask-sdk-core';
import { getUserId } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import * as fs from 'node:fs';
import * as path from 'node:path';

type Store = Record<string, Record<string, unknown>>;

/**
 * Keeps every user's attributes in one JSON file (`PERSISTENCE_FILE`), for the local console and
 * `npm run serve` on one machine. Each write goes to a temporary file in the same folder and is renamed over
 * the old one, so a crash leaves either the old or the new file, never half of one. Writes are serialized.
 */
export class FilePersistenceAdapter implements PersistenceAdapter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  private read(): Store {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Store) : {};
  }

  private write(store: Store): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      fs.writeFileSync(temp, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(temp, this.file);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }

  private update(change: (store: Store) => void): Promise<void> {
    const next = this.queue.then(() => {
      const store = this.read();
      change(store);
      this.write(store);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    await this.queue;
    return this.read()[getUserId(envelope)] ?? {};
  }

  saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const userId = getUserId(envelope);
    const copy = JSON.parse(JSON.stringify(attributes)) as Record<string, unknown>;
    return this.update((store) => {
      store[userId] = copy;
    });
  }

  deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const userId = getUserId(envelope);
    return this.update((store) => {
      delete store[userId];
    });
  }
}
