/**
 * Bundles the Lambda: one minified CommonJS file with a source map, for the nodejs22.x runtime, needing no
 * node_modules at run time. `npm run build` writes lambda/dist/index.js (its map to lambda/maps/); tests and the benchmark call
 * `buildBundle` with their own entry and output.
 *
 * axios stays (the project's users asked for it), bundled from its ES module sources without its own
 * adapters (the request core brings one) and without the packages the skill never runs; `lean` below does
 * both. docs/benchmark.md has the before/after breakdown.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** A stand-in for a Node built-in that loads the real module on first use (see `crypto` below). */
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
 * CommonJS inlined into the bundle; nothing is fetched at run time. An ES module that imports one (axios's
 * sources do) gets `module.exports` as its default export, as Node gives it.
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
  // Not a removal: axios imports node:crypto at load (about 1.5 ms: sixteen internal modules) but touches it
  // only to make a multipart boundary (platform.generateString). The stand-in loads the real module on the
  // first access to any of its members, so any other bundled user still gets all of it.
  crypto: lazyBuiltin('crypto'),
};

/**
 * What only axios's own `http` adapter needs. The Lambda bundle leaves that adapter out (AXIOS_ADAPTERS), so
 * none of these is reached there; they apply when bench/adapters.ts puts axios's adapters back to compare
 * them with the core's, so that the comparison is not skewed by packages no variant runs.
 */
export const ADAPTER_MODULES: Readonly<Record<string, { why: string; contents: string }>> = {
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
  // The http adapter imports node:http2 and node:https at load: TLS costs about 3.5 ms, http2 about 2 ms,
  // for HTTP/2 requests and https URLs. Loaded on first use instead.
  http2: lazyBuiltin('http2'),
  https: lazyBuiltin('https'),
};

const THROWS = (what: string) =>
  `throw new Error("axios's ${what} adapter is not bundled: the request core passes its own (lambda/src/spotify/transport.ts); tools/build.ts AXIOS_ADAPTERS says why")`;

/**
 * axios's own adapters, left out of the bundle: the request core always passes its own through axios's
 * documented `adapter` option (lambda/src/spotify/transport.ts says why). The `http` adapter is more than
 * half of axios (redirects, proxies, HTTP/2, streams, five decoders) and loads node:http, zlib, stream and
 * events with it; the `fetch` adapter probes Node's fetch. Left out, axios is 48 KB instead of 86 KB, and its
 * load costs about 6 ms less of every linked cold start (docs/benchmark.md). Each is replaced by a stand-in
 * that throws when axios picks it, naming this file, so a request without the core's adapter fails before
 * any connection is made. Paths are inside the axios package; bench/adapters.ts puts the real ones back.
 */
export const AXIOS_ADAPTERS: Readonly<Record<string, { why: string; contents: string }>> = {
  'lib/adapters/http.js': {
    why: "axios's Node http adapter; the core passes its own",
    contents: `export default function httpAdapter() { ${THROWS('http')}; }`,
  },
  'lib/adapters/fetch.js': {
    why: "axios's fetch adapter; the core passes its own",
    contents: `export const getFetch = () => { ${THROWS('fetch')}; };`,
  },
};

/**
 * axios is bundled from its ES module sources (the package's `import` entry), so that esbuild sees its
 * modules and AXIOS_ADAPTERS can leave two of them out. Top-level statements of those sources that touch
 * Node's lazy web globals make Node load its whole fetch implementation (undici, and node:http2 with it) at
 * the moment axios loads: about 25 ms of every linked cold start, for features the skill never uses. Each
 * patch below names the file (inside the axios package) it applies to, keeps axios's behaviour and only
 * moves or drops the eager access. If axios changes and a pattern no longer matches exactly once, the build
 * warns and leaves the file as it is (the benchmark's linked cold start will show the cost).
 */
export const AXIOS_PATCHES: ReadonlyArray<{ file: string; why: string; find: RegExp; replace: string }> = [
  {
    // Reading `globalThis.FormData` is what loads undici. It only feeds an `instanceof` fast path in
    // `isFormData`; without it, `isFormData` still recognizes a real FormData by its prototype, its
    // `append` method and its `[object FormData]` tag (the next lines of the same function).
    file: 'lib/utils.js',
    why: 'isFormData without the instanceof fast path',
    find: /^const FormDataCtor = typeof G\.FormData !== 'undefined' \? G\.FormData : undefined;$/m,
    replace: 'const FormDataCtor = undefined; /* global FormData not read at load: tools/build.ts */',
  },
  {
    // Only where the fetch adapter is bundled (bench/adapters.ts). The eager `getFetch()` probes
    // `new Request(...)`, `new ReadableStream()` and `new Response('')`; its result is the module's default
    // export, which nothing imports (adapters.js reads `getFetch` only), so the adapter is built on first use.
    file: 'lib/adapters/fetch.js',
    why: 'fetch adapter built on first use, not at load',
    find: /^const adapter = getFetch\(\);$/m,
    replace: 'const adapter = undefined; /* getFetch() deferred to first use by tools/build.ts */',
  },
];

