import { describe, expect, it } from 'vitest';
import { displayName, parseName, parseNames, splitAuthorLine } from '@/lib/text/names';

describe('parseName', () => {
  it('keeps Chinese names whole and drops affiliation marks', () => {
    expect(parseName('欧阳明')).toEqual({ literal: '欧阳明' });
    expect(parseName('刘杰1,2*')).toEqual({ literal: '刘杰' });
    expect(parseName('王 立志')).toEqual({ literal: '王立志' });
  });

  it('splits "Family, Given" and "Given Family"', () => {
    expect(parseName('Heibi, Ivan')).toEqual({ family: 'Heibi', given: 'Ivan' });
    expect(parseName('Emma K Quinn')).toEqual({ family: 'Quinn', given: 'Emma K' });
    expect(parseName('Plato')).toEqual({ literal: 'Plato' });
  });

  it('reads PubMed\'s "Family Initials"', () => {
    expect(parseName('Powell DJ')).toEqual({ family: 'Powell', given: 'D. J.' });
    expect(parseName('Moss-Morris R')).toEqual({ family: 'Moss-Morris', given: 'R.' });
    expect(parseName('Da Silva AB')).toEqual({ family: 'Da Silva', given: 'A. B.' });
    expect(parseName('Dupont J-P')).toEqual({ family: 'Dupont', given: 'J.-P.' });
  });

  it('keeps name particles with the family name', () => {
    expect(parseName('Lieselotte Vande Walle')).toEqual({ family: 'Vande Walle', given: 'Lieselotte' });
    expect(parseName('Nina Van Opdenbosch')).toEqual({ family: 'Van Opdenbosch', given: 'Nina' });
    expect(parseName('Geert van Loo')).toEqual({ family: 'van Loo', given: 'Geert' });
    expect(parseName('Jean de la Fontaine')).toEqual({ family: 'de la Fontaine', given: 'Jean' });
    // A particle-like given name is not moved: "Van Morrison" has no given name before it.
    expect(parseName('Van Morrison')).toEqual({ family: 'Morrison', given: 'Van' });
  });

  it('drops generational suffixes', () => {
    expect(parseName('Martin Luther King Jr.')).toEqual({ family: 'King', given: 'Martin Luther' });
    expect(parseName('King, Jr.')).toEqual({ literal: 'King' });
  });

  it('returns nothing for empty text', () => {
    expect(parseName('  ,; ')).toBeUndefined();
  });
});

