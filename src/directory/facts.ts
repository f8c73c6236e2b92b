import type { GovernmentStatus } from "../core/access/reader.js";

/** Public facts: the MTCR's Partners and their year of admission, candidates and non-Partners. */
export interface GovernmentFact {
  code: string;
  name: string;
  status: GovernmentStatus;
  admittedYear?: number;
  admittedOn?: string;
  admissionNote?: string;
  ladderId?: string;
  pointOfContact?: boolean;
}

const partners = (year: number, list: [string, string][]): GovernmentFact[] =>
  list.map(([code, name]) => ({ code, name, status: "partner", admittedYear: year }));

export const GOVERNMENTS: readonly GovernmentFact[] = [
  ...partners(1987, [
    ["CA", "Canada"],
    ["FR", "France"],
    ["DE", "Germany"],
    ["IT", "Italy"],
    ["JP", "Japan"],
    ["GB", "United Kingdom"],
    ["US", "United States"],
  ]),
  ...partners(1990, [
    ["AU", "Australia"],
    ["BE", "Belgium"],
    ["DK", "Denmark"],
    ["LU", "Luxembourg"],
    ["NL", "Netherlands"],
    ["NO", "Norway"],
    ["ES", "Spain"],
  ]),
  ...partners(1991, [
    ["AT", "Austria"],
    ["FI", "Finland"],
    ["NZ", "New Zealand"],
    ["SE", "Sweden"],
  ]),
  ...partners(1992, [
    ["GR", "Greece"],
    ["IE", "Ireland"],
    ["PT", "Portugal"],
    ["CH", "Switzerland"],
  ]),
  ...partners(1993, [
    ["AR", "Argentina"],
    ["HU", "Hungary"],
    ["IS", "Iceland"],
  ]),
  ...partners(1995, [
    ["BR", "Brazil"],
    ["RU", "Russian Federation"],
    ["ZA", "South Africa"],
  ]),
  ...partners(1997, [
    ["PL", "Poland"],
    ["TR", "Turkey"],
  ]),
  ...partners(1998, [
    ["CZ", "Czech Republic"],
    ["UA", "Ukraine"],
  ]),
  ...partners(2001, [["KR", "Republic of Korea"]]),
  ...partners(2004, [["BG", "Bulgaria"]]),
  { code: "IN", name: "India", status: "partner", admittedYear: 2016, admittedOn: "2016-06-27" },
  { code: "KZ", name: "Kazakhstan", status: "candidate" },
  { code: "CN", name: "China", status: "non_partner" },
  { code: "IL", name: "Israel", status: "non_partner" },
  { code: "PK", name: "Pakistan", status: "non_partner" },
].map((g): GovernmentFact => {
  const extra: Partial<GovernmentFact> = {};
  if (g.code === "AU") extra.admissionNote = "some sources: 1991";
  if (g.code === "PL") extra.admissionNote = "some sources: 1998";
  if (g.code === "FR") extra.pointOfContact = true;
  if (["US", "FR", "DE", "GB"].includes(g.code)) extra.ladderId = g.code.toLowerCase();
  return { ...g, ...extra } as GovernmentFact;
});
