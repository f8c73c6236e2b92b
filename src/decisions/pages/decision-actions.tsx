/** The decision page's POSTs: each runs its command and lands back on the page, or shows it again with the form's problems. */
import type { Hono } from "hono";
import type { z } from "zod";
import { invalid } from "../../core/errors.js";
import type { AppEnv, Ctx } from "../../core/http/env.js";
import { type FormFields, submitForm } from "../../core/pages/form.js";
import { instantAt, PROFILE } from "../../meetings/index.js";
import { changeAndRead } from "../api/routes.js";
import {
  circulateProposal,
  openSilence,
  putToMeeting,
  withdrawProposalOf,
} from "../commands/move-proposal.js";
import { prepareDraftPosition } from "../commands/prepare-draft.js";
import { recordOutcome } from "../commands/record-outcome.js";
import { statePositionOf } from "../commands/state-position.js";
import {
  DraftPosition,
  NewPosition,
  OpenSilence,
  PutToMeeting,
  RecordOutcome,
  Withdraw,
} from "../contract.js";
import { decisionPage, type NOTICES } from "./decision-page.js";
import { type Forms, LABELS } from "./forms.js";

const idOf = (c: Ctx): number => {
  const raw = c.req.param("id") ?? "";
  if (!/^\d{1,9}$/.test(raw)) throw invalid("id", "a proposal's number");
  return Number(raw);
};

const readPosition = (f: FormFields) => ({
  position: f.text("position"),
  reason: f.nullable("reason"),
  amendment: f.nullable("amendment"),
});

/** The deadline typed as a Paris day and time, as the instant the contract wants. */
function readDeadline(f: FormFields): { deadline: string } {
  const day = f.text("deadlineDay");
  const time = f.text("deadlineTime") || "12:00";
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !m) return { deadline: `${day}T${time}` };
  return {
    deadline: instantAt(day, Number(m[1]), Number(m[2]), PROFILE.pointOfContactTimeZone).toISOString(),
  };
}

export function decisionPages(app: Hono<AppEnv>): void {
  app.get("/decisions/:id{[0-9]+}", (c) => decisionPage(c, idOf(c)));

  const post = <S extends z.ZodType>(
    path: string,
    prefix: keyof Forms,
    schema: S,
    read: (f: FormFields) => unknown,
    run: (c: Ctx, id: number, input: z.output<S>) => Promise<unknown>,
    notice: keyof typeof NOTICES | "withdrawn",
    fields?: Record<string, string>,
  ) =>
    app.post(`/decisions/:id{[0-9]+}/${path}`, async (c) => {
      const id = idOf(c);
      const result = await submitForm(
        c,
        { prefix, schema, labels: LABELS, read, ...(fields ? { fields } : {}) },
        (input) => run(c, id, input),
      );
      if (result.ok)
        return c.redirect(
          notice === "withdrawn" ? "/decisions?notice=withdrawn" : `/decisions/${id}?notice=${notice}`,
          303,
        );
      return decisionPage(c, id, { [prefix]: result.form }, result.status);
    });

  post(
    "position",
    "position",
    NewPosition,
    readPosition,
    (c, id, input) =>
      changeAndRead(c, async (tx, who) => (await statePositionOf(tx, who, id, input)).proposal),
    "stated",
  );
  post(
    "draft",
    "draft",
    DraftPosition,
    readPosition,
    (c, id, input) =>
      changeAndRead(c, async (tx, who) => {
        await prepareDraftPosition(tx, who, id, input);
        return { id };
      }),
    "drafted",
  );
  post(
    "circulate",
    "circulate",
    Withdraw,
    () => ({}),
    (c, id) => changeAndRead(c, (tx, who) => circulateProposal(tx, who, id)),
    "circulated",
  );
  post(
    "silence",
    "silence",
    OpenSilence,
    readDeadline,
    (c, id, input) => changeAndRead(c, (tx, who) => openSilence(tx, who, id, input.deadline)),
    "silence",
    { deadline: "deadlineDay" },
  );
  post(
    "meeting",
    "meeting",
    PutToMeeting,
    (f) => ({ meetingId: /^\d{1,9}$/.test(f.text("meetingId")) ? Number(f.text("meetingId")) : null }),
    (c, id, input) => changeAndRead(c, (tx, who) => putToMeeting(tx, who, id, input.meetingId)),
    "meeting",
  );
  post(
    "outcome",
    "outcome",
    RecordOutcome,
    (f) => ({ outcome: f.text("outcome"), finalOn: f.nullable("finalOn"), note: f.nullable("note") }),
    (c, id, input) => changeAndRead(c, (tx, who) => recordOutcome(tx, who, id, input)),
    "outcome",
  );
  post(
    "withdraw",
    "withdraw",
    Withdraw,
    (f) => ({ note: f.nullable("note") }),
    (c, id, input) => changeAndRead(c, (tx, who) => withdrawProposalOf(tx, who, id, input.note ?? null)),
    "withdrawn",
  );
}
