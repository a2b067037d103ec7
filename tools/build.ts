/**
 * Bundles the Lambda: one minified CommonJS file with a source map, for the nodejs22.x runtime, needing no
 * node_modules at run time. `npm run build` writes lambda/dist/index.js; tests and the benchmark call
 * `buildBundle` with their own entry and output.
 *
 * axios stays (the project's users asked for it), but its Node build drags in packages the skill never
 * runs; `lean` below replaces them. docs/benchmark.md has the before/after breakdown.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/**
 * Modules replaced at bundle time, each with the reason it is safe. The replacement is a few lines of
 * CommonJS inlined into the bundle; nothing is fetched at run time.
 */
export const REPLACED_MODULES: Readonly<Record<string, { why: string; contents: string }>> = {
  // axios only touches `form-data` to build multipart bodies (toFormData) and as the default `env.FormData`.
  // The skill sends JSON only. With the module empty, axios falls back to Node's own global FormData, so
  // multipart would still work; we drop form-data → combined-stream, mime-types → mime-db (137 KB of JSON
  // parsed at load) and the get-intrinsic family.
  'form-data': {
    why: 'multipart only; axios falls back to the global FormData',
    contents: 'module.exports = undefined;',
  },
  // axios uses follow-redirects only when `maxRedirects` is not 0; the request core sets it to 0 (Spotify's
  // API never redirects, and a redirect must never carry the bearer token elsewhere). If that changes, the
  // stub fails loudly instead of silently not following.
  'follow-redirects': {
    why: 'used only when maxRedirects != 0; the core sets 0',
    contents: [
      'const refuse = { request() { throw new Error("follow-redirects is not bundled: keep maxRedirects at 0 (tools/build.ts)"); } };',
      'module.exports = { http: refuse, https: refuse };',
    ].join('\n'),
  },
  // axios constructs an HttpsProxyAgent only when a proxy applies (config.proxy or HTTPS_PROXY/https_proxy
  // in the environment). Lambda has none and the skill configures none; `instanceof` checks still work
  // against the stub class. A proxy would fail loudly, and the message says why.
  'https-proxy-agent': {
    why: 'used only behind an HTTPS proxy; Lambda has none',
    contents: [
      'class HttpsProxyAgent { constructor() { throw new Error("https-proxy-agent is not bundled: HTTPS proxies are not supported (tools/build.ts)"); } }',
      'module.exports = HttpsProxyAgent; module.exports.HttpsProxyAgent = HttpsProxyAgent;',
    ].join('\n'),
  },
  // Not a removal: axios requires node:http2 at load (about 2 ms of a cold start) but uses it only for
  // `httpVersion: 2` requests. This forwards its two uses, `connect` and `constants`, loading the real
  // module on first use.
  http2: {
    why: 'node:http2 loaded on first use instead of at axios load',
    contents: [
      'let real;',
      'const load = () => (real ??= require("node:http2"));',
      'module.exports = { connect: (...args) => load().connect(...args), get constants() { return load().constants; } };',
    ].join('\n'),
  },
};

/** esbuild plugin that swaps the modules in REPLACED_MODULES for their inline replacements. */
export function lean(replaced = REPLACED_MODULES): Plugin {
  const names = Object.keys(replaced);
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lean',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lean' }));
      b.onLoad({ filter: /.*/, namespace: 'lean' }, (args) => ({
        contents: `// replaced by tools/build.ts: ${replaced[args.path].why}\n${replaced[args.path].contents}`,
        loader: 'js',
      }));
    },
  };
}

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
  plugins: [lean()],
};

export interface BuiltBundle {
  outfile: string;
  /** Size of the minified bundle in bytes (without its source map). */
  bytes: number;
  /** esbuild's metafile: which input contributes how many bytes to the output. */
  metafile: Metafile;
}

/** Builds like `buildBundle` and also returns the size and esbuild's metafile (for the benchmark). */
export async function buildBundleWithMetafile(
  entry = path.join(ROOT, 'lambda/src/index.ts'),
  outfile = path.join(ROOT, 'lambda/dist/index.js'),
  settings: BuildOptions = BUNDLE_SETTINGS,
): Promise<BuiltBundle> {
  const result = await build({ ...settings, entryPoints: [entry], outfile, metafile: true });
  const metafile = result.metafile as Metafile;
  const output = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint !== undefined);
  if (!output) throw new Error(`esbuild reported no output for ${entry}`);
  return { outfile, bytes: output[1].bytes, metafile };
}

export async function buildBundle(
  entry = path.join(ROOT, 'lambda/src/index.ts'),
  outfile = path.join(ROOT, 'lambda/dist/index.js'),
): Promise<string> {
  return (await buildBundleWithMetafile(entry, outfile)).outfile;
}

if (require.main === module) {
  buildBundleWithMetafile().then(
    ({ outfile, bytes }) =>
      console.log(`built ${path.relative(process.cwd(), outfile)} (${(bytes / 1024).toFixed(1)} KiB)`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
