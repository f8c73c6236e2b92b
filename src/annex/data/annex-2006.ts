/**
 * A real-shaped subset of the public MTCR Annex as it stood before the 2007 Athens Plenary: every
 * item's heading (Category I: items 1–2; Category II: items 3–20), and entries under several items
 * to show the tree. Wording paraphrases the public Annex; it is demo data, not the legal text.
 */
import type { AnnexNode } from "../tree.js";

const n = (number: string, text: string, notes: string[] = [], technicalNotes: string[] = []): AnnexNode => ({
  number,
  text,
  notes,
  technicalNotes,
});

export const ITEM_HEADINGS: Record<number, string> = {
  1: "Complete delivery systems",
  2: "Complete subsystems usable for complete delivery systems",
  3: "Propulsion components and equipment",
  4: "Propellants, chemicals and propellant production",
  5: "(Reserved for future use)",
  6: "Production of structural composites, pyrolytic deposition and densification, and structural materials",
  7: "(Reserved for future use)",
  8: "(Reserved for future use)",
  9: "Instrumentation, navigation and direction finding",
  10: "Flight control",
  11: "Avionics",
  12: "Launch support",
  13: "Computers",
  14: "Analogue-to-digital converters",
  15: "Test facilities and equipment",
  16: "Modelling-simulation and design integration",
  17: "Stealth",
  18: "Nuclear effects protection",
  19: "Other complete delivery systems",
  20: "Other complete subsystems",
};

const items = Object.entries(ITEM_HEADINGS).map(([k, v]) => n(k, v));

