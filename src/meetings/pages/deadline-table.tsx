import type { FC } from "hono/jsx";
import { DataTable, Muted } from "../../core/pages/components.js";
import type { DeadlineView } from "../contract.js";

/** Deadlines with their due instants (local and UTC), rules, submissions and waivers. */
export const DeadlineTable: FC<{ deadlines: DeadlineView[]; showMeeting: boolean }> = ({
  deadlines,
  showMeeting,
}) => (
  <DataTable
    caption={`Deadlines (${deadlines.length})`}
    rows={deadlines}
    empty="None."
    rowId={(d) => `deadline-${d.key}`}
    columns={[
      {
        header: "Due",
        cell: (d) => (
          <>
            <time datetime={d.dueAt}>{d.dueLocal}</time>
            <br />
            <Muted>{d.dueAt.slice(0, 16).replace("T", " ")} UTC</Muted>
            {d.passed ? <Muted> — passed</Muted> : null}
          </>
        ),
      },
      { header: "What", cell: (d) => d.what },
      ...(showMeeting
        ? [
            {
              header: "Meeting",
              cell: (d: DeadlineView) => (
                <a class="govuk-link" href={`/meetings/${d.meeting.id}`}>
                  {d.meeting.title}
                </a>
              ),
            },
          ]
        : []),
      {
        header: "Rule",
        cell: (d) => (
          <>
            {d.wording} <Muted>({d.firm ? "firm" : "advisory"})</Muted>
          </>
        ),
      },
      {
        header: "Submissions and waivers",
        cell: (d) => (
          <ul class="govuk-list">
            {d.submissions.map((s) => (
              <li>
                {s.government.name}: {s.title} — <span class={s.late ? "late" : ""}>{s.lateBy}</span>
              </li>
            ))}
            {d.waivers.map((w) => (
              <li>
                Waived for {w.government.name}: {w.reason}
              </li>
            ))}
          </ul>
        ),
      },
    ]}
  />
);
