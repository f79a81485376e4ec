// Drives the official BAML runtime (npm @boundaryml/baml) with the same closed loop as
// baml4j's LoadRunner: N calls, C in flight, against the same emulator. Prints one JSON line per
// scenario. CPU is process.cpuUsage() (user + system, every thread of this node process, the
// runtime's native worker threads included).
//   node official-load.mjs --install DIR --baml DIR --fn NAME --args JSON --scenarios JSON
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const opts = {};
for (let i = 2; i < process.argv.length; i += 2) opts[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const baml = createRequire(path.join(opts.install, 'package.json'))('@boundaryml/baml');
const files = {};
for (const f of fs.readdirSync(opts.baml)) {
  if (f.endsWith('.baml')) files[path.join(opts.baml, f)] = fs.readFileSync(path.join(opts.baml, f), 'utf8');
}
const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined));
const args = JSON.parse(opts.args);

if (opts.compile) {
  // Parse + validate a project folder (recursively), as BamlRuntime.fromFiles does at load.
  const all = {};
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else if (p.endsWith('.baml')) all[p] = fs.readFileSync(p, 'utf8');
  } };
  walk(opts.compile);
  const times = [];
  for (let i = 0; i < Number(opts.repeat ?? 3); i++) {
    const t0 = process.hrtime.bigint();
    baml.BamlRuntime.fromFiles(opts.compile, all, env);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(JSON.stringify({ compileMs: times }));
  process.exit(0);
}

const rt = baml.BamlRuntime.fromFiles(opts.baml, files, env);

async function once(mode) {
  const ctx = rt.createContextManager();
  if (mode === 'stream') {
    // What a generated b.stream.Fn does, minus its iterator's 100 ms polling: count partials.
    let partials = 0;
    const stream = rt.streamFunction(opts.fn, args, undefined, ctx, null, null, [], {}, env);
    stream.onEvent((err, partial) => { if (!err && partial?.isOk()) partials++; });
    const r = await stream.done(ctx);
    r.parsed(false);
    return partials;
  }
  const r = await rt.callFunction(opts.fn, args, ctx, null, null, [], {}, env);
  return r.parsed(false);
}

async function closedLoop(mode, n, c) {
  const lat = [];
  let next = 0;
  let errors = 0;
  let firstError = null;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const worker = async () => {
    while (next < n) {
      next++;
      const s = process.hrtime.bigint();
      try { await once(mode); } catch (e) { errors++; firstError ??= String(e?.message ?? e).split('\n')[0]; }
      lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: c }, worker));
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  lat.sort((a, b) => a - b);
  const pct = (q) => lat[Math.max(0, Math.min(lat.length - 1, Math.ceil(q * lat.length) - 1))];
  return { calls: lat.length, errors, firstError, callsPerSecond: lat.length / wall, medianMs: pct(0.5),
    p99Ms: pct(0.99), cpuMsPerCall: (cpu.user + cpu.system) / 1000 / lat.length };
}

for (const s of JSON.parse(opts.scenarios)) {
  if (s.warmup > 0) await closedLoop(s.mode, s.warmup, s.concurrency);
  const r = await closedLoop(s.mode, s.calls, s.concurrency);
  console.log(JSON.stringify({ id: s.id, ...r }));
}
process.exit(0);
