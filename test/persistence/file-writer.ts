/**
 * One of several processes sharing a PERSISTENCE_FILE (adapters.test.ts spawns four):
 * `tsx file-writer.ts <file> <process number> <users>` stores `mutedVolume` for its own users, one at a time,
 * and sets its own attribute `p<n>` of one user all processes share.
 */
import { FilePersistenceAdapter } from '../../lambda/src/persistence/file';
import { aLaunch } from '../support/envelopes';

async function main(): Promise<void> {
  const [file, n, count] = process.argv.slice(2);
  const store = new FilePersistenceAdapter(file);
  const shared = aLaunch().user('amzn1.ask.account.SHARED').build();
  for (let i = 0; i < Number(count); i++) {
    await store.updateAttributes(aLaunch().user(`amzn1.ask.account.P${n}U${i}`).build(), { mutedVolume: i });
    if (i === Math.floor(Number(count) / 2)) await store.updateAttributes(shared, { [`p${n}`]: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
