import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { listTokens, type TokenSummary } from "../../core/auth/tokens.js";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import { Button, DataTable, ErrorSummary, Form, TextField } from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { makeToken } from "../commands/make-token.js";
import { revokeToken } from "../commands/revoke-token.js";
import { NewTokenInput, TokenParams } from "../contract.js";

const NOTICES = { revoked: "Token revoked." };
const LABELS = { name: "Token name" };

const minute = (iso: string) => iso.slice(0, 16).replace("T", " ");

const RevokeForm: FC<{ token: TokenSummary; csrf: string | null }> = ({ token, csrf }) => (
  <Form
    action={`/account/tokens/${token.id}/revoke`}
    csrf={csrf}
    class="plenary-inline-form"
    aria-label={`Revoke token ${token.name}`}
  >
    <Button secondary>Revoke</Button>
  </Form>
);

const TokensPage: FC<{
  tokens: TokenSummary[];
  csrf: string | null;
  form: FormState;
  created?: { name: string; token: string } | null;
}> = ({ tokens, csrf, form, created }) => (
  <>
    <h1 class="govuk-heading-l">API tokens</h1>
    <p class="govuk-body">
      A personal API token lets a script act as you: send it as <code>Authorization: Bearer …</code>. It sees
      exactly what you see. The API is described at{" "}
      <a class="govuk-link" href="/api/docs">
        /api/docs
      </a>
      .
    </p>
    {created ? (
      <div class="govuk-panel govuk-panel--confirmation" role="status">
        <h2 class="govuk-panel__title">Token {created.name} made</h2>
        <div class="govuk-panel__body">
          Copy it now: it is not shown again.
          <p class="secret" id="new-token">
            {created.token}
          </p>
        </div>
      </div>
    ) : null}
    <h2 class="govuk-heading-m">Make a token</h2>
    <ErrorSummary form={form} />
    <Form action="/account/tokens" csrf={csrf} aria-label="Make a token">
      <TextField form={form} name="name" label={LABELS.name} hint="e.g. matrix export script" width={20} />
      <Button>Make token</Button>
    </Form>
    <h2 class="govuk-heading-m">Your tokens</h2>
    <DataTable
      caption="Your API tokens, newest first"
      rows={tokens}
      empty="You have no tokens."
      columns={[
        { header: "Name", cell: (t) => t.name },
        { header: "Begins", cell: (t) => <code>{t.prefix}…</code> },
        { header: "Made", cell: (t) => minute(t.createdAt) },
        { header: "Last used", cell: (t) => (t.lastUsedAt ? minute(t.lastUsedAt) : "never") },
        {
          header: "State",
          cell: (t) =>
            t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : <RevokeForm token={t} csrf={csrf} />,
        },
      ]}
    />
  </>
);

async function tokensPage(
  c: Ctx,
  form: FormState,
  opts: { status?: ContentfulStatusCode; created?: { name: string; token: string } } = {},
) {
  const reader = readerOf(c);
  const tokens = await listTokens(c.get("deps").db, reader.userId);
  return renderPage(
    c,
    "API tokens",
    <TokensPage tokens={tokens} csrf={csrfOf(c)} form={form} created={opts.created ?? null} />,
    { status: opts.status ?? 200, notice: noticeOf(c, NOTICES) },
  );
}

export function registerTokensPages(app: Hono<AppEnv>): void {
  app.get("/account/tokens", (c) => tokensPage(c, emptyForm("token")));

  // The new token is shown on the page that answers the form, once: it is kept nowhere to redirect to.
  app.post("/account/tokens", async (c) => {
    const who = actingOf(c);
    const result = await submitForm(
      c,
      { prefix: "token", schema: NewTokenInput, read: (f) => ({ name: f.text("name") }), labels: LABELS },
      (input) => c.get("deps").db.transaction((tx) => makeToken(tx, who, input)),
    );
    if (!result.ok) return tokensPage(c, result.form, { status: result.status });
    return tokensPage(c, emptyForm("token"), {
      status: 201,
      created: { name: result.value.summary.name, token: result.value.token },
    });
  });

  app.post("/account/tokens/:id{[0-9]+}/revoke", async (c) => {
    const who = actingOf(c);
    const result = await submitForm(
      c,
      { prefix: "token", schema: TokenParams, read: () => ({ id: c.req.param("id") }) },
      ({ id }) => c.get("deps").db.transaction((tx) => revokeToken(tx, who, id)),
    );
    if (!result.ok) return tokensPage(c, result.form, { status: result.status });
    return c.redirect("/account/tokens?notice=revoked", 303);
  });
}
