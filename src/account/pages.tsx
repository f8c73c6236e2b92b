import type { FC } from "hono/jsx";
import type { TokenSummary } from "../core/auth/tokens.js";
import { CsrfField } from "../core/pages/layout.js";

export const SignInForm: FC<{
  presession: string;
  next: string;
  username?: string;
  error?: string | null;
}> = ({ presession, next, username, error }) => (
  <section aria-labelledby="sign-in-title">
    <h1 id="sign-in-title">Sign in</h1>
    {error ? (
      <p class="alert" role="alert" id="sign-in-error">
        {error}
      </p>
    ) : null}
    <form
      method="post"
      action="/sign-in"
      class="stack"
      aria-describedby={error ? "sign-in-error" : undefined}
    >
      <input type="hidden" name="_csrf" value={presession} />
      <input type="hidden" name="next" value={next} />
      <div>
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" required value={username ?? ""} />
      </div>
      <div>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
      </div>
      <div>
        <button type="submit">Sign in</button>
      </div>
    </form>
  </section>
);

export const TokensPage: FC<{
  tokens: TokenSummary[];
  csrf: string | null;
  created?: { name: string; token: string } | null;
  error?: string | null;
}> = ({ tokens, csrf, created, error }) => (
  <>
    <h1>API tokens</h1>
    <p>
      A personal API token lets a script act as you: send it as <code>Authorization: Bearer …</code>. It sees
      exactly what you see. The API is described at <a href="/api/docs">/api/docs</a>.
    </p>
    {created ? (
      <div class="notice" role="status">
        <p>
          Token <strong>{created.name}</strong> made. Copy it now: it is not shown again.
        </p>
        <p class="secret" id="new-token">
          {created.token}
        </p>
      </div>
    ) : null}
    <h2>Make a token</h2>
    {error ? (
      <p class="alert" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/account/tokens" class="inline">
      <CsrfField token={csrf} />
      <div>
        <label for="token-name">Name</label>
        <input id="token-name" name="name" required maxlength={80} placeholder="e.g. matrix export script" />
      </div>
      <button type="submit">Make token</button>
    </form>
    <h2>Your tokens</h2>
    {tokens.length === 0 ? (
      <p>You have no tokens.</p>
    ) : (
      <table>
        <caption>Your API tokens, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Begins</th>
            <th scope="col">Made</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{t.createdAt.slice(0, 16).replace("T", " ")}</td>
              <td>{t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}</td>
              <td>
                {t.revokedAt ? (
                  `revoked ${t.revokedAt.slice(0, 10)}`
                ) : (
                  <form method="post" action={`/account/tokens/${t.id}/revoke`}>
                    <CsrfField token={csrf} />
                    <button type="submit" class="secondary" aria-label={`Revoke token ${t.name}`}>
                      Revoke
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);
