/** The benchmark's arithmetic: medians and the rotated order that spreads machine drift over every bundle. */
import { median, quantile, rotations } from '../../bench/lib/stats';
import { partOf } from '../../bench/lib/breakdown';

describe('bench statistics', () => {
  test('median of odd and even counts, unaffected by input order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46);
    expect(() => median([])).toThrow(RangeError);
  });

  test('rotations: every bundle once per round, and each goes first equally often', () => {
    const order = rotations(['a', 'b', 'c'], 6);
    expect(order).toEqual([
      'a',
      'b',
      'c',
      'b',
      'c',
      'a',
      'c',
      'a',
      'b',
      'a',
      'b',
      'c',
      'b',
      'c',
      'a',
      'c',
      'a',
      'b',
    ]);
    const firsts = [0, 3, 6, 9, 12, 15].map((i) => order[i]);
    expect(firsts.filter((f) => f === 'a')).toHaveLength(2);
    expect(rotations(['reference', 'subject'], 2)).toEqual(['reference', 'subject', 'subject', 'reference']);
  });

  test('bundle breakdown groups inputs by package or source folder', () => {
    expect(partOf('node_modules/axios/dist/node/axios.cjs')).toBe('axios');
    expect(partOf('node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js')).toBe(
      '@aws-sdk/client-dynamodb',
    );
    expect(partOf('node_modules/a/node_modules/mime-db/db.json')).toBe('mime-db');
    expect(partOf('lambda/src/handlers/launch.ts')).toBe('lambda/src/handlers');
    expect(partOf('lambda/src/skill.ts')).toBe('lambda/src');
    expect(partOf('lean:form-data')).toBe('replaced modules');
    expect(partOf('deferred:axios')).toBe('axios (compiled on first require)');
  });
});
