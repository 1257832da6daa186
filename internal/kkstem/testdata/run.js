// run.js is the JavaScript side of the Go test TestJSParity: it reads
// {"words": [...], "texts": [...]} as JSON on stdin, runs
// static/js/kkstem.js over them, and writes
// {"fold": [...], "stem": [...], "tokens": [[...], ...]} as JSON on stdout,
// one entry per input, in order.
'use strict';

const path = require('path');
const kk = require(path.join(__dirname, '..', '..', '..', 'static', 'js', 'kkstem.js'));

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const out = {
    fold: input.words.map(kk.fold),
    stem: input.words.map(kk.stem),
    tokens: input.texts.map(kk.tokens),
  };
  process.stdout.write(JSON.stringify(out));
});
