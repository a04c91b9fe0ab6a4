// Runs Mozilla Readability (on linkedom) over every page listed in a
// trafilatura-style evaldata.json and prints one JSON object with its
// throughput and, for the same scoring as `dossier eval extract`, P/R/F1.
// Usage: node extract.mjs DATA_DIR   (DATA_DIR holds evaldata.json, html/)
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const dir = process.argv[2];
const evaldata = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8'));
const pages = [];
for (const entry of Object.values(evaldata)) {
  let buf;
  try {
    buf = readFileSync(join(dir, 'html', entry.file + '.gz'));
    buf = gunzipSync(buf);
  } catch {
    try { buf = readFileSync(join(dir, 'html', entry.file)); } catch { continue; }
  }
  pages.push({ html: buf.toString('utf8'), entry });
}
let tp = 0, fn = 0, fp = 0, tn = 0, failed = 0;
const start = process.hrtime.bigint();
const texts = [];
for (const p of pages) {
  let text = '';
  try {
    const { document } = parseHTML(p.html);
    const article = new Readability(document).parse();
    text = article && article.textContent ? article.textContent : '';
  } catch {
    failed++;
  }
  texts.push(text);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const squash = (s) => s.replace(/\s+/g, ' ');
pages.forEach((p, i) => {
  const t = squash(texts[i]);
  for (const w of p.entry.with || []) (t.includes(squash(w)) ? tp++ : fn++);
  for (const w of p.entry.without || []) (t.includes(squash(w)) ? fp++ : tn++);
});
const precision = tp + fp ? tp / (tp + fp) : 0;
const recall = tp + fn ? tp / (tp + fn) : 0;
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
console.log(JSON.stringify({
  tool: 'readability+linkedom', pages: pages.length, failed, seconds,
  pages_per_second: pages.length / seconds, precision, recall,
  accuracy: (tp + tn) / (tp + tn + fp + fn), f1,
}));
