import { withheldText } from "../core/access/redaction.js";
import type { HomePanelSource } from "../core/capability.js";
import { readQueue } from "./policy.js";
import { presentRequests } from "./present.js";
import { listReports, listRequests } from "./queries.js";

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * The office's queue on the home page of the capital's people: requests for guidance not yet
 * answered, the soonest needed first, and the latest reports from the posts.
 */
export const officeQueue: HomePanelSource = async (deps, reader) => {
  if (!readQueue.allows(reader)) return null;
  const requests = await presentRequests(
    deps.db,
    reader,
    await listRequests(deps.db, reader, { open: true }),
  );
  const reports = (await listReports(deps.db, reader)).slice(0, 5);
  if (requests.length === 0 && reports.length === 0) return null;
  return {
    title: "Your office's queue",
    lines: [
      ...requests.map((q) => ({
        text: `Request for guidance, needed by ${when(q.neededBy)}: ${q.question.withheld ? withheldText(q.question.marking) : `(${q.question.marking}) ${q.question.text}`}`,
        href: q.reportId ? `/reports/${q.reportId}` : "/guidance/queue",
      })),
      ...reports.map((r) => ({
        text: `Report ${r.messageRef ?? r.id}, slugged for ${r.slug || "no office"}`,
        href: `/reports/${r.id}`,
        note: `filed ${when(r.filedAt.toISOString())}`,
      })),
    ],
    more: { href: "/guidance/queue", text: "All reports and requests for guidance" },
  };
};
