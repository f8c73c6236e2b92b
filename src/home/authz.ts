import { expect } from "vitest";
import { all, type OutputCase, type PageCase } from "../core/authz.js";

export const homePageCases: PageCase[] = [
  {
    path: "/",
    expect: all(200),
    check: (user, html) => {
      // A candidate government's people are told the regime's space is not theirs.
      expect(html.includes("regime papers and records are not open to your government")).toBe(
        user === "kz.candidate",
      );
      expect(html).toContain("Next meetings and deadlines");
      // The agenda is the regime's: the Canberra Plenary is on it for every Partner's people, for no one else.
      expect(html.includes("2008 Canberra Plenary")).toBe(user !== "kz.candidate");
    },
  },
];

/** What the access property reads of the home page for every generated reader. */
export const homeOutputs: OutputCase[] = [{ route: "/", path: "/" }];
