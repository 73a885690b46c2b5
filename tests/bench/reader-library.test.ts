import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importedArticles, importFileText } from './library-page';
import { readerArticles, readerFileText, readerLibraryFile } from './reader-library';

const dir = mkdtempSync(join(tmpdir(), 'simlit-reader-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A reader's export: the second entry repeats the first's DOI (spelt otherwise), the third has no
 * title, the sixth repeats the fourth's title (cased and stopped otherwise, no DOI), the next two
 * share a title and have DOIs of their own, the last two have titles too short to identify them.
 */
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
@article{smith2019again,
  title = {Geolocator Tracking of Seabird Migration.},
  year = {2019}
}
@article{editorial1,
  title = {Editorial},
  year = {2020},
  doi = {10.1234/editorial.1}
}
@article{editorial2,
  title = {Editorial},
  year = {2021},
  doi = {10.1234/editorial.2}
}
@article{essay1,
  title = {走第三条路}
}
@article{essay2,
  title = {迷狂的北京}
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

  it('passes over an entry the import would merge by its title, not two articles of one title with DOIs of their own', () => {
    const articles = readerArticles(file, 5);
    expect(articles.map((article) => article.title)).toEqual(['黄土高原土壤侵蚀与水土保持', 'Geolocator tracking of seabird Migration', 'Entanglement of superconducting qubits', 'Editorial', 'Editorial']);
    expect(articles.map((article) => article.DOI)).toEqual(['10.1234/soil.1', undefined, undefined, '10.1234/editorial.1', '10.1234/editorial.2']);
  });

  it('numbers the id of an article that nothing identifies, as the import does, so that a library written directly holds both', () => {
    // Bare short titles (no author, year or journal): not even their whole record identifies them.
    const articles = readerArticles(file, 7);
    expect(articles.slice(5).map((article) => article.title)).toEqual(['走第三条路', '迷狂的北京']);
    expect(articles[6].id).toBe(`${articles[5].id}-2`);
    expect(new Set(articles.map((article) => article.id)).size).toBe(7);
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
    expect(() => readerArticles(file, 8)).toThrow(/my-library\.bib holds 7 distinct articles: too few for a library of 8/);
    const notALibrary = writeLibrary('notes.txt', 'shopping: milk, eggs');
    expect(() => readerArticles(notALibrary, 1)).toThrow(/notes\.txt: not a BibTeX, RIS or CSL-JSON file/);
  });
});
