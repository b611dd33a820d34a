// `npm run bench [-- --only clients,browser,weight,pipeline] [--readme]`: what the
// clients cost and how fast the pipeline runs, measured in one run. Prints a
// Markdown table per part, writes them all to test-results/bench/latest.json,
// and with --readme puts the tables and the machine into README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrowser } from './bench/browser.ts';
import { benchClients, type Pair } from './bench/clients.ts';
import { benchPipeline } from './bench/pipeline.ts';
import { benchWeight } from './bench/weight.ts';
import { repoRoot } from './lib/apis.ts';

const TARGETS = {
  /** Client with its default (Node.js) transport over bare fetch, with 1 and 8 calls in flight. */
  clientRatio: 1.5,
  /** Client on the path browsers take (`fetch(url, init)`), in Node.js and in Chromium, over bare fetch. */
  fetchTransportRatio: 0.95,
  /** AK/SK-signing client over bare fetch with a token. */
  signingRatio: 1.3,
  gzippedBytes: 6 * 1024,
  buildSeconds: 20,
  testSeconds: 120,
};
const RATIO_TARGETS: Record<Pair, number> = {
  'client / fetch': TARGETS.clientRatio,
  "transport 'fetch' / fetch": TARGETS.fetchTransportRatio,
  'AK/SK / fetch with token': TARGETS.signingRatio,
  'Chromium: client / fetch': TARGETS.fetchTransportRatio,
};

const { values } = parseArgs({
  options: { only: { type: 'string', default: 'clients,browser,weight,pipeline' }, readme: { type: 'boolean', default: false } },
});
const parts = new Set(values.only.split(','));

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${type()}, Node.js ${process.version}`;
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
// Other work on the machine slows everything measured here; say how busy it was.
const loadAtStart = loadavg()[0]!;
const sections: string[] = [`Measured on ${new Date().toISOString().slice(0, 10)}: ${machine}.`];
const report: Record<string, unknown> = { date: new Date().toISOString(), machine, targets: TARGETS };

if (parts.has('clients') || parts.has('browser')) {
  const results = [...(parts.has('clients') ? await benchClients() : []), ...(parts.has('browser') ? await benchBrowser() : [])];
  report['clients'] = results;
  sections.push(
    [
      '| API | Compared (a / b) | In flight | a (req/s) | b (req/s) | a / b | CPU per call, a / b (µs) | Target met |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...results.map((r) => {
        const target = RATIO_TARGETS[r.pair];
        const cpu =
          r.aCpuMicros === undefined || r.bCpuMicros === undefined ? '' : `${r.aCpuMicros.toFixed(0)} / ${r.bCpuMicros.toFixed(0)}`;
        return `| ${r.api} | ${r.pair} | ${r.inFlight} | ${r.aRps.toFixed(0)} | ${r.bRps.toFixed(0)} | ${r.ratio.toFixed(3)} | ${cpu} | ${mark(r.ratio >= target)} (≥ ${target}) |`;
      }),
    ].join('\n'),
  );
}

if (parts.has('weight')) {
  const weights = await benchWeight();
  report['weight'] = weights;
  sections.push(
    [
      '| Entry | Minified (bytes) | Minified + gzip (bytes) | Target met (≤ 6 kB) |',
      '| --- | ---: | ---: | --- |',
      ...weights.map(
        (w) =>
          `| ${w.entry} | ${w.minifiedBytes} | ${w.gzippedBytes} | ${w.entry.startsWith('snapshot-apis') ? mark(w.gzippedBytes <= TARGETS.gzippedBytes) : ''} |`,
      ),
    ].join('\n'),
  );
}

if (parts.has('pipeline')) {
  const times = await benchPipeline();
  report['pipeline'] = times;
  const target = (step: string) =>
    step.startsWith('npm run build (') ? TARGETS.buildSeconds : step === 'npm test' ? TARGETS.testSeconds : undefined;
  sections.push(
    [
      '| Step | Cold (s) | Warm (s) | Target met |',
      '| --- | ---: | ---: | --- |',
      ...times.map((t) => {
        const limit = target(t.step);
        return `| ${t.step} | ${t.coldSeconds.toFixed(1)} | ${t.warmSeconds.toFixed(1)} | ${limit === undefined ? '' : `${mark(t.coldSeconds <= limit && t.warmSeconds <= limit)} (≤ ${limit} s)`} |`;
      }),
    ].join('\n'),
  );
}

sections[0] += ` Load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`;
const markdown = sections.join('\n\n');
console.log(markdown);
const out = resolve(repoRoot, 'test-results/bench');
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(resolve(out, 'latest.md'), `${markdown}\n`);

if (values.readme) {
  const readme = resolve(repoRoot, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!text.includes(start) || !text.includes(end)) throw new Error(`README.md has no ${start} … ${end} section to fill.`);
  writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${markdown}\n${text.slice(text.indexOf(end))}`);
  console.log('\nREADME.md updated.');
}
