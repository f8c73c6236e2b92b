/**
 * The regime profile: the kinds of meeting a regime holds and the deadline rules it starts with.
 * Plenary models the MTCR of 2008; another regime's profile would list its own kinds and rules.
 */

export const MEETING_KINDS = ["poc", "rpoc", "plenary", "tem", "ie", "leem", "twg"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface MeetingKindProfile {
  label: string;
  short: string;
  /** An experts meeting: its chair may schedule it, and it may be held in conjunction with a Plenary. */
  experts: boolean;
}

export const MEETING_STATUSES = [
  "proposed",
  "provisionally_agreed",
  "confirmed",
  "held",
  "cancelled",
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  proposed: "proposed",
  provisionally_agreed: "provisionally agreed",
  confirmed: "confirmed",
  held: "held",
  cancelled: "cancelled",
};

export const AGREEMENT_STATES = [
  "requested",
  "provisionally_agreed",
  "agreed",
  "not_agreed",
  "withdrawn",
] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const AGREEMENT_LABELS: Record<AgreementState, string> = {
  requested: "Partner agreement requested",
  provisionally_agreed: "provisionally agreed by the Partners",
  agreed: "agreed by the Partners",
  not_agreed: "not agreed",
  withdrawn: "withdrawn",
};

export const DOCUMENT_KINDS = [
  "plenary_proposal",
  "tem_proposal",
  "ie_paper",
  "leem_presentation",
  "enactment_update",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  plenary_proposal: "Plenary proposals",
  tem_proposal: "TEM proposals",
  ie_paper: "IE papers and presentations",
  leem_presentation: "LEEM presentations",
  enactment_update: "Enactment matrix updates",
};

export interface DeadlineRuleProfile {
  code: string;
  documentKind: DocumentKind;
  /** Every meeting of this kind is an anchor (or, with `anchorMeeting`, one meeting only). */
  anchorKind: MeetingKind;
  anchorDay: "first" | "last";
  offset: { amount: number; unit: "weeks" | "days" } | null;
  /** For "by a set date" rules: the last day (inclusive) in the anchor meeting's time zone. */
  fixedDay: string | null;
  firm: boolean;
  wording: string;
}

export interface RegimeProfile {
  code: string;
  name: string;
  kinds: Record<MeetingKind, MeetingKindProfile>;
  /** Where the Point of Contact sits: the time zone of regime-wide dates. */
  pointOfContactTimeZone: string;
  rules: DeadlineRuleProfile[];
}

export const MTCR_PROFILE: RegimeProfile = {
  code: "mtcr",
  name: "Missile Technology Control Regime",
  pointOfContactTimeZone: "Europe/Paris",
  kinds: {
    poc: { label: "POC meeting", short: "POC", experts: false },
    rpoc: { label: "Reinforced POC meeting", short: "RPOC", experts: false },
    plenary: { label: "Plenary", short: "Plenary", experts: false },
    tem: { label: "Technical Experts Meeting", short: "TEM", experts: true },
    ie: { label: "Information Exchange", short: "IE", experts: true },
    leem: { label: "Licensing and Enforcement Experts Meeting", short: "LEEM", experts: true },
    twg: { label: "Technical working group", short: "TWG", experts: true },
  },
  // The rules of STATE 070895 paragraph 3: B (Plenary proposals), C (TEM proposals), D (IE papers).
  // The enactment update (3.H) is a set date and is seeded per meeting in the scenario.
  rules: [
    {
      code: "plenary-proposals",
      documentKind: "plenary_proposal",
      anchorKind: "plenary",
      anchorDay: "first",
      offset: { amount: 4, unit: "weeks" },
      fixedDay: null,
      firm: false,
      wording: "Circulate Plenary proposals at least four weeks before the Plenary.",
    },
    {
      code: "tem-proposals",
      documentKind: "tem_proposal",
      anchorKind: "tem",
      anchorDay: "first",
      offset: { amount: 8, unit: "weeks" },
      fixedDay: null,
      firm: true,
      wording: "Submit new proposals for discussion by the TEM at least eight weeks before the TEM.",
    },
    {
      code: "ie-papers",
      documentKind: "ie_paper",
      anchorKind: "plenary",
      anchorDay: "first",
      offset: { amount: 4, unit: "weeks" },
      fixedDay: null,
      firm: false,
      wording:
        "Circulate IE papers and presentations via the POC at least four weeks before the Plenary, with the country of origin on the title page and a summary of at most 10 lines.",
    },
  ],
};

export const PROFILE = MTCR_PROFILE;

export function kindLabel(kind: MeetingKind, inConjunction: boolean): string {
  const base = PROFILE.kinds[kind].label;
  if (kind === "tem") return `${base} (${inConjunction ? "Plenary week" : "intersessional"})`;
  return base;
}
