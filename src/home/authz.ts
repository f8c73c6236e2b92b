import { expect } from "vitest";
import { all, type PageCase } from "../core/authz.js";

export const homePageCases: PageCase[] = [
  {
    path: "/",
    expect: all(200),
    check: (user, html) => {
      // A candidate government's people are told the regime's space is not theirs.
      expect(html.includes("regime papers and records are not open to your government")).toBe(
        user === "kz.candidate",
      );
    },
  },
];
