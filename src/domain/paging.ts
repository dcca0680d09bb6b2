// Every list a person sees comes in pages, with a count («1–20 из 143»).

export interface Page<T> {
  items: T[];
  /** The page shown, 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown; 0 and 0 for an empty list. */
  from: number;
  to: number;
  total: number;
}

/** The page `page` of `items`, `size` per page; a page out of range shows the nearest one. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  const start = p * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: p, pages, from: total ? start + 1 : 0, to: start + slice.length, total };
}
