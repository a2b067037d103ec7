/**
 * One cold start, run by `npm run bench` in a fresh `node` process per measurement:
 *   node bench/cold.js <bundle.js> <envelope.json>
 * Loads the bundle, invokes its handler once, writes one JSON line of timings to fd 3 and exits. The bundle's
 * own logging goes to stdout as it would on Lambda; fd 3 keeps the result apart from it.
 */
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const [bundle, envelopeFile] = process.argv.slice(2);
const event = JSON.parse(fs.readFileSync(envelopeFile, 'utf8'));
// The Lambda runtime sets up logging before it loads the function; so does this runner, so that the
// first log line of a bundle does not pay for creating process.stdout (about 3 ms).
console.log('cold.js: logging ready');
const bootMs = performance.now(); // process start → this line: node's own start-up, the same for every bundle

const t0 = process.hrtime.bigint();
const { handler } = require(bundle);
const t1 = process.hrtime.bigint();

Promise.resolve(handler(event, {})).then(
  (reply) => {
    const t2 = process.hrtime.bigint();
    const response = (reply && reply.response) || {};
    fs.writeSync(
      3,
      JSON.stringify({
        bootMs,
        loadMs: Number(t1 - t0) / 1e6,
        invokeMs: Number(t2 - t1) / 1e6,
        coldMs: Number(t2 - t0) / 1e6,
        card: response.card ? response.card.type : null,
        spoke: Boolean(response.outputSpeech),
      }) + '\n',
    );
    process.exit(0); // keep-alive sockets would otherwise hold the process open
  },
  (error) => {
    fs.writeSync(3, JSON.stringify({ error: String(error && error.message) }) + '\n');
    process.exit(1);
  },
);
