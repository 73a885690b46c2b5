/**
 * The side-by-side benchmark's adapters and statistics: every engine finds the obvious neighbour
 * in a tiny library (built from records, from tokens, and after a save and load), and the
 * runner's min / median / p95 / ratio are right. Behaviour only: no timings.
 */
import { describe, expect, it } from 'vitest';
import type { RankableArticle } from '../../../lib/ranking/article-terms';
import { tokenizedArticle, withoutSelf } from './engine';
import { ENGINES } from './engines';
import { formatPeerTables, type PeerResults } from './run';
import type { SpeedFigures } from './measure';
import { latency, ratio, summarize } from './stats';

/** Pairs on one topic each, in both languages: each article's nearest is its pair. */
const LIBRARY: RankableArticle[] = [
  { id: 'soil-1', title: '黄土高原土壤侵蚀与水土保持', keyword: '土壤侵蚀; 水土保持', abstract: '研究黄土高原坡面土壤侵蚀过程，分析植被覆盖对水土流失和泥沙输移的影响。' },
  { id: 'soil-2', title: '坡面植被覆盖对土壤侵蚀的影响', keyword: '土壤侵蚀; 植被覆盖', abstract: '通过径流小区观测黄土坡面的水土流失与泥沙，植被覆盖显著减少土壤侵蚀。' },
  { id: 'opera-1', title: '京剧唱腔的艺术特色', keyword: '京剧; 唱腔', abstract: '本文讨论京剧唱腔的板式、行当与流派，以及梅兰芳表演艺术的传承。' },
  { id: 'opera-2', title: '梅兰芳京剧表演艺术研究', keyword: '京剧; 表演艺术', abstract: '梅兰芳的京剧表演融合唱腔与身段，其流派艺术影响了京剧行当的发展。' },
  { id: 'quantum-1', title: 'Entanglement of superconducting qubits in quantum circuits', keyword: 'qubit; entanglement', abstract: 'We entangle superconducting transmon qubits coupled through a microwave resonator and measure gate fidelity of the quantum circuit.' },
  { id: 'quantum-2', title: 'High fidelity gates for superconducting transmon qubits', keyword: 'qubit; quantum gate', abstract: 'Two transmon qubits coupled by a resonator reach high gate fidelity; entanglement of the superconducting circuit is verified.' },
  { id: 'bird-1', title: 'Migration routes of arctic terns', keyword: 'bird migration; tern', abstract: 'Arctic terns tracked with geolocators fly the longest migration of any bird, following wind patterns across the ocean.' },
  { id: 'bird-2', title: 'Geolocator tracking of seabird migration', keyword: 'bird migration; geolocator', abstract: 'Seabird migration routes from geolocator tracking show terns follow ocean wind patterns on their migration.' },
];

/** soil-1 ↔ soil-2 and so on. */
const pairOf = (id: string): string => id.replace(/\d$/, (n) => (n === '1' ? '2' : '1'));

describe('peer engine adapters', () => {
  for (const engine of ENGINES) {
    describe(engine.name, () => {
      it('finds each article’s pair first, never the article itself, built from records', async () => {
        const index = await engine.buildFromRecords(LIBRARY);
        for (const article of LIBRARY) {
          const similar = index.moreLikeThis(article, 3);
          expect(similar[0], article.id).toBe(pairOf(article.id));
          expect(similar).not.toContain(article.id);
          expect(similar.length).toBeLessThanOrEqual(3);
        }
      });

      it('answers the same after a save and a load, and says how large the saved index is', async () => {
        const built = await engine.buildFromRecords(LIBRARY);
        const saved = await built.save();
        expect(saved.bytes).toBeGreaterThan(0);
        const loaded = await engine.load(saved);
        for (const article of LIBRARY) expect(loaded.moreLikeThis(article, 5)).toEqual(built.moreLikeThis(article, 5));
      });

      const buildFromTokens = engine.buildFromTokens;
      if (buildFromTokens) {
        it('finds the same pairs built from pre-tokenized terms', async () => {
          const index = await buildFromTokens(LIBRARY.map(tokenizedArticle));
          for (const article of LIBRARY) expect(index.moreLikeThis(article, 3)[0], article.id).toBe(pairOf(article.id));
        });
      }
    });
  }

  it('every engine can be built from tokens', () => {
    expect(ENGINES.filter((engine) => !engine.buildFromTokens).map((engine) => engine.name)).toEqual([]);
  });

  it('leaves the query article out and stops at the limit', () => {
    expect(withoutSelf(['a', 'q', 'b', 'c'], 'q', 2)).toEqual(['a', 'b']);
    expect(withoutSelf([1, 2], '1', 5)).toEqual(['2']);
  });
});