export const ANNEX_2006: AnnexNode[] = [
  ...items,
  n("1.A", "Equipment, assemblies and components"),
  n(
    "1.A.1",
    "Complete rocket systems (including ballistic missile systems, space launch vehicles and sounding rockets) capable of delivering at least a 500 kg payload to a range of at least 300 km.",
  ),
  n(
    "1.A.2",
    "Complete unmanned aerial vehicle systems (including cruise missile systems, target drones and reconnaissance drones) capable of delivering at least a 500 kg payload to a range of at least 300 km.",
  ),
  n("1.B", "Test and production equipment"),
  n("1.B.1", '"Production facilities" specially designed for the systems specified in 1.A.'),
  n("1.D", "Software"),
  n(
    "1.D.1",
    '"Software" specially designed or modified for the "use" of "production facilities" specified in 1.B.',
  ),
  n("1.E", "Technology"),
  n(
    "1.E.1",
    '"Technology", in accordance with the General Technology Note, for the "development", "production" or "use" of equipment or "software" specified in 1.A, 1.B or 1.D.',
  ),
  n("2.A", "Equipment, assemblies and components"),
  n("2.A.1", "Complete subsystems usable in the systems specified in 1.A, as follows:", [
    "The exceptions in 2.A.1.b, 2.A.1.d and 2.A.1.f apply to subsystems for manned aircraft.",
  ]),
  n("2.A.1.a", "Individual rocket stages usable in the systems specified in 1.A;"),
  n(
    "2.A.1.b",
    "Re-entry vehicles, and equipment designed or modified therefor, usable in the systems specified in 1.A, as follows:",
  ),
  n("2.A.1.b.1", "Heat shields and components thereof fabricated of ceramic or ablative materials;"),
  n(
    "2.A.1.b.2",
    "Heat sinks and components thereof fabricated of light-weight, high heat capacity materials;",
  ),
  n(
    "2.A.1.c",
    "Rocket propulsion subsystems, usable in the systems specified in 1.A, as follows:",
    [],
    ["Total impulse capacity is the total impulse delivered by a rocket motor over its burn time."],
  ),
  n(
    "2.A.1.c.1",
    "Solid propellant rocket motors or hybrid rocket motors having a total impulse capacity equal to or greater than 1.1 x 10^6 Ns;",
  ),
  n(
    "2.A.1.c.2",
    "Liquid propellant rocket engines integrated, or designed or modified to be integrated, into a liquid propellant propulsion system which has a total impulse capacity equal to or greater than 1.1 x 10^6 Ns;",
  ),
  n(
    "2.A.1.d",
    "Guidance sets, usable in the systems specified in 1.A, capable of achieving system accuracy of 3.33 per cent or less of the range;",
  ),
  n("2.A.1.e", "Thrust vector control subsystems, usable in the systems specified in 1.A;"),
  n(
    "2.A.1.f",
    "Weapon or warhead safing, arming, fuzing, and firing mechanisms, usable in the systems specified in 1.A.",
  ),
  n("2.B", "Test and production equipment"),
  n("2.B.1", '"Production facilities" specially designed for the subsystems specified in 2.A.'),
  n("3.A", "Equipment, assemblies and components"),
  n("3.A.1", "Turbojet and turbofan engines, as follows:"),
  n(
    "3.A.1.a",
    "Engines having a maximum thrust value greater than 400 N achieved un-installed, excluding civil certified engines;",
  ),
  n("3.A.1.b", "Engines having a specific fuel consumption of 0.15 kg/N/hr or less."),
  n(
    "3.A.2",
    "Ramjet, scramjet, pulse jet or combined cycle engines, including devices to regulate combustion, usable in the systems specified in 1.A or 19.A.2.",
  ),
  n(
    "3.A.3",
    "Rocket motor cases, 'insulation' components and nozzles therefor, usable in the systems specified in 1.A or 19.A.1.",
  ),
  n("3.B", "Test and production equipment"),
  n(
    "3.B.1",
    '"Production facilities" specially designed for equipment or materials specified in 3.A.1, 3.A.2, 3.A.3 or 3.C.',
  ),
  n(
    "3.B.2",
    "Flow-forming machines, and specially designed components therefor, which can be equipped with numerical control units or a computer control.",
  ),
  n("4.C", "Materials"),
  n("4.C.1", "Composite and composite modified double base propellants."),
  n("4.C.2", "Fuel substances, as follows:"),
  n(
    "4.C.2.a",
    "Hydrazine with a concentration of more than 70 per cent and its derivatives including monomethylhydrazine (MMH);",
  ),
  n("4.C.2.b", "Unsymmetric dimethylhydrazine (UDMH)."),
  n("9.A", "Equipment, assemblies and components"),
  n(
    "9.A.1",
    "Integrated flight instrument systems which include gyrostabilisers or automatic pilots, designed or modified for use in the systems specified in 1.A, 19.A.1 or 19.A.2.",
  ),
  n(
    "9.A.2",
    "Gyro-astro compasses and other devices which derive position or orientation by means of automatically tracking celestial bodies or satellites.",
  ),
  n("11.A", "Equipment, assemblies and components"),
  n(
    "11.A.1",
    "Radar and laser radar systems, including altimeters, designed or modified for use in the systems specified in 1.A.",
  ),
  n(
    "11.A.3",
    "Receiving equipment for Global Navigation Satellite Systems (GNSS) designed or modified for use in the systems specified in 1.A.",
  ),
  n("19.A", "Equipment, assemblies and components"),
  n(
    "19.A.1",
    "Complete rocket systems (including ballistic missile systems, space launch vehicles and sounding rockets), not specified in 1.A.1, capable of a range equal to or greater than 300 km.",
  ),
  n(
    "19.A.2",
    "Complete unmanned aerial vehicle systems (including cruise missile systems, target drones and reconnaissance drones), not specified in 1.A.2, capable of a range equal to or greater than 300 km.",
  ),
  n("20.A", "Equipment, assemblies and components"),
  n("20.A.1", "Complete subsystems as follows:"),
  n("20.A.1.a", "Individual rocket stages, not specified in 2.A.1, usable in systems specified in 19.A;"),
  n(
    "20.A.1.b",
    "Solid propellant rocket motors, hybrid rocket motors or liquid propellant rocket engines, not specified in 2.A.1, usable in systems specified in 19.A, which have a total impulse capacity equal to or greater than 8.41 x 10^5 Ns, but less than 1.1 x 10^6 Ns.",
  ),
];
