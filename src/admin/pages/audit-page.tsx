import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { hasRole } from "../../core/access/reader.js";
import { withheldText } from "../../core/access/redaction.js";
import { authorize } from "../../core/access/rules.js";
import { type AppEnv, actingOf } from "../../core/http/env.js";
import { toAppError } from "../../core/http/errors.js";
import { renderPage } from "../../core/http/render.js";
import {
  Button,
  DataTable,
  ErrorSummary,
  Pagination,
  type Paging,
  pageHref,
  pageParam,
  paging,
  TextField,
} from "../../core/pages/components.js";
import { emptyForm, type FormState, formWithProblems } from "../../core/pages/form.js";
import { AuditQuery, type VerifyOutput } from "../contract.js";
import { browseAudit, verifyAudit } from "../policy.js";
import { type AuditEntries, auditEntries } from "../queries.js";
import { verifyFor } from "../verify.js";

const PAGE = 100;
const FILTERS = ["action", "actor", "target", "from", "to"] as const;
const LABELS = { action: "Action begins", actor: "Actor", target: "Target", from: "From", to: "To" };

const VerifyNotice: FC<{ verify: VerifyOutput }> = ({ verify }) =>
  verify.ok ? (
    <div class="govuk-inset-text" role="status">
      {verify.scope === "chain"
        ? `The chain is intact: ${verify.checked} entries verified.`
        : `The entries you may see are intact: ${verify.checked} verified, each against its hash. The whole chain is verified by an operator.`}
    </div>
  ) : (
    <div class="govuk-warning-text" role="status">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        {verify.scope === "chain"
          ? "The chain is broken at entry"
          : "Among the entries you may see, the log is broken at entry"}{" "}
        {verify.broken?.position}: {verify.broken?.reason}.
      </strong>
    </div>
  );

/** A detail's value as a person reads it: words and numbers as they are, lists joined, the rest as JSON. */
function detailText(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null)) return v.join(", ") || "—";
  return JSON.stringify(v);
}

/** "firstDay" → "first day". */
const detailKey = (k: string) => k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** An entry's details as fields, one per line. */
const Details: FC<{ details: Record<string, unknown> }> = ({ details }) => {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <dl class="plenary-fields">
      {entries.map(([k, v]) => (
        <div>
          <dt>{detailKey(k)}</dt>
          <dd>{detailText(v)}</dd>
        </div>
      ))}
    </dl>
  );
};

const AuditPage: FC<{
  result: AuditEntries;
  form: FormState;
  filter: Record<string, string>;
  verify: VerifyOutput | null;
  mayVerify: boolean;
  mayVerifyChain: boolean;
  at: Paging;
}> = ({ result, form, filter, verify, mayVerify, mayVerifyChain, at }) => (
  <>
    <h1 class="govuk-heading-l">Audit log</h1>
    {verify ? <VerifyNotice verify={verify} /> : null}
    <ErrorSummary form={form} />
    <search>
      <form method="get" action="/admin/audit" class="plenary-inline-form" aria-label="Filter the audit log">
        <TextField form={form} name="action" label={LABELS.action} hint="e.g. session." width={10} />
        <TextField form={form} name="actor" label={LABELS.actor} width={10} />
        <TextField form={form} name="target" label={LABELS.target} width={10} />
        <TextField form={form} name="from" label={LABELS.from} type="date" />
        <TextField form={form} name="to" label={LABELS.to} type="date" />
        <Button secondary>Filter</Button>
      </form>
    </search>
    {mayVerify ? (
      <p class="govuk-body">
        <a class="govuk-link" href="/admin/audit?verify=1">
          {mayVerifyChain ? "Verify the chain" : "Verify the entries you may see"}
        </a>
      </p>
    ) : null}
    <DataTable
      caption={`${result.total} matching entr${result.total === 1 ? "y" : "ies"}`}
      rows={result.entries}
      empty="No entry matches."
      columns={[
        { header: "#", cell: (e) => e.position, numeric: true },
        { header: "When (UTC)", cell: (e) => e.at.slice(0, 19).replace("T", " ") },
        { header: "Actor", cell: (e) => e.actor },
        { header: "Action", cell: (e) => e.action },
        { header: "Target", cell: (e) => e.target ?? "" },
        { header: "Space", cell: (e) => e.space ?? "" },
        {
          header: "Details",
          cell: (e) =>
            e.detailsWithheld ? (
              <span class="muted">{withheldText(e.marking ?? "?")}</span>
            ) : (
              <Details details={e.details} />
            ),
        },
      ]}
    />
    <Pagination paging={at} noun="entries" href={(n) => pageHref("/admin/audit", filter, n)} />
  </>
);

export function registerAuditPage(app: Hono<AppEnv>): void {
  app.get("/admin/audit", async (c) => {
    const who = actingOf(c);
    authorize(who, browseAudit);
    const q = c.req.query();
    const filter: Record<string, string> = {};
    for (const k of FILTERS) if (q[k]) filter[k] = q[k];
    // The filter is read with the API's own query contract; a bad one is shown beside its field.
    const parsed = AuditQuery.safeParse({ ...filter, ...(q.before ? { before: q.before } : {}) });
    let form = emptyForm("f", filter);
    let status: ContentfulStatusCode = 200;
    if (!parsed.success) {
      const err = toAppError(parsed.error);
      form = formWithProblems("f", filter, err.fields, err.message, { labels: LABELS });
      status = 400;
    }
    const { db } = c.get("deps");
    const asked = pageParam(q.page);
    let result = await auditEntries(
      db,
      who.reader,
      parsed.success ? parsed.data : {},
      PAGE,
      (asked - 1) * PAGE,
    );
    const at = paging(result.total, asked, PAGE);
    if (at.page !== asked)
      result = await auditEntries(db, who.reader, parsed.success ? parsed.data : {}, PAGE, at.offset);
    const mayVerify = verifyAudit.allows(who.reader);
    const verify = q.verify && mayVerify ? await verifyFor(db, who.reader) : null;
    return renderPage(
      c,
      "Audit log",
      <AuditPage
        result={result}
        form={form}
        filter={filter}
        verify={verify}
        mayVerify={mayVerify}
        mayVerifyChain={hasRole(who.reader, "operator")}
        at={at}
      />,
      { status },
    );
  });
}
