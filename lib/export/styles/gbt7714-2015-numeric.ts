/**
 * A CSL style for GB/T 7714-2015 (信息与文献 参考文献著录规则), numeric system, written for Simlit
 * from the rules and examples of the standard itself (not copied from another style). Released,
 * like the styles of the CSL project, under CC BY-SA 3.0.
 *
 * What it prints, per the standard:
 * - authors family-name first, Latin family names in capitals, given names as initials without
 *   dots ("KANAMORI H", "FRESE K S"); at most three, then the et-al term ("等" for Chinese items,
 *   "et al." for others; the caller picks the variant, see `gbt7714Style`);
 * - the document type mark after the title ([J], [M], [D], [C], [N], [R], [P], [S], [EB], [Z]),
 *   with "/OL" for online documents, which here means items that carry an `accessed` date;
 * - journal articles as `刊名, 年, 卷(期): 页码`; without a volume `刊名, 年(期): 页码`; an article
 *   number (CSL `number`) where the pages go when there are none (`2021, 12: 781`), as the
 *   journals that use them print their citations;
 * - for online documents the access date `[YYYY-MM-DD]` after the pages, then the URL;
 * - a chapter or conference paper with its book or proceedings after "//" (`题名[M]//书名.`,
 *   `题名[C]//会议录名.`); a patent, standard or report with its number after the title
 *   (`题名: GB/T 7714-2015[S]`);
 * - a preprint (CSL article): the standard has no code for it; it takes [Z] ("other"), with its
 *   server where a journal goes (`arXiv, 2021`);
 * - the DOI last as `DOI:...` whenever the item has one.
 * The "[n] " number is added by the caller: each item is rendered alone, so that Chinese and
 * other items can use their own et-al term, and numbered in the order given.
 */
export function gbt7714Style(etAlTerm: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never" default-locale="en-US">
  <info>
    <title>GB/T 7714-2015 numeric (Simlit)</title>
    <id>simlit-gbt7714-2015-numeric</id>
    <category citation-format="numeric"/>
    <updated>2026-11-30T00:00:00+00:00</updated>
    <rights license="http://creativecommons.org/licenses/by-sa/3.0/">This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License</rights>
  </info>
  <locale>
    <terms>
      <term name="et-al">${etAlTerm}</term>
      <term name="page-range-delimiter">-</term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=" " initialize-with=" " delimiter=", " delimiter-precedes-last="always" delimiter-precedes-et-al="always" et-al-min="4" et-al-use-first="3">
        <name-part name="family" text-case="uppercase"/>
      </name>
      <et-al term="et-al"/>
    </names>
  </macro>
  <macro name="type-mark">
    <group delimiter="/" prefix="[" suffix="]">
      <choose>
        <if type="article-journal article-magazine" match="any"><text value="J"/></if>
        <else-if type="article-newspaper"><text value="N"/></else-if>
        <else-if type="book chapter" match="any"><text value="M"/></else-if>
        <else-if type="paper-conference"><text value="C"/></else-if>
        <else-if type="thesis"><text value="D"/></else-if>
        <else-if type="report"><text value="R"/></else-if>
        <else-if type="patent"><text value="P"/></else-if>
        <else-if type="standard"><text value="S"/></else-if>
        <else-if type="dataset"><text value="DS"/></else-if>
        <else-if type="webpage post post-weblog" match="any"><text value="EB"/></else-if>
        <else><text value="Z"/></else>
      </choose>
      <choose>
        <if variable="accessed"><text value="OL"/></if>
      </choose>
    </group>
  </macro>
  <macro name="year-volume-issue">
    <group>
      <group delimiter=", ">
        <date variable="issued"><date-part name="year"/></date>
        <text variable="volume"/>
      </group>
      <text variable="issue" prefix="(" suffix=")"/>
    </group>
  </macro>
  <macro name="source">
    <choose>
      <if type="article-journal article-magazine article-newspaper article" match="any">
        <group delimiter=": ">
          <group delimiter=", ">
            <text variable="container-title"/>
            <text macro="year-volume-issue"/>
          </group>
          <text macro="locator"/>
        </group>
      </if>
      <else>
        <group delimiter=", ">
          <group delimiter=": ">
            <text variable="publisher-place"/>
            <text variable="publisher"/>
          </group>
          <group delimiter=": ">
            <date variable="issued"><date-part name="year"/></date>
            <text variable="page"/>
          </group>
        </group>
      </else>
    </choose>
  </macro>
  <macro name="own-number">
    <choose>
      <if type="patent standard report" match="any"><text variable="number" prefix=": "/></if>
    </choose>
  </macro>
  <macro name="host">
    <choose>
      <if type="chapter paper-conference" match="any"><text variable="container-title" prefix="//"/></if>
    </choose>
  </macro>
  <macro name="locator">
    <choose>
      <if variable="page"><text variable="page"/></if>
      <else><text variable="number"/></else>
    </choose>
  </macro>
  <macro name="accessed">
    <date variable="accessed" prefix="[" suffix="]">
      <date-part name="year"/>
      <date-part name="month" form="numeric-leading-zeros" prefix="-"/>
      <date-part name="day" form="numeric-leading-zeros" prefix="-"/>
    </date>
  </macro>
  <citation collapse="citation-number">
    <sort><key variable="citation-number"/></sort>
    <layout prefix="[" suffix="]" delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography entry-spacing="0">
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <group>
          <text variable="title"/>
          <text macro="own-number"/>
          <text macro="type-mark"/>
          <text macro="host"/>
        </group>
        <group>
          <text macro="source"/>
          <text macro="accessed"/>
        </group>
        <choose>
          <if variable="accessed"><text variable="URL"/></if>
        </choose>
        <text variable="DOI" prefix="DOI:"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
}
