import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importedArticles, importFileText } from './library-page';
import { readerArticles, readerFileText, readerLibraryFile } from './reader-library';

const dir = mkdtempSync(join(tmpdir(), 'simlit-reader-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A reader's export: the second entry repeats the first's DOI (spelt otherwise), the third has no title. */
const BIBTEX = String.raw`
@article{zhang2020,
  title = {黄土高原土壤侵蚀与水土保持},
  author = {张, 伟 and 李, 芳},
  journal = {水土保持学报},
  year = {2020},
  doi = {10.1234/soil.1},
  abstract = {研究黄土高原坡面土壤侵蚀过程。}
}
@article{zhang2020b,
  title = {黄土高原土壤侵蚀与水土保持（重复）},
  year = {2020},
  doi = {10.1234/SOIL.1}
}
@misc{untitled,
  year = {2021},
  note = {no title at all}
}
@article{smith2019,
  title = {Geolocator tracking of seabird {M}igration},
  author = {Smith, John},
  journal = {Journal of Avian Biology},
  year = {2019},
  abstract = {Seabird migration routes from geolocator tracking.}
}
@article{chen2018,
  title = {Entanglement of superconducting qubits},
  author = {Chen, A.},
  year = {2018}
}
`;

function writeLibrary(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("a reader's own library in the benchmarks", () => {
  const file = writeLibrary('my-library.bib', BIBTEX);

  it('is named by BENCH_LIBRARY_FILE, and absent otherwise', () => {
    expect(readerLibraryFile({ BENCH_LIBRARY_FILE: file })).toBe(file);
    expect(readerLibraryFile({})).toBeUndefined();
    expect(readerLibraryFile({ BENCH_LIBRARY_FILE: '' })).toBeUndefined();
  });

  it("gives the file's first distinct articles in its order, passing over a repeated DOI and an entry with no title", () => {
    const articles = readerArticles(file, 3);
    expect(articles.map((article) => article.title)).toEqual(['黄土高原土壤侵蚀与水土保持', 'Geolocator tracking of seabird Migration', 'Entanglement of superconducting qubits']);
    expect(articles[1].author?.[0]).toMatchObject({ family: 'Smith' });
  });

  it('gives the import a CSL-JSON file of the same articles', () => {
    const items = JSON.parse(readerFileText(file, 2)) as Array<{ title: string; DOI?: string }>;
    expect(items.map((item) => item.title)).toEqual(['黄土高原土壤侵蚀与水土保持', 'Geolocator tracking of seabird Migration']);
    expect(items[0].DOI).toBe('10.1234/soil.1');
    // The library-page, Firefox and export benches take it in place of the corpus.
    expect(importFileText(2, file)).toBe(readerFileText(file, 2));
    expect(importedArticles(3, 1, file).map((article) => article.title)).toEqual(readerArticles(file, 3, 1).map((article) => article.title));
  });

  it('refuses a size the file cannot fill, and a file that is no library, saying which', () => {
    expect(() => readerArticles(file, 4)).toThrow(/my-library\.bib holds 3 distinct articles: too few for a library of 4/);
    const notALibrary = writeLibrary('notes.txt', 'shopping: milk, eggs');
    expect(() => readerArticles(notALibrary, 1)).toThrow(/notes\.txt: not a BibTeX, RIS or CSL-JSON file/);
  });
});
