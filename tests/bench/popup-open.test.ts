import { describe, expect, it } from 'vitest';
import { formatPopupOpenFigures, type PopupOpenFigures } from './popup-open';

const figures: PopupOpenFigures = {
  articles: 50000,
  vocabulary: 'sources',
  fillMs: 69_875,
  firstBuildMs: 23_554,
  coldShellMs: [345, 327, 298],
  coldShownMs: [416, 377, 369],
  coldFreshMs: [416, 377, 369],
  coldWordsMs: [497, 468, 457],
  coldBackgroundMs: [770, 746, 729],
  coldAfterOtherTabMs: [403, 436, 394],
  coldUnseenChangeMs: [846, 802, 827],
  warmMs: [211, 198, 223],
  coldFloorMs: [242, 224, 206],
  restarted: { capturedMs: [740, 740, 609], freshMs: [463, 444, 465], floorMs: [247, 288, 300], floorFirstMs: [380, 402, 371] },
};

describe('the popup benchmark', () => {
  it('gives the medians of the cold openings and the floor the current answer is measured beyond', () => {
    const text = formatPopupOpenFigures(figures);
    expect(text).toContain('popup in Chromium, 50000 articles:');
    expect(text).toContain('cold start, current answer (kept with the capture, the library unchanged since): p50 377 ms (runs 416, 377, 369)');
    expect(text).toContain("the popup's current answer beyond it: p50 163 ms");
    expect(text).toContain("the background's answer: p50 827 ms (runs 846, 802, 827)");
  });

  it("gives the restarts: the page's capture, the popup's current answer, the static page opened next and opened instead", () => {
    const text = formatPopupOpenFigures(figures);
    expect(text).toContain(
      "in a browser started again on the library's profile, the article page opened first thing: captured after p50 740 ms (runs 740, 740, 609; the bench's clock, polled); the popup opened then, current answer: p50 463 ms (runs 463, 444, 465); the static page opened next: p50 288 ms (runs 247, 288, 300); in restarts of its own, the static page opened instead of the popup: p50 380 ms (runs 380, 402, 371)",
    );
  });
});
