/**
 * The reference scenario's guidance: STATE 070895, the guidance for the 8 July 2008 POC meeting,
 * entered as data (not read from the seed telegram). Its items are for the meeting's agenda items
 * in order (the seed links them). Where the copy of the seed lost words, they are restored here:
 * the heading of F ("OUTREACH"), and the end of B's third point ("views in Canberra.", marked SBU
 * as the same sentence of D is).
 */
import type { Approval, GuidanceContent, Portion } from "./content.js";

const p = (text: string, marking: string): Portion => ({ text, marking });

export const SCENARIO_GUIDANCE: GuidanceContent = {
  precedence: { action: "PRIORITY", info: "ROUTINE" },
  from: "SECSTATE WASHDC",
  station: "STATE",
  to: { name: "AMEMBASSY PARIS", precedence: "PRIORITY" },
  info: ["MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE"],
  attention: "PARIS FOR EST:H.SMITH",
  tags: ["MTCRE", "PARM", "MNUC", "KSCA", "TSPA", "ETTC", "FR"],
  subject: p("MISSILE TECHNOLOGY CONTROL REGIME (MTCR): GUIDANCE FOR THE JULY 8, 2008 POC MEETING", "C"),
  references: [
    { kind: "email", text: "SMITH-DURHAM E MAIL OF 06-26-08", andPrevious: false },
    { kind: "telegram", text: "STATE 633", andPrevious: true },
    { kind: "telegram", text: "STATE 65780", andPrevious: false },
    { kind: "telegram", text: "STATE 44438", andPrevious: false },
  ],
  actionRequest: p("This is an action request. Embassy Paris please see paragraph 3.", "U"),
  purpose: p(
    "Guidance for use by the Embassy REP to the July 8, 2008 Missile Technology Control Regime (MTCR) Point of Contact (POC) meeting is provided in paragraph 3.",
    "C",
  ),
  openingNote: p(
    "Embassy REP should seek guidance from Washington on any issues raised at the July 8 POC meeting that are not specifically addressed below.",
    "C",
  ),
  representative: "EMBASSY REP",
  items: [
    {
      agendaItemId: null,
      heading: p("REINFORCED POINT OF CONTACT MEETING (RPOC)", "C"),
      background: p(
        "Per REF D, the MTCR held an RPOC meeting in Paris on April 10, 2008. RPOC discussion focused on regional nonproliferation, outreach to non-MTCR countries, and preparations for the 2008 Plenary in Canberra.",
        "C",
      ),
      blocks: [
        {
          mode: "as_appropriate",
          points: [
            p(
              "Thank the French MTCR POC for its leadership and hospitality in organizing a successful RPOC meeting.",
              "SBU",
            ),
            p(
              "Indicate that the U.S. appreciated the good discussion of MTCR issues in Paris and looks forward to continuing close cooperation with our MTCR Partners to prepare for substantive outcomes in Canberra in November 2008.",
              "C",
            ),
          ],
        },
      ],
      notes: [],
    },
    {
      agendaItemId: null,
      heading: p("2008 CANBERRA MTCR PLENARY", "SBU"),
      background: p(
        "Per REF D, the MTCR will hold its annual Plenary meeting in Canberra on November 3-7, 2008.",
        "SBU",
      ),
      blocks: [
        {
          mode: "should",
          points: [
            p("Reiterate U.S. support for Australia hosting the 2008 Plenary.", "SBU"),
            p(
              "Note that the U.S. looks forward to working with Australia and our other MTCR Partners to plan for a productive Plenary in Canberra.",
              "C",
            ),
            p(
              "Encourage MTCR Partners to circulate Plenary proposals at least four weeks in advance of the Plenary. This will facilitate Partner preparation and promote a full exchange of views in Canberra.",
              "SBU",
            ),
          ],
        },
      ],
      notes: [],
    },
    {
      agendaItemId: null,
      heading: p("TECHNICAL EXPERTS MEETING (TEM)", "SBU"),
      background: p(
        "The MTCR Partners will hold a TEM in conjunction with the November 2008 Canberra Plenary. At the April 2008 RPOC meeting in Paris, the Partners gave provisional agreement to extend the Canberra TEM by two days such that it would begin on October 30, 2008. Following the Regime's intersessional TEM in Bonn in June 2008, the TEM Chair has determined that there is sufficient need to extend the TEM by two days and has requested Partner agreement to begin the Canberra TEM on October 30, 2008. The TEM Chair has also noted that there would be no TEM-chaired sessions on Saturday and Sunday, November 1-2, 2008. The U.S. supports beginning the Canberra TEM on October 30, and understands the logistical reasons for not holding formal TEM meetings on November 1. However, we hope TEM delegation members will use this opportunity for informal consultations and meetings of technical working groups.",
        "C",
      ),
      blocks: [
        {
          mode: "should",
          points: [
            p(
              "Advise Partners that the U.S. supports beginning the Canberra TEM beginning on October 30, 2008.",
              "U",
            ),
            p(
              "Note that we understand that no formal TEM meetings will be held over the November 1-2 week-end. However, we hope that, as necessary and appropriate, TEM delegations will hold informal consultations and meetings of technical working groups on November 1.",
              "U",
            ),
            p(
              "Urge Partners to submit any new proposals for discussion by the TEM at least eight weeks in advance, in accordance with established practice. Given the number of topics we anticipate being included on the TEM agenda, this will ensure that Partners have sufficient time to prepare.",
              "SBU",
            ),
            p(
              "Refer any specific TEM proposals or questions concerning TEM-related activities and procedures to Washington for guidance.",
              "U",
            ),
          ],
        },
      ],
      notes: [],
    },
    {
      agendaItemId: null,
      heading: p("INFORMATION EXCHANGE (IE)", "C"),
      background: p(
        "At the April 2008 RPOC meeting, the MTCR Partners established a draft agenda for the Canberra IE. It has been circulated as POC DOC 66. To facilitate the smooth operation of the IE and promote a robust exchange of ideas, Partners also were strongly encouraged to circulate their IE papers at least four weeks in advance of the Canberra Plenary. In addition, Partners were urged to list the country of origin on the title page of their papers and to provide a 10-line summary of each paper prior to the Plenary.\n\nAs noted in REF C, the U.S. is pleased with the number of presentations already proposed by some MTCR Partners for the Canberra IE. We believe that the IE would benefit greatly if even more Partners offered presentations on topics of interest and want to encourage those Partners that have not already done so to volunteer IE papers.",
        "C",
      ),
      blocks: [
        {
          mode: "should",
          points: [
            p(
              "Note that the U.S. believes MTCR IE meetings are an important component that contributes to a successful Plenary and to realizing our shared missile nonproliferation goals.",
              "C",
            ),
            p(
              "Indicate that while some Partners have already proposed IE presentations for Canberra, we believe the IE would benefit greatly if even more MTCR Partners were willing to make presentations on topics of missile nonproliferation interest.",
              "C",
            ),
            p(
              "Urge all Partners to consider making at least one presentation in the Canberra IE, stressing that we believe briefings on country and regional issues, export control issues, licensing issues, proliferator procurement activities and strategies, and lessons learned from interdictions are extremely beneficial to all Partners.",
              "C",
            ),
            p(
              "Encourage Partners to circulate their IE papers and presentations via the POC at least four weeks in advance of the Plenary. This will ensure Partners have sufficient time to prepare and promote a full exchange of views in Canberra.",
              "SBU",
            ),
          ],
        },
      ],
      notes: [],
    },
    {
      agendaItemId: null,
      heading: p("LICENSING AND ENFORCEMENT EXPERTS MEETING (LEEM)", "C"),
      background: p(
        "The MTCR will hold a LEEM in conjunction with the Canberra Plenary. The LEEM Permanent Co-Chair has circulated a draft agenda for the Canberra LEEM (POC DOC 90) and a call for papers (POC DOC 89). To facilitate the smooth operation of the LEEM and a useful exchange of ideas, Partners are encouraged to circulate their presentations as far in advance of the Plenary as possible.",
        "C",
      ),
      blocks: [
        {
          mode: "as_necessary_and_appropriate",
          points: [
            p(
              "Note that the U.S. intends to participate actively in the Canberra LEEM and will advise the LEEM Permanent Co-Chair of the presentations we intend to make soon.",
              "SBU",
            ),
            p(
              "Encourage Partners to circulate their presentations well in advance of the Canberra Plenary.",
              "SBU",
            ),
          ],
        },
      ],
      notes: [],
    },
    {
      agendaItemId: null,
      heading: p("OUTREACH", "SBU"),
      background: p(
        "The U.S. supports efforts to enhance transparency of MTCR activities and promote increased dialogue with non-members.",
        "SBU",
      ),
      blocks: [
        {
          mode: "if_raised",
          points: [
            p(
              "The U.S. believes that outreach to non-Partners is an important way to enhance the transparency of MTCR activities.",
              "SBU",
            ),
            p(
              "As discussed at the 2007 Plenary in Athens, such visits should inform the host country about the MTCR and its activities in order to gain better understanding and acceptance of the Regime; encourage the host country to adopt controls consistent with the MTCR Guidelines and Annex; and provide an opportunity to obtain information about the host country's missile-related export controls.",
              "C",
            ),
            p(
              "As also agreed in Athens, any such visits also should make clear that a visit by the Chair does not imply acceptance of the host country as an MTCR Partner.",
              "C",
            ),
          ],
        },
      ],
      notes: [],
    },
    {
      agendaItemId: null,
      heading: p("MEMBERSHIP", "C"),
      background: p(
        "No new members were admitted to the MTCR at the 2007 Athens MTCR Plenary. The Partners continued their discussion of membership at the 2008 RPOC and agreed to further examination of all pending candidacies at the 2008 Canberra Plenary.",
        "C",
      ),
      blocks: [
        {
          mode: "as_necessary_and_appropriate",
          points: [
            p(
              "Note the Partners' discussion of membership issues at the Athens Plenary and the agreement that Partners will continue to discuss these matters on a case-by-case basis.",
              "C",
            ),
          ],
        },
      ],
      notes: [
        p(
          "If asked about U.S. views on a particular membership application, Embassy Rep should note that U.S. views have not changed since the 2007 Athens Plenary and refer any other questions to Washington for guidance.",
          "C",
        ),
      ],
    },
    {
      agendaItemId: null,
      heading: p("NATIONAL ENACTMENT OF CHANGES TO THE MTCR CONTROLS", "C"),
      background: p(
        "At the 2003 Buenos Aires Plenary, Partners agreed to report on a voluntary basis on national enactment of changes to MTCR controls and information on their national export controls. Subsequently, the POC was asked to maintain a matrix of Partner implementation of changes to the MTCR Annex (POC DOC 39). At the April RPOC meeting, the POC urged Partners to submit their updates by June so a completed Matrix could be circulated in Canberra. The U.S. supports this initiative and would like to advise the Partners that the U.S. Commerce Control List (CCL) has been amended to reflect changes to the MTCR Annex agreed at the November 2007 MTCR Plenary in Athens Greece. The effective date of these changes is June 16, 2008.",
        "C",
      ),
      blocks: [
        {
          mode: "should",
          points: [
            p(
              "Advise the MTCR Partners that the U.S. Commerce Control List (CCL) has been amended to reflect changes to the MTCR Annex agreed at the November 2007 MTCR Plenary in Athens Greece. The effective date of these changes is June 16, 2008.",
              "U",
            ),
          ],
        },
      ],
      notes: [],
    },
  ],
  slug: "ISN/MTR",
  closing: p(
    "PLEASE SLUG ANY REPORTING ON THIS OR OTHER MTCR ISSUES FOR ISN/MTR. A word version of this cable will be posted at www.state.sgov.gov/demarche.",
    "U",
  ),
};

/** us.director's approval of it: Classified By and 25 years from the meeting, 8 July 2008. */
export const SCENARIO_APPROVAL: Approval = {
  name: "Pam Durham",
  title: "ISN/MTR Director",
  reasons: { section: "1.4", letters: ["B", "D"] },
  order: "12958",
  declassifyOn: "2033-07-08",
};

export const SCENARIO_RELEASE = { sentAt: "2008-07-02T12:02:00.000Z", year: 2008, serial: 70895 };
