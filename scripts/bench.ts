// `npm run bench [-- --only clients,weight,pipeline] [--readme]`: what the
// clients cost and how fast the pipeline runs, measured in one run. Prints a
// Markdown table per part, writes them all to test-results/bench/latest.json,
// and with --readme puts the tables and the machine into README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchClients } from './bench/clients.ts';
import { benchPipeline } from './bench/pipeline.ts';
import { benchWeight } from './bench/weight.ts';
import { repoRoot } from './lib/apis.ts';

const TARGETS = { clientRatio: 0.95, signingRatio: 0.9, gzippedBytes: 8 * 1024, buildSeconds: 20, testSeconds: 120 };

const { values } = parseArgs({
  options: { only: { type: 'string', default: 'clients,weight,pipeline' }, readme: { type: 'boolean', default: false } },
});
const parts = new Set(values.only.split(','));

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${type()}, Node.js ${process.version}`;
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
const sections: string[] = [`Measured on ${new Date().toISOString().slice(0, 10)}: ${machine}.`];
const report: Record<string, unknown> = { date: new Date().toISOString(), machine, targets: TARGETS };

if (parts.has('clients')) {
  const results = await benchClients();
  report['clients'] = results;
  sections.push(
    [
      '| API | Compared (a / b) | a (req/s) | b (req/s) | a / b | Cost of a per call (µs) | Target met |',
      '| --- | --- | ---: | ---: | ---: | ---: | --- |',
      ...results.map((r) => {
        const target = r.pair === 'client / fetch' ? TARGETS.clientRatio : TARGETS.signingRatio;
        const cost = (1 / r.aRps - 1 / r.bRps) * 1e6;
        return `| ${r.api} | ${r.pair} | ${r.aRps.toFixed(0)} | ${r.bRps.toFixed(0)} | ${r.ratio.toFixed(3)} | ${cost.toFixed(0)} | ${mark(r.ratio >= target)} (≥ ${target}) |`;
      }),
    ].join('\n'),
  );
}

if (parts.has('weight')) {
  const weights = await benchWeight();
  report['weight'] = weights;
  sections.push(
    [
      '| Entry | Minified (bytes) | Minified + gzip (bytes) | Target met (≤ 8 kB) |',
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
