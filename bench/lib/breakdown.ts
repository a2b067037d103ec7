/** What is in a bundle: output bytes per npm package (or per source folder), from esbuild's metafile. */
import type { Metafile } from 'esbuild';

export interface BundlePart {
  name: string;
  bytes: number;
}

/** Groups an input path: `node_modules/@scope/pkg/...` → `@scope/pkg`, `lambda/src/x/y.ts` → `lambda/src/x`. */
export function partOf(input: string): string {
  // The innermost package: node_modules/a/node_modules/b/x.js belongs to b.
  const pkg = [...input.matchAll(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop();
  if (pkg) return pkg[1];
  // Inputs that tools/build.ts's plugins provide: `lean:form-data`, `deferred:axios`.
  if (input.startsWith('deferred:')) return `${input.slice('deferred:'.length)} (compiled on first require)`;
  if (input.startsWith('lean:')) return 'replaced modules';
  const parts = input.split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, -1).join('/') || input;
}

export function bundleBreakdown(metafile: Metafile): BundlePart[] {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) return [];
  const sizes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = partOf(input);
    sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
  }
  return [...sizes]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((p) => p.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}
