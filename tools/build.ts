/**
 * Bundles the Lambda: one minified CommonJS file with a source map, for the nodejs22.x runtime, needing no
 * node_modules at run time. `npm run build` writes lambda/dist/index.js (its map to lambda/maps/); tests and the benchmark call
 * `buildBundle` with their own entry and output.
 *
 * axios stays (the project's users asked for it), but its Node build drags in packages the skill never
 * runs; `lean` below replaces them. docs/benchmark.md has the before/after breakdown.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** A stand-in for a Node built-in that loads the real module on first use (see `http2` and `https` below). */
function lazyBuiltin(name: string): { why: string; contents: string } {
  return {
    why: `node:${name} loaded on first use instead of at axios load`,
    contents: [
      'let real;',
      `const load = () => (real ??= require("node:${name}"));`,
      'module.exports = new Proxy({}, {',
      '  get: (_, key) => load()[key],',
      '  has: (_, key) => key in load(),',
      '  ownKeys: () => Reflect.ownKeys(load()),',
      '  getOwnPropertyDescriptor: (_, key) => {',
      '    const d = Object.getOwnPropertyDescriptor(load(), key);',
      '    return d && { ...d, configurable: true };',
      '  },',
      '});',
    ].join('\n'),
  };
}

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
  // ask-sdk-model is TypeScript interfaces plus, at run time, only its generated Alexa service clients
  // (directives, reminders, lists…): 63 KB, parsed at every cold start. ask-sdk-core reads one thing of it,
  // `services.ServiceClientFactory`, and constructs it only for a skill built `withApiClient(...)`; this
  // skill has no api client (lambda/src/skill.ts). A skill that adds one fails on its first request with
  // this message instead of silently losing the service (test/bench/lean-bundle.test.ts checks both).
  'ask-sdk-model': {
    why: 'only Alexa service clients at run time; the skill configures no apiClient',
    contents: [
      'class ServiceClientFactory { constructor() { throw new Error("ask-sdk-model service clients are not bundled: remove ask-sdk-model from REPLACED_MODULES in tools/build.ts to use withApiClient"); } }',
      'module.exports = { services: { ServiceClientFactory } };',
    ].join('\n'),
  },
  // Not removals: axios requires node:http2 and node:https at load but uses them only inside its own
  // adapter (HTTP/2 requests; https URLs), which the core does not use (lambda/src/spotify/transport.ts).
  // node:https pulls in TLS (about 3.5 ms), node:http2 about 2 ms. Each stands in for the whole module and
  // loads the real one on the first access to any of its members, so any other bundled user still gets all
  // of it; against the real Spotify, the transport's first https request loads TLS as it must.
  http2: lazyBuiltin('http2'),
  https: lazyBuiltin('https'),
  // The same for node:crypto (about 1.5 ms: sixteen internal modules), which axios touches only to make a
  // multipart boundary (platform.generateString).
  crypto: lazyBuiltin('crypto'),
};

/**
 * Two top-level statements of axios's Node build touch Node's lazy web globals, which makes Node load its
 * whole fetch implementation (undici, and node:http2 with it) at the moment axios loads: about 25 ms of
 * every linked cold start, for features the skill never uses. Each patch below keeps axios's behaviour and
 * only moves or drops the eager access. If axios changes and a pattern no longer matches exactly once,
 * the build warns and leaves the file as it is (the benchmark's linked cold start will show the cost).
 */
export const AXIOS_PATCHES: ReadonlyArray<{ why: string; find: RegExp; replace: string }> = [
  {
    // `getFetch` memoizes the fetch adapter; the eager call at load probes `new Request(...)`,
    // `new ReadableStream()` and `new Response('')`. The core brings its own adapter
    // (lambda/src/spotify/transport.ts), so the fetch adapter is built on its first use, if ever.
    why: 'fetch adapter built on first use, not at load',
    find: /^getFetch\(\);$/m,
    replace: '/* getFetch(); deferred to first use by tools/build.ts */',
  },
  {
    // Reading `globalThis.FormData` is what loads undici. It only feeds an `instanceof` fast path in
    // `isFormData`; without it, `isFormData` still recognizes a real FormData by its prototype, its
    // `append` method and its `[object FormData]` tag (the next lines of the same function).
    why: 'isFormData without the instanceof fast path',
    find: /^const FormDataCtor = typeof G\.FormData !== 'undefined' \? G\.FormData : undefined;$/m,
    replace: 'const FormDataCtor = undefined; /* global FormData not read at load: tools/build.ts */',
  },
];

/** axios's Node build with AXIOS_PATCHES applied; a patch that does not match exactly once is a warning. */
export function patchAxios(source: string): { contents: string; warnings: Array<{ text: string }> } {
  let contents = source;
  const warnings: Array<{ text: string }> = [];
  for (const patch of AXIOS_PATCHES) {
    const found = source.match(new RegExp(patch.find.source, 'gm'))?.length ?? 0;
    if (found === 1) contents = contents.replace(patch.find, patch.replace);
    else
      warnings.push({
        text: `tools/build.ts: axios patch "${patch.why}" matched ${found} times, not once; left unpatched, so axios loads Node's fetch at start-up`,
      });
  }
  return { contents, warnings };
}

