import { describe, expect, it } from "vitest";
import { pageOf } from "../../src/domain/paging.js";

describe("pages", () => {
  const items = Array.from({ length: 143 }, (_, i) => i + 1);

  it("counts the items shown against all", () => {
    expect(pageOf(items, 0, 20)).toMatchObject({ from: 1, to: 20, total: 143, pages: 8, page: 0 });
    const last = pageOf(items, 7, 20);
    expect(last).toMatchObject({ from: 141, to: 143, page: 7 });
    expect(last.items).toEqual([141, 142, 143]);
  });

  it("shows the nearest page for a page out of range (a stale button)", () => {
    expect(pageOf(items, 99, 20).page).toBe(7);
    expect(pageOf(items, -3, 20).page).toBe(0);
    expect(pageOf([], 5, 20)).toMatchObject({ items: [], page: 0, pages: 1, from: 0, to: 0, total: 0 });
  });
});
