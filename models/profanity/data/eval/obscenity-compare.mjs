// Runs the npm package `obscenity` on the same inputs as ProfanityEvaluation and prints its catch and false-hit rates.
// Usage: mkdir /tmp/obs && cd /tmp/obs && npm install obscenity@0.4.6
//        NODE_PATH=/tmp/obs/node_modules node models/profanity/data/eval/obscenity-compare.mjs
// (obscenity is not a dependency of Commentguard: install it in a temporary folder.)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(process.env.NODE_PATH || process.cwd(), 'x.js'));
const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = require('obscenity');
const here = dirname(fileURLToPath(import.meta.url));
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const lines = (f) => readFileSync(join(here, f), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const perFamily = {};
let caught = 0, total = 0, subCaught = 0, subTotal = 0;
// obscenity's own root words, as ProfanityEvaluation reads them (lexicon terms are lower-case canonical forms)
const own = new Set(JSON.parse(readFileSync(join(here, '..', 'obscenity-0.4.6_english-dataset.json'), 'utf8'))
  .map((w) => w.originalWord.toLowerCase()));
for (const line of lines('disguised.tsv')) {
  const [family, term, text] = line.split('\t');
  const vb = 'well '.length, ve = text.length - ' then'.length;
  // obscenity reports start/end indices (end inclusive) in the input string
  const hit = matcher.getAllMatches(text).some((m) => m.startIndex < ve && m.endIndex + 1 > vb);
  perFamily[family] ??= [0, 0];
  perFamily[family][1]++;
  total++;
  if (hit) { perFamily[family][0]++; caught++; }
  if (own.has(term)) { subTotal++; if (hit) subCaught++; }
}
let flagged = 0, words = 0;
for (const w of lines('clean-words.txt')) {
  words++;
  if (matcher.hasMatch(w)) flagged++;
}
const pct = (a, b) => (100 * a / b).toFixed(2) + '%';
console.log(`obscenity: catch rate ${pct(caught, total)} (${caught}/${total})`);
console.log(`  on obscenity's own root words: ${pct(subCaught, subTotal)} (${subCaught}/${subTotal})`);
for (const [f, [c, t]] of Object.entries(perFamily).sort()) console.log(`  ${f.padEnd(11)} ${pct(c, t)} (${c}/${t})`);
console.log(`obscenity: false-hit rate on clean words ${pct(flagged, words)} (${flagged}/${words})`);
