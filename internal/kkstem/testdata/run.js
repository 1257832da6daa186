// run.js is the JavaScript side of the Go test TestJSParity. It has two modes.
//
//   node run.js < input.json
//     reads {"words": [...], "texts": [...]}, runs static/js/kkstem.js over
//     them and writes {"fold": [...], "stem": [...], "tokens": [[...], ...]},
//     one entry per input, in order; Go compares them with its own.
//
//   node run.js --check vectors.json
//     checks kkstem.js against the expected values of the shared vectors on
//     its own (stems, folds, tokens, families, apart pairs); exits 1 and
//     lists the failures if any.
'use strict';

const fs = require('fs');
const path = require('path');
const kk = require(path.join(__dirname, '..', '..', '..', 'static', 'js', 'kkstem.js'));

function check(file) {
  const v = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fails = [];
  for (const c of v.vectors) {
    if (kk.stem(c.word) !== c.stem) fails.push(`stem(${c.word}) = ${kk.stem(c.word)}, want ${c.stem}`);
  }
  for (const c of v.folds) {
    if (kk.fold(c.word) !== c.fold) fails.push(`fold(${c.word}) = ${kk.fold(c.word)}, want ${c.fold}`);
  }
  for (const c of v.tokens) {
    const got = JSON.stringify(kk.tokens(c.text));
    if (got !== JSON.stringify(c.tokens)) fails.push(`tokens(${c.text}) = ${got}, want ${JSON.stringify(c.tokens)}`);
  }
  for (const f of v.families) {
    const keys = new Set(f.words.map(kk.stem));
    if (keys.size !== 1) fails.push(`family ${f.name}: keys ${[...keys].join(', ')}`);
  }
  for (const a of v.apart) {
    if (kk.stem(a.a) === kk.stem(a.b)) fails.push(`apart ${a.a}/${a.b}: both ${kk.stem(a.a)}`);
  }
  if (fails.length > 0) {
    process.stderr.write(fails.join('\n') + '\n');
    process.exit(1);
  }
  process.stdout.write(`ok: ${v.vectors.length} stems, ${v.folds.length} folds, ${v.tokens.length} texts, ` +
    `${v.families.length} families, ${v.apart.length} apart pairs\n`);
}

function compare() {
  const chunks = [];
  process.stdin.on('data', (c) => chunks.push(c));
  process.stdin.on('end', () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    process.stdout.write(JSON.stringify({
      fold: input.words.map((w) => kk.fold(w)),
      stem: input.words.map((w) => kk.stem(w)),
      tokens: input.texts.map((t) => kk.tokens(t)),
    }));
  });
}

if (process.argv[2] === '--check') {
  check(process.argv[3]);
} else {
  compare();
}
