import type { Child } from "hono/jsx";
import { Muted, PortionMark, Tag, type TagColour, type Task, Withheld } from "../../core/pages/components.js";
import type { ProposalView } from "../contract.js";
import type { Position, ProposalState } from "../rules.js";
import { FINAL, OPEN, POSITION_LABELS, STATE_LABELS } from "../rules.js";

const STATE_COLOURS: Record<ProposalState, TagColour> = {
  draft: "grey",
  circulated: "light-blue",
  under_decision: "blue",
  under_silence: "purple",
  adopted: "green",
  provisionally_agreed: "turquoise",
  not_agreed: "red",
  broken: "red",
  withdrawn: "grey",
};

const POSITION_COLOURS: Record<Position, TagColour> = {
  support: "green",
  no_objection: "turquoise",
  reserve: "yellow",
  object: "red",
  amend: "orange",
};

export const StateTag = ({ state }: { state: ProposalState }): Child => (
  <Tag colour={STATE_COLOURS[state]}>{STATE_LABELS[state]}</Tag>
);

export const PositionTag = ({ position }: { position: Position | null }): Child =>
  position ? (
    <Tag colour={POSITION_COLOURS[position]}>{POSITION_LABELS[position]}</Tag>
  ) : (
    <Muted>No position stated</Muted>
  );

export const TitleText = ({
  title,
}: {
  title: { withheld: boolean; marking: string; text: string | null };
}): Child =>
  title.withheld ? (
    <Withheld marking={title.marking} />
  ) : (
    <>
      <PortionMark marking={title.marking} /> {title.text}
    </>
  );

export const DeadlineText = ({
  deadline,
}: {
  deadline: { pointOfContact: string; reader: string; countdown: string } | null;
}): Child =>
  deadline ? (
    <>
      {deadline.pointOfContact}
      <br />
      <Muted>
        your time: {deadline.reader};{" "}
        {deadline.countdown === "closed" ? "closed" : `${deadline.countdown} left`}
      </Muted>
    </>
  ) : (
    <Muted>—</Muted>
  );

/** Where a proposal stands, step by step, for the reader and their government. */
export function progressTasks(
  p: ProposalView,
  own: { name: string; states: boolean; position: { label: string; stater: string } | null },
): Task[] {
  const circulated = p.events.find((e) => e.to === "circulated");
  const opened = p.events.find((e) => e.to === "under_silence" || e.to === "under_decision");
  const closed = FINAL.includes(p.state) || p.state === "provisionally_agreed";
  const tasks: Task[] = [
    {
      title: "Circulated to the Partners",
      status: circulated ? `On ${circulated.at.slice(0, 10)}` : p.state === "draft" ? "Not yet" : "—",
      todo: p.state === "draft",
    },
    {
      title: "Put to a decision",
      status: opened
        ? p.procedure === "silence"
          ? "By silence procedure"
          : `At the ${p.meeting?.title ?? "meeting"}`
        : "Not yet",
      todo: !opened && p.state !== "withdrawn",
    },
  ];
  if (own.states)
    tasks.push({
      title: `Your government's position (${own.name})`,
      href: OPEN.includes(p.state) ? "#state-position" : undefined,
      status: own.position ? `${own.position.label} (${own.position.stater})` : "Not stated",
      todo: !own.position && OPEN.includes(p.state),
    });
  tasks.push({ title: "Outcome", status: closed ? STATE_LABELS[p.state] : "Pending", todo: false });
  return tasks;
}