/** One file of axios (`lib/…`, inside the package) with the AXIOS_PATCHES for it applied; a patch that does not match exactly once is a warning. */
export function patchAxios(
  file: string,
  source: string,
): { contents: string; warnings: Array<{ text: string }> } {
  let contents = source;
  const warnings: Array<{ text: string }> = [];
  for (const patch of AXIOS_PATCHES.filter((p) => p.file === file)) {
    const found = source.match(new RegExp(patch.find.source, 'gm'))?.length ?? 0;
    if (found === 1) contents = contents.replace(patch.find, patch.replace);
    else
      warnings.push({
        text: `tools/build.ts: axios patch "${patch.why}" matched ${found} times in ${file}, not once; left unpatched, so axios loads Node's fetch at start-up`,
      });
  }
  return { contents, warnings };
}

export interface LeanOptions {
  /** Bundle axios's own `http` and `fetch` adapters (bench/adapters.ts compares them); default: left out. */
  readonly axiosAdapters?: boolean;
}

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * esbuild plugin that swaps the modules in REPLACED_MODULES (and, with axios's adapters, ADAPTER_MODULES)
 * for their inline replacements, leaves axios's adapters out (AXIOS_ADAPTERS) and applies AXIOS_PATCHES.
 */
export function lean(options: LeanOptions = {}): Plugin {
  const replaced = { ...REPLACED_MODULES, ...(options.axiosAdapters ? ADAPTER_MODULES : {}) };
  const filter = new RegExp(`^(${Object.keys(replaced).map(escape).join('|')})$`);
  const stubs: Record<string, { why: string; contents: string }> = options.axiosAdapters
    ? {}
    : AXIOS_ADAPTERS;
  const axiosFiles = [...new Set([...Object.keys(stubs), ...AXIOS_PATCHES.map((p) => p.file)])];
  const inAxios = new RegExp(`[\\\\/]node_modules[\\\\/]axios[\\\\/](${axiosFiles.map(escape).join('|')})$`);
  return {
    name: 'lean',
    setup(b) {
      b.onResolve({ filter }, (args) => ({
        path: args.path,
        namespace: 'lean',
        pluginData: { esm: args.kind === 'import-statement' },
      }));
      b.onLoad({ filter: /.*/, namespace: 'lean' }, (args) => {
        const { why, contents } = replaced[args.path];
        const esm = (args.pluginData as { esm: boolean }).esm;
        return {
          contents: esm
            ? `// replaced by tools/build.ts: ${why}\nconst module = { exports: {} };\n${contents}\nexport default module.exports;`
            : `// replaced by tools/build.ts: ${why}\n${contents}`,
          loader: 'js',
        };
      });
      b.onLoad({ filter: inAxios }, async (args) => {
        const file = args.path.replace(/\\/g, '/').replace(/^.*\/node_modules\/axios\//, '');
        if (stubs[file]) {
          return {
            contents: `// left out by tools/build.ts: ${stubs[file].why}\n${stubs[file].contents}`,
            loader: 'js',
          };
        }
        return { ...patchAxios(file, await fs.promises.readFile(args.path, 'utf8')), loader: 'js' };
      });
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
 * esbuild plugin that bundles each module in `modules` on its own (from its ES module entry, with `plugins`)
 * and embeds it in the main bundle as a string, compiled with the `Function` constructor on its first
 * `require`. The module's exports are its named exports plus `default`, as a CommonJS consumer of an ES
 * module sees them (`require('axios').default`).
 *
 * Why: V8 pre-parses every function of a script when it loads, called or not. axios is required only on
 * the first Spotify call (lambda/src/spotify/core.ts), yet parsing it cost about 2.5 ms of every cold start,
 * including the unlinked launch that never reaches Spotify. A string literal is only scanned. The code that
 * runs is the same bundled axios, and the string is this build's own output: nothing from a request is ever
 * compiled. `Function` rather than `vm.compileFunction` so the code joins the realm of its caller (under
 * jest, the test's sandbox). Trade-off: axios's stack frames point into an unmapped `bundled:axios` instead
 * of the source map. Everything stays in one file.
 */
export function deferCompile(modules: readonly string[], plugins: Plugin[]): Plugin {
  const filter = new RegExp(`^(${modules.map(escape).join('|')})$`);
  return {
    name: 'defer-compile',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'deferred' }));
      b.onLoad({ filter: /.*/, namespace: 'deferred' }, async (args) => {
        const name = JSON.stringify(args.path);
        const chunk = await build({
          ...BASE_SETTINGS,
          plugins,
          sourcemap: false,
          write: false,
          stdin: { contents: `export * from ${name};\nexport { default } from ${name};`, resolveDir: ROOT },
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

/** The settings of a bundle: the Lambda's by default; bench/adapters.ts asks for axios's adapters back. */
export function bundleSettings(options: LeanOptions = {}): BuildOptions {
  return { ...BASE_SETTINGS, plugins: [deferCompile(DEFERRED_MODULES, [lean(options)]), lean(options)] };
}

/** The settings every bundle shares (the benchmark's reference fixtures use the same). */
export const BUNDLE_SETTINGS: BuildOptions = bundleSettings();

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