describe('peer benchmark statistics', () => {
  it('summarizes repeats as min and median, leaving out runs without the figure', () => {
    expect(summarize([30, 10, 20])).toEqual({ min: 10, median: 20, runs: 3 });
    expect(summarize([5, undefined, 7, 6])).toEqual({ min: 5, median: 6, runs: 3 });
    expect(summarize([undefined])).toBeUndefined();
  });

  it('gives p50 and p95 of query times', () => {
    const times = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, shuffled order
    expect(latency(times)).toEqual({ p50: 51, p95: 96 });
    expect(latency([4])).toEqual({ p50: 4, p95: 4 });
  });

  it('gives ratios to Simlit, none without both figures', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(5, 10)).toBe(0.5);
    expect(ratio(5, undefined)).toBeUndefined();
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(5, 0)).toBeUndefined();
  });

  it('writes min / median and the ratio of medians to Simlit in the table', () => {
    const run = (build: number, p50: number, tokens?: number): SpeedFigures => ({
      'build from records ms': build,
      ...(tokens === undefined ? {} : { 'build from tokens ms': tokens }),
      'heap MB': 10,
      'saved MB': 2,
      'save ms': 100,
      'load ms': 50,
      'more-like-this p50 ms': p50,
      'more-like-this p95 ms': p50 * 2,
      'first question ms': p50 * 10,
      'first questions mean ms': p50 * 3,
      'load and first question ms': 50 + p50 * 10,
    });
    const results: PeerResults = {
      date: '',
      node: '',
      versions: {},
      load: [],
      repeats: 3,
      queries: 10,
      methods: { Simlit: '', MiniSearch: '' },
      speed: { '1000': { Simlit: [run(2000, 1), run(1000, 2), run(3000, 3)], MiniSearch: [run(4000, 4, 500), run(4000, 4, 700), run(4000, 4, 600)] } },
      quality: { Simlit: { 'dev-zh': 0.278, 'dev-en': 0.384 }, MiniSearch: { 'dev-zh': 0.2296, 'dev-en': 0.3552 } },
    };
    const table = formatPeerTables(results);
    expect(table).toContain('| 1,000 articles (3 runs) | Simlit | MiniSearch |');
    expect(table).toContain('| build from records (tokenizing included) | 1.0 s / 2.0 s | 4.0 s (×2.00) |');
    expect(table).toContain('| build from tokens (the same terms for all) | no entry | 500 ms / 600 ms |');
    expect(table).toContain('| more-like-this p50 / p95 (warm) | 2.00 ms / 4.00 ms | 4.00 ms / 8.00 ms (×2.00) |');
    expect(table).toContain('| after the load: first question / mean of the first 10 | 20.0 ms / 6.00 ms | 40.0 ms / 12.0 ms (×2.00) |');
    expect(table).toContain("| load and first question (a start's first answer) | 60.0 ms / 70.0 ms | 90.0 ms (×1.29) |");
    expect(table).toContain('| dev-zh | 0.278 | 0.230 |');
    expect(table).toContain('| mean of the sets | 0.331 | 0.292 |');
    // A run stopped part way: the header says so, and each cell reads the runs it has.
    const stopped = formatPeerTables({ ...results, speed: { '5000': { Simlit: [run(1000, 1), run(3000, 1)], MiniSearch: [run(4000, 2)] } } });
    expect(stopped).toContain('| 5,000 articles (1–2 runs) | Simlit | MiniSearch |');
    expect(stopped).toContain('| build from records (tokenizing included) | 1.0 s / 3.0 s | 4.0 s (×1.33) |');
    // Rounding that reaches the next unit reads in it: 9,996 ms reads "10 s" as 10,200 ms does, 99.96 ms "100 ms".
    const rounded = formatPeerTables({ ...results, speed: { '5000': { Simlit: [run(9_996, 99.96)], MiniSearch: [run(10_200, 9.996)] } } });
    expect(rounded).toContain('| build from records (tokenizing included) | 10 s | 10 s (×1.02) |');
    expect(rounded).toContain('| more-like-this p50 / p95 (warm) | 100 ms / 200 ms | 10.0 ms / 20.0 ms (×0.10) |');
    // A library's vocabulary growth is said in each size's header.
    expect(formatPeerTables({ ...results, vocabulary: 'growing' })).toContain("| 1,000 articles, a library's vocabulary (3 runs) | Simlit | MiniSearch |");
    // So is a reader's own library file, by its name.
    expect(formatPeerTables({ ...results, libraryFile: '/home/reader/zotero-export.bib' })).toContain('| 1,000 articles of zotero-export.bib (3 runs) | Simlit | MiniSearch |');
  });
});
