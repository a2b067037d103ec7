/**
 * A warm loop in one process, run by `npm run bench`:
 *   node bench/warm.js <bundle.js> <envelope.json> <warm-up invokes> <measured invokes>
 * Invokes the handler sequentially (as one Lambda container does), first `warm-up` times untimed so the JIT
 * settles, then `measured` times, each timed on its own. Writes one JSON line to fd 3 and exits.
 */
'use strict';
const fs = require('node:fs');

const [bundle, envelopeFile, warmupArg, measuredArg] = process.argv.slice(2);
const template = fs.readFileSync(envelopeFile, 'utf8');
const warmup = Number(warmupArg);
const measured = Number(measuredArg);
const { handler } = require(bundle);

async function main() {
  let failures = 0;
  const check = (reply) => {
    if (!reply || !reply.response || !reply.response.outputSpeech) failures++;
  };
  for (let i = 0; i < warmup; i++) check(await handler(JSON.parse(template), {}));
  const times = new Float64Array(measured);
  for (let i = 0; i < measured; i++) {
    const event = JSON.parse(template); // a fresh envelope per invoke, as Lambda delivers; not timed
    const t0 = process.hrtime.bigint();
    const reply = await handler(event, {});
    times[i] = Number(process.hrtime.bigint() - t0) / 1e3;
    check(reply);
  }
  let total = 0;
  for (const t of times) total += t;
  const sorted = Array.from(times).sort((a, b) => a - b);
  fs.writeSync(
    3,
    JSON.stringify({
      warmup,
      measured,
      meanUs: total / measured,
      medianUs: sorted[Math.floor(measured / 2)],
      p90Us: sorted[Math.floor(measured * 0.9)],
      failures,
    }) + '\n',
  );
  process.exit(0);
}

main().catch((error) => {
  fs.writeSync(3, JSON.stringify({ error: String(error && error.message) }) + '\n');
  process.exit(1);
});
