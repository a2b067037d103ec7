/**
 * The duplicate check's read of a playlist's last entry (spotify/once.ts `readTail`): how many reads it
 * makes for a length read in this request, a length from the warm index that is a little off, and one that
 * is far off, and that it finds the real last entry each time.
 */
import { readTail } from '../../lambda/src/spotify/once';
import { PL_WORKOUT_MIX } from '../../tools/spotify-emulator';
import { startRig, type Rig } from './rig';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(() => rig.close());

const entries = () => rig.emulator.state.playlists.get(PL_WORKOUT_MIX)!.entries;
const reads = () =>
  rig
    .calls()
    .filter((c) => c.method === 'GET' && c.path === `/v1/playlists/${PL_WORKOUT_MIX}/items`)
    .map((c) => c.query);

test('a length read in this request: one entry, one read', async () => {
  const n = entries().length;
  const tail = await readTail(rig.client(), PL_WORKOUT_MIX, { total: n, from: 'fresh' });
  expect(tail.total).toBe(n);
  expect(tail.last?.item?.uri ?? tail.last?.track?.uri).toBe(entries()[n - 1].uri);
  expect(reads()).toEqual([{ offset: String(n - 1), limit: '1' }]);
});

test.each([-3, -2, -1, 0, 1, 2])(
  'a cached length off by %i (the skill’s own add counted, songs added or removed elsewhere): one read',
  async (off) => {
    const n = entries().length;
    const tail = await readTail(rig.client(), PL_WORKOUT_MIX, { total: n + off, from: 'cached' });
    expect(tail.total).toBe(n);
    expect(tail.last?.item?.uri ?? tail.last?.track?.uri).toBe(entries()[n - 1].uri);
    expect(reads()).toHaveLength(1);
  },
);

test('a cached length far off: a second read at the real end', async () => {
  const n = entries().length;
  const tail = await readTail(rig.client(), PL_WORKOUT_MIX, { total: n + 40, from: 'cached' });
  expect(tail.total).toBe(n);
  expect(tail.last?.item?.uri ?? tail.last?.track?.uri).toBe(entries()[n - 1].uri);
  expect(reads()).toHaveLength(2);
  expect(reads()[1]).toEqual({ offset: String(n - 1), limit: '1' });
});

test('no length known: the length first, then the last entry', async () => {
  const n = entries().length;
  const tail = await readTail(rig.client(), PL_WORKOUT_MIX);
  expect(tail.total).toBe(n);
  expect(reads()).toEqual([
    { offset: '0', limit: '1' },
    { offset: String(n - 1), limit: '1' },
  ]);
});

test('an empty playlist: no last entry, one read', async () => {
  entries().length = 0;
  const tail = await readTail(rig.client(), PL_WORKOUT_MIX, { total: 6, from: 'cached' });
  expect(tail).toEqual({ total: 0, last: undefined });
  expect(reads()).toHaveLength(1);
});
