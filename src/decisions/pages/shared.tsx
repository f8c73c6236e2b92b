import type { Child } from "hono/jsx";
import { Muted, Tag, type TagColour, Withheld } from "../../core/pages/components.js";
import type { Position, ProposalState } from "../rules.js";
import { POSITION_LABELS, STATE_LABELS } from "../rules.js";

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
      <span class="marking">({title.marking})</span> {title.text}
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
