import { runScrapeBench } from './scrape';
const figures = runScrapeBench();
const seed = figures.filter((f) => f.page.startsWith('shared/'));
const real = figures.filter((f) => f.page.startsWith('real/'));
for (const f of figures) console.log(`${f.page}\t${f.items}\t${f.medianMs}`);
console.log('SEED', seed.map((f) => f.medianMs).join(','));
console.log('REALSUM', real.reduce((s, f) => s + f.medianMs, 0).toFixed(2));
