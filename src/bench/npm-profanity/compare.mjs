// npm profanity filters on the input file ProfanityComparison builds, measured the way ProfanityComparison measures
// Commentguard: flag every input once (per-category counts), warm up for a third of the time, then time whole
// single-threaded passes. Each filter runs with the configuration its README recommends for English.
//
//   node compare.mjs measure <inputs.tsv> <seconds>    one JSON line per filter
//   node compare.mjs table <results.jsonl>             the README table (first line is the reference)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Read from node_modules directly: not every package exports its package.json.
const here = dirname(fileURLToPath(import.meta.url));
const version = (name) => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

async function filters() {
  const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
  const { Filter } = await import('bad-words');
  // obscenity's README: the English dataset with the recommended English transformers.
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  // bad-words' README: the default Filter (its English list), isProfane to detect.
  const badWords = new Filter();
  return [
    { filter: `obscenity ${version('obscenity')}`, config: 'RegExpMatcher, englishDataset + englishRecommendedTransformers, hasMatch',
      flags: (t) => obscenity.hasMatch(t) },
    { filter: `bad-words ${version('bad-words')}`, config: 'new Filter() (default English list), isProfane',
      flags: (t) => badWords.isProfane(t) },
  ];
}

const unescape = (s) => s.replace(/\\(.)/g, (_, e) => ({ t: '\t', r: '\r', n: '\n' })[e] ?? e);

function read(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l).map((l) => {
    const [category, label, ...rest] = l.split('\t');
    return { category, profane: label === '1', text: unescape(rest.join('\t')) };
  });
}

async function measure(file, seconds) {
  const inputs = read(file);
  for (const f of await filters()) {
    const categories = {};
    for (const i of inputs) {
      const c = (categories[i.category] ??= [0, 0]);
      if (f.flags(i.text)) c[0]++;
      c[1]++;
    }
    let sink = 0;
    const warmEnd = performance.now() + seconds * 1000 / 3;
    for (let i = 0; performance.now() < warmEnd; i++) sink += f.flags(inputs[i % inputs.length].text) ? 1 : 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    let n = 0;
    while (performance.now() < end || n === 0) {
      for (const i of inputs) sink += f.flags(i.text) ? 1 : 0;
      n += inputs.length;
    }
    const wall = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0);
    // Process CPU (user + system), which includes V8's helper threads; the Java figure is the thread's own.
    const cpu = (used.user + used.system) / 1e6;
    console.log(JSON.stringify({ filter: f.filter, config: f.config, comments: n, wallSeconds: +wall.toFixed(3),
      cpuSeconds: +cpu.toFixed(3), perSecond: +(n / wall).toFixed(1), perCpuSecond: +(n / cpu).toFixed(1),
      checksum: sink, categories }));
  }
}

function table(file) {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  const ref = rows[0];
  const pct = (c) => (c ? `${(100 * c[0] / c[1]).toFixed(1)} % (${c[0]}/${c[1]})` : '–');
  const sum = (r, profane) => Object.entries(r.categories)
    .filter(([k]) => (profane ? ['obscene-comments', 'disguised'] : ['clean-comments', 'scunthorpe-words', 'scunthorpe-names']).includes(k))
    .reduce((a, [, c]) => [a[0] + c[0], a[1] + c[1]], [0, 0]);
  const fmt = (x) => Math.round(x).toLocaleString('en-US');
  console.log('| Filter | comments/s (wall) | per CPU-second | speed vs Commentguard (wall / CPU) | catch: obscene comments | catch: disguised | '
    + 'catch: all profane | false hits: clean comments | false hits: Scunthorpe words | false hits: Scunthorpe names | false hits: all clean |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const c = r.categories;
    console.log(`| ${r.filter} | ${fmt(r.perSecond)} | ${fmt(r.perCpuSecond)} | ${(r.perSecond / ref.perSecond).toFixed(3)}× / ${(r.perCpuSecond / ref.perCpuSecond).toFixed(3)}× | `
      + `${pct(c['obscene-comments'])} | ${pct(c.disguised)} | ${pct(sum(r, true))} | ${pct(c['clean-comments'])} | `
      + `${pct(c['scunthorpe-words'])} | ${pct(c['scunthorpe-names'])} | ${pct(sum(r, false))} |`);
  }
  for (const r of rows) console.log(`  ${r.filter}: ${r.config}`);
}

const [cmd, file, seconds] = process.argv.slice(2);
if (cmd === 'measure') await measure(file, Number(seconds ?? 10));
else if (cmd === 'table') table(file);
else { console.error('usage: node compare.mjs measure <inputs.tsv> <seconds> | table <results.jsonl>'); process.exit(2); }
