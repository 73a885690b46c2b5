/**
 * At most this many items are taken from one page, against hostile or runaway lists. List
 * extractors stop reading there too, so a page of thousands of entries costs no more than this.
 */
export const MAX_ITEMS_PER_PAGE = 300;
