import { describe, expect, it } from 'vitest';
import { platformName, typeName } from '@/components/library/labels';
import { EXTRACTORS } from '@/lib/extractors/registry';
import { translator } from '@/lib/i18n';
import { IMPORT_PLATFORM } from '@/lib/model/article';
import { CSL_TYPES } from '@/lib/model/edit-fields';

describe('names the reader sees for stored codes', () => {
  it('names every extractor\'s platform in both languages, so no id ("meta", "qinyun") reaches the interface', () => {
    for (const locale of ['en', 'zh_CN'] as const) {
      const { t } = translator(locale);
      for (const id of [...EXTRACTORS.map((extractor) => extractor.id), IMPORT_PLATFORM, '']) {
        const name = platformName(id, t);
        expect(name, id).not.toBe(id);
        expect(name, id).not.toMatch(/^library/);
      }
    }
    const { t } = translator('zh_CN');
    expect(['cnki', 'wanfang', 'cqvip', 'qinyun', 'magtech'].map((id) => platformName(id, t))).toEqual(['知网', '万方', '维普', '勤云期刊系统', '玛格泰克期刊系统']);
  });

  it('names every CSL type the editor offers, and leaves an unknown one as it is', () => {
    const { t } = translator('zh_CN');
    expect(typeName('article-journal', t)).toBe('期刊文章');
    for (const type of CSL_TYPES) expect(typeName(type, t)).not.toBe(type);
    expect(typeName('interview', t)).toBe('interview');
  });
});
