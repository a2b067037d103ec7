/**
 * The zip ask-cli uploads to Lambda: the freshly built bundle as `index.js` (handler `index.handler`) and
 * nothing else. `hooks/build.sh` (ask-cli's custom build flow) runs this with the zip path ask-cli chose:
 * `tsx tools/deploy/package.ts <zip>`.
 *
 * The zip is written with adm-zip, the library ask-cli's own zip-only flow uses, and with the same fixed
 * entry date, so an unchanged bundle gives a byte-identical zip and ask-cli's hash check skips the upload
 * (lib/builtins/build-flows/abstract-build-flow.js: `defaultZipFileDate = new Date(1990, 1, 1)`).
 */
import AdmZip from 'adm-zip';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBundle, LAMBDA_BUNDLE } from '../build';

/** What ask-cli stamps on every entry, so the zip's hash depends only on the contents. */
export const ASK_CLI_ZIP_DATE = new Date(1990, 1, 1);

/** Writes `zipFile` holding exactly `bundle` as index.js. */
export function zipBundle(bundle: string, zipFile: string): void {
  const zip = new AdmZip();
  zip.addFile('index.js', fs.readFileSync(bundle));
  for (const entry of zip.getEntries()) entry.header.time = ASK_CLI_ZIP_DATE;
  fs.mkdirSync(path.dirname(zipFile), { recursive: true });
  zip.writeZip(zipFile);
}

/** Builds lambda/dist/index.js from source and writes the zip. */
export async function packageLambda(zipFile: string): Promise<void> {
  const bundle = await buildBundle(undefined, LAMBDA_BUNDLE);
  zipBundle(bundle, zipFile);
}

if (require.main === module) {
  const zipFile = process.argv[2];
  if (!zipFile) {
    console.error('usage: tsx tools/deploy/package.ts <zip file to write>');
    process.exit(2);
  }
  packageLambda(path.resolve(zipFile)).then(
    () => console.log(`packaged lambda/dist/index.js as index.js in ${zipFile}`),
    (error: unknown) => {
      console.error(`hooks/build.sh: the bundle did not build: ${(error as Error)?.message ?? error}`);
      process.exit(1);
    },
  );
}
