// `npm run bench [-- --only clients,browser,weight,docs,pipeline] [--save]`:
// what the clients cost, what they weigh and how fast the pipeline runs,
// measured in one run. Prints a Markdown table per part and writes them all to
// test-results/bench/latest.{json,md}; with --save, puts the tables in
// docs/benchmarks.md and a three-line summary in README.md. Targets are
// reported, never asserted: the machines are shared and noisy.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrowser } from './bench/browser.ts';
import { benchClients, IN_FLIGHT, type Comparison, type Pair } from './bench/clients.ts';
import { benchDocs, type DocsTime } from './bench/docs.ts';
import { benchPipeline, NPM_BUILD, NPM_TEST, type StepTime } from './bench/pipeline.ts';
import { benchWeight, type Weight } from './bench/weight.ts';
import { repoRoot } from './lib/apis.ts';
import { replaceBetween } from './lib/readme.ts';

const TARGETS = {
  /** Client with its default (Node.js) transport over bare fetch, with 1 and 8 calls in flight. */
  clientRatio: 1.5,
  /** Client on the path browsers take (`fetch(url, init)`), in Node.js and in Chromium, over bare fetch. */
  fetchTransportRatio: 0.95,
  /** AK/SK-signing client over bare fetch with a token. */
  signingRatio: 1.3,
  gzippedBytes: 6 * 1024,
  /** 40 specs rendered into docs. */
  docsSeconds: 15,
  buildSeconds: 20,
  unitSeconds: 15,
  testSeconds: 90,
};
const RATIO_TARGETS: Record<Pair, number> = {
  'client / fetch': TARGETS.clientRatio,
  "transport 'fetch' / fetch": TARGETS.fetchTransportRatio,
  'AK/SK / fetch with token': TARGETS.signingRatio,
  'Chromium: client / fetch': TARGETS.fetchTransportRatio,
};
/** How the summary names each comparison. */
const PAIR_NAMES: Record<Pair, string> = {
  'client / fetch': 'the client (Node.js transport)',
  "transport 'fetch' / fetch": "with `transport: 'fetch'`",
  'AK/SK / fetch with token': 'signing with AK/SK (against fetch with a token)',
  'Chromium: client / fetch': 'in Chromium',
};
const STEP_TARGETS: Record<string, number> = {
  [NPM_BUILD]: TARGETS.buildSeconds,
  'npm run test:unit': TARGETS.unitSeconds,
  [NPM_TEST]: TARGETS.testSeconds,
};
const PARTS = ['clients', 'browser', 'weight', 'docs', 'pipeline'];

const { values } = parseArgs({
  options: { only: { type: 'string', default: PARTS.join(',') }, save: { type: 'boolean', default: false } },
});
const parts = new Set(values.only.split(','));
const unknown = [...parts].filter((part) => !PARTS.includes(part));
if (unknown.length > 0) {
  console.error(`npm run bench: unknown part ${unknown.join(', ')}; --only takes a comma-separated list of ${PARTS.join(', ')}.`);
  process.exit(2);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${type()}, Node.js ${process.version}`;
const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
// Other work on the machine slows everything measured here; say how busy it was.
const loadAtStart = loadavg()[0]!;
const sections: string[] = [`Measured on ${new Date().toISOString().slice(0, 10)}: ${machine}.`];
const summary: string[] = [];
const report: Record<string, unknown> = { date: new Date().toISOString(), machine, targets: TARGETS };

/** The lowest and highest of the figures, as `a–b`, or one figure when they agree. */
function range(figures: number[], digits: number): string {
  const [low, high] = [Math.min(...figures).toFixed(digits), Math.max(...figures).toFixed(digits)];
  return low === high ? low : `${low}–${high}`;
}

if (parts.has('clients') || parts.has('browser')) {
  const results: Comparison[] = [
    ...(parts.has('clients') ? await benchClients() : []),
    ...(parts.has('browser') ? await benchBrowser() : []),
  ];
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
  const ratios = (pair: Pair) =>
    IN_FLIGHT.map((inFlight) => ({
      inFlight,
      figures: results.filter((r) => r.pair === pair && r.inFlight === inFlight).map((r) => r.ratio),
    }))
      .filter(({ figures }) => figures.length > 0)
      .map(({ inFlight, figures }) => `${range(figures, 2)}× with ${inFlight} in flight`)
      .join(', ');
  const pairs = (Object.keys(RATIO_TARGETS) as Pair[]).filter((pair) => results.some((r) => r.pair === pair));
  summary.push(
    `- Against bare \`fetch\`, per API: ${pairs.map((pair) => `${PAIR_NAMES[pair]} ${ratios(pair)} (target ${RATIO_TARGETS[pair]}×)`).join('; ')}.`,
  );
}

