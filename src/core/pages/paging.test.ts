import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageParam, paging } from "./paging.js";

describe("paging a long list", () => {
  it("279 results at 50 a page: six pages, the second showing 51 to 100", () => {
    const p = paging(279, 2, 50);
    expect(p).toMatchObject({ page: 2, pages: 6, offset: 50, first: 51, last: 100 });
    expect(p.links).toEqual([1, 2, 3, null, 6]);
    expect(paging(279, 6, 50)).toMatchObject({ first: 251, last: 279, links: [1, null, 5, 6] });
  });
  it("an empty list is one page showing nothing", () => {
    expect(paging(0, 1, 50)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, links: [1] });
  });
  it("a page past the end shows the last; a gap of one page is shown as its number", () => {
    expect(paging(120, 99, 50).page).toBe(3);
    expect(paging(500, 4, 50).links).toEqual([1, 2, 3, 4, 5, null, 10]);
  });
  it("reads ?page= as typed, anything odd being the first page", () => {
    expect(["2", "", "x", "-3", "0", "1e3", "9999999"].map((v) => pageParam(v))).toEqual([
      2, 1, 1, 1, 1, 1, 1,
    ]);
    expect(pageParam(undefined)).toBe(1);
  });
  it("every row is on exactly one page, and the links hold the first, the last and the current page", () => {
    fc.assert(
      fc.property(
        fc.nat(2000),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: -5, max: 200 }),
        (total, per, asked) => {
          const p = paging(total, asked, per);
          expect(p.page).toBeGreaterThanOrEqual(1);
          expect(p.page).toBeLessThanOrEqual(p.pages);
          expect(p.last - p.first + (total ? 1 : 0)).toBeLessThanOrEqual(per);
          expect(p.links).toContain(1);
          expect(p.links).toContain(p.pages);
          expect(p.links).toContain(p.page);
          const numbers = p.links.filter((n): n is number => n !== null);
          expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
          let rows = 0;
          for (let n = 1; n <= p.pages; n++) {
            const q = paging(total, n, per);
            rows += q.total ? q.last - q.first + 1 : 0;
          }
          expect(rows).toBe(total);
        },
      ),
      { numRuns: 200 },
    );
  });
});