describe('parseName on Chinese platforms (a name order given)', () => {
  it('takes the family name first where the platform prints it so (CNKI\'s Chinese records)', () => {
    expect(parseName('Shcheretskiy Volodymyr', 'family-first')).toEqual({ family: 'Shcheretskiy', given: 'Volodymyr' });
    expect(parseName('Shcheretskiy Volodymyr', 'given-first')).toEqual({ family: 'Volodymyr', given: 'Shcheretskiy' });
  });

  it('keeps the name whole where the order cannot be told', () => {
    expect(parseName('Yoshua Bengio', 'unknown')).toEqual({ literal: 'Yoshua Bengio' });
    expect(parseName('Lei Ji', 'unknown')).toEqual({ literal: 'Lei Ji' });
    expect(parseName('张伟', 'unknown')).toEqual({ literal: '张伟' });
  });

  it('reads the family name from capitals, whatever the order', () => {
    expect(parseName('GARDNER Leroy', 'given-first')).toEqual({ family: 'GARDNER', given: 'Leroy' });
    expect(parseName('Chengpeng XUE', 'family-first')).toEqual({ family: 'XUE', given: 'Chengpeng' });
    expect(parseName('Shengyong PANG', 'unknown')).toEqual({ family: 'PANG', given: 'Shengyong' });
    // Capitals all through tell nothing.
    expect(parseName('WANG LI', 'unknown')).toEqual({ literal: 'WANG LI' });
  });

  it('reads initials as the given name, also glued to the family name or after a comma', () => {
    expect(parseName('Y LeCun', 'unknown')).toEqual({ family: 'LeCun', given: 'Y' });
    expect(parseName('Powell DJ', 'family-first')).toEqual({ family: 'Powell', given: 'DJ' });
    expect(parseName('DJ Powell', 'family-first')).toEqual({ family: 'Powell', given: 'DJ' });
    expect(parseName('L.F.Shampine', 'unknown')).toEqual({ family: 'Shampine', given: 'L.F.' });
    expect(parseName('Shampine,L.F.', 'unknown')).toEqual({ family: 'Shampine', given: 'L.F.' });
  });

  it('reads a common pinyin family name at one end as the family name', () => {
    expect(parseName('Yi-feng Wang', 'family-first')).toEqual({ family: 'Wang', given: 'Yi-feng' });
    expect(parseName('Wang Yifeng', 'given-first')).toEqual({ family: 'Wang', given: 'Yifeng' });
    expect(parseName('liqing Wang', 'unknown')).toEqual({ family: 'Wang', given: 'liqing' });
    // Both parts can be family names ("Lei", "Ji"): the platform's order decides.
    expect(parseName('Lei Ji', 'given-first')).toEqual({ family: 'Ji', given: 'Lei' });
    expect(parseName('Sergei Remennik', 'given-first')).toEqual({ family: 'Remennik', given: 'Sergei' });
  });

  it('leaves names read without an order as they were (PubMed initials)', () => {
    expect(parseName('Powell DJ')).toEqual({ family: 'Powell', given: 'D. J.' });
  });
});

describe('parseNames', () => {
  it('reads the names of one record in the order the names that show it tell', () => {
    expect(parseNames(['Zhang Wei', 'Li Na'], 'given-first')).toEqual([
      { family: 'Zhang', given: 'Wei' },
      { family: 'Li', given: 'Na' },
    ]);
    expect(parseNames(['Kai Yu', 'Yuan Zhao', 'Sergei Remennik'], 'family-first')).toEqual([
      { family: 'Yu', given: 'Kai' },
      { family: 'Zhao', given: 'Yuan' },
      { family: 'Remennik', given: 'Sergei' },
    ]);
    expect(parseNames(['Yoshua Bengio', 'Y LeCun'], 'unknown')[0]).toEqual({ family: 'Bengio', given: 'Yoshua' });
  });

  it('falls back on the platform\'s order when the names tell nothing or disagree', () => {
    expect(parseNames(['刘莉', 'Shcheretskiy Volodymyr'], 'family-first')[1]).toEqual({ family: 'Shcheretskiy', given: 'Volodymyr' });
    expect(parseNames(['Wang Yifeng', 'Kai Yu', 'Yoshua Bengio'], 'unknown')[2]).toEqual({ literal: 'Yoshua Bengio' });
  });

  it('reads names as printed without an order, dropping empty ones', () => {
    expect(parseNames(['Powell DJ', ' ; ', 'Geert van Loo'])).toEqual([
      { family: 'Powell', given: 'D. J.' },
      { family: 'van Loo', given: 'Geert' },
    ]);
  });
});

describe('splitAuthorLine', () => {
  it('splits Chinese lines on any separator and Latin lines on commas or semicolons', () => {
    expect(splitAuthorLine('刘杰，李秀英、王超娜 等')).toEqual(['刘杰', '李秀英', '王超娜']);
    expect(splitAuthorLine('Ivan Heibi, Silvio Peroni and David Shotton')).toEqual(['Ivan Heibi', 'Silvio Peroni', 'David Shotton']);
    expect(splitAuthorLine('Smith, John; Doe, Jane')).toEqual(['Smith, John', 'Doe, Jane']);
  });
});

describe('displayName', () => {
  it('prints given before family', () => {
    expect(displayName({ family: 'van Loo', given: 'Geert' })).toBe('Geert van Loo');
    expect(displayName({ literal: '刘杰' })).toBe('刘杰');
  });
});