if (parts.has('weight')) {
  const weights: Weight[] = await benchWeight();
  report['weight'] = weights;
  // The target holds for the whole entry; createClient alone is shown beside it.
  const entries = weights.filter((w) => w.entry.startsWith('snapshot-apis') && !w.entry.includes(':'));
  const clientsAlone = weights.filter((w) => w.entry.endsWith(': createClient alone'));
  sections.push(
    [
      `| Entry | Minified (bytes) | Minified + gzip (bytes) | Target met (≤ ${TARGETS.gzippedBytes / 1024} kB) |`,
      '| --- | ---: | ---: | --- |',
      ...weights.map(
        (w) =>
          `| ${w.entry} | ${w.minifiedBytes} | ${w.gzippedBytes} | ${entries.includes(w) ? mark(w.gzippedBytes <= TARGETS.gzippedBytes) : ''} |`,
      ),
    ].join('\n'),
  );
  const kB = (list: Weight[]) =>
    range(
      list.map((w) => w.gzippedBytes / 1024),
      1,
    );
  summary.push(
    `- Each browser entry, openapi-fetch included: ${kB(entries)} kB minified and gzipped (target ${TARGETS.gzippedBytes / 1024} kB); ` +
      `${kB(clientsAlone)} kB for \`createClient\` alone.`,
  );
}

const timesLine: string[] = [];
if (parts.has('docs')) {
  const times: DocsTime[] = await benchDocs();
  report['docs'] = times;
  sections.push(
    [
      `| Docs rendered | Seconds | Per spec (s) | Target met (40 specs ≤ ${TARGETS.docsSeconds} s) |`,
      '| ---: | ---: | ---: | --- |',
      ...times.map(
        (t) =>
          `| ${t.specs} specs | ${t.seconds.toFixed(1)} | ${t.perSpec.toFixed(2)} | ${t.specs >= 40 ? mark(t.seconds <= TARGETS.docsSeconds) : ''} |`,
      ),
    ].join('\n'),
  );
  const most = times.at(-1)!;
  timesLine.push(`${most.specs} specs' docs render in ${most.seconds.toFixed(1)} s (target ${TARGETS.docsSeconds} s)`);
}

if (parts.has('pipeline')) {
  const times: StepTime[] = await benchPipeline();
  report['pipeline'] = times;
  sections.push(
    [
      '| Step | Cold (s) | Warm (s) | Target met |',
      '| --- | ---: | ---: | --- |',
      ...times.map((t) => {
        const limit = STEP_TARGETS[t.step];
        const met = limit === undefined ? '' : `${mark(t.seconds <= limit && (t.coldSeconds ?? 0) <= limit)} (≤ ${limit} s)`;
        return `| ${t.step} | ${t.coldSeconds?.toFixed(1) ?? ''} | ${t.seconds.toFixed(1)} | ${met} |`;
      }),
    ].join('\n'),
  );
  const seconds = (step: string) => times.find((t) => t.step === step)!.seconds.toFixed(0);
  timesLine.unshift(
    `\`npm run build\` ${seconds(NPM_BUILD)} s (target ${TARGETS.buildSeconds}), ` +
      `the unit tier ${seconds('npm run test:unit')} s (target ${TARGETS.unitSeconds}), ` +
      `\`npm test\` ${seconds(NPM_TEST)} s (target ${TARGETS.testSeconds})`,
  );
}
if (timesLine.length > 0) summary.push(`- ${timesLine.join('; ')}.`);

sections[0] += ` Load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`;
const markdown = sections.join('\n\n');
console.log(`${markdown}\n\n${summary.join('\n')}`);
const out = resolve(repoRoot, 'test-results/bench');
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(resolve(out, 'latest.md'), `${markdown}\n`);

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->` in a file of the repository. */
function fill(file: string, name: string, content: string): void {
  const path = resolve(repoRoot, file);
  writeFileSync(path, replaceBetween(readFileSync(path, 'utf8'), [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`], content, file));
}

if (values.save) {
  fill('docs/benchmarks.md', 'bench', markdown);
  fill('README.md', 'bench-summary', `${sections[0]}\n\n${summary.join('\n')}`);
  console.log('\ndocs/benchmarks.md and README.md updated (run `npm run format` to align the tables).');
}
