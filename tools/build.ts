/**
 * Bundles the Lambda: one minified CommonJS file with a source map, for the nodejs22.x runtime, needing no
 * node_modules at run time. `npm run build` writes lambda/dist/index.js; tests and the benchmark call
 * `buildBundle` with their own entry and output.
 */
import { build, type BuildOptions } from 'esbuild';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** The settings every bundle shares (the benchmark's reference fixtures use the same). */
export const BUNDLE_SETTINGS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

export async function buildBundle(
  entry = path.join(ROOT, 'lambda/src/index.ts'),
  outfile = path.join(ROOT, 'lambda/dist/index.js'),
): Promise<string> {
  await build({ ...BUNDLE_SETTINGS, entryPoints: [entry], outfile });
  return outfile;
}

if (require.main === module) {
  buildBundle().then(
    (out) => console.log(`built ${path.relative(process.cwd(), out)}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