/**
 * esbuild plugin that swaps the modules in REPLACED_MODULES for their inline replacements and applies
 * AXIOS_PATCHES to axios's Node build.
 */
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
      b.onLoad({ filter: /[\\/]axios[\\/]dist[\\/]node[\\/]axios\.cjs$/ }, async (args) => ({
        ...patchAxios(await fs.promises.readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
}

const BASE_SETTINGS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  // No sourceMappingURL comment: Lambda never reads the map (no --enable-source-maps), and the map is kept
  // out of the folder ask-cli uploads (see LAMBDA_MAP).
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'warning',
};

/** Packages whose code is compiled on their first `require`, not when the bundle loads (see deferCompile). */
export const DEFERRED_MODULES: readonly string[] = ['axios'];

/**
 * esbuild plugin that bundles each module in `modules` on its own and embeds it in the main bundle as a
 * string, compiled with the `Function` constructor on its first `require`.
 *
 * Why: V8 pre-parses every function of a script when it loads, called or not. axios (85 KB minified) is
 * required only on the first Spotify call (lambda/src/spotify/core.ts), yet parsing it cost about 2.5 ms
 * of every cold start, including the unlinked launch that never reaches Spotify. A string literal is only
 * scanned. The code that runs is the same bundled axios, and the string is this build's own output: nothing
 * from a request is ever compiled. `Function` rather than `vm.compileFunction` so the code joins the realm
 * of its caller (under jest, the test's sandbox). Trade-off: axios's stack frames point into an unmapped
 * `bundled:axios` instead of the source map. Everything stays in one file.
 */
export function deferCompile(modules: readonly string[] = DEFERRED_MODULES): Plugin {
  const filter = new RegExp(
    `^(${modules.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`,
  );
  return {
    name: 'defer-compile',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'deferred' }));
      b.onLoad({ filter: /.*/, namespace: 'deferred' }, async (args) => {
        const chunk = await build({
          ...BASE_SETTINGS,
          plugins: [lean()],
          sourcemap: false,
          write: false,
          stdin: { contents: `module.exports = require(${JSON.stringify(args.path)});`, resolveDir: ROOT },
        });
        const code = chunk.outputFiles[0].text;
        return {
          contents: [
            `// ${args.path}, compiled on first require: tools/build.ts deferCompile`,
            `const source = ${JSON.stringify(`${code}\n//# sourceURL=bundled:${args.path}`)};`,
            'new Function("exports", "require", "module", "__filename", "__dirname", source)(exports, require, module, __filename, __dirname);',
          ].join('\n'),
          loader: 'js',
          warnings: chunk.warnings,
        };
      });
    },
  };
}

/** The settings every bundle shares (the benchmark's reference fixtures use the same). */
export const BUNDLE_SETTINGS: BuildOptions = { ...BASE_SETTINGS, plugins: [deferCompile(), lean()] };

/** The bundle Lambda runs: ask-resources.json's code.default.src is its folder, and the handler `index.handler`. */
export const LAMBDA_BUNDLE = path.join(ROOT, 'lambda/dist/index.js');
/**
 * Its source map, for reading a stack trace by hand. Beside the bundle it would be zipped and uploaded with it
 * (420 KB that Lambda never reads), so it lives in a sibling folder at the same depth: the map's relative
 * `sources` (../src/…) still resolve.
 */
export const LAMBDA_MAP = path.join(ROOT, 'lambda/maps/index.js.map');

/** Where a bundle's map goes: LAMBDA_MAP for the Lambda bundle, beside the file for any other. */
export function mapFileFor(outfile: string): string {
  return path.resolve(outfile) === LAMBDA_BUNDLE ? LAMBDA_MAP : `${outfile}.map`;
}

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
  outfile = LAMBDA_BUNDLE,
  settings: BuildOptions = BUNDLE_SETTINGS,
): Promise<BuiltBundle> {
  const result = await build({ ...settings, entryPoints: [entry], outfile, metafile: true });
  const mapfile = mapFileFor(outfile);
  if (settings.sourcemap && mapfile !== `${outfile}.map`) {
    await fs.promises.mkdir(path.dirname(mapfile), { recursive: true });
    await fs.promises.rename(`${outfile}.map`, mapfile);
  }
  const metafile = result.metafile as Metafile;
  const output = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint !== undefined);
  if (!output) throw new Error(`esbuild reported no output for ${entry}`);
  return { outfile, bytes: output[1].bytes, metafile };
}

export async function buildBundle(
  entry = path.join(ROOT, 'lambda/src/index.ts'),
  outfile = LAMBDA_BUNDLE,
): Promise<string> {
  return (await buildBundleWithMetafile(entry, outfile)).outfile;
}

if (require.main === module) {
  buildBundleWithMetafile().then(
    ({ outfile, bytes }) =>
      console.log(
        `built ${path.relative(process.cwd(), outfile)} (${(bytes / 1000).toFixed(1)} KB, target 250 KB: docs/benchmark.md)`,
      ),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
