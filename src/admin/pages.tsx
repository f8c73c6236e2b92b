import type { FC } from "hono/jsx";
import type { Ladder } from "../core/access/markings.js";
import { REGIME_LADDER } from "../core/access/markings.js";
import { ROLE_LABELS, ROLES } from "../core/access/reader.js";
import { CsrfField, rolesText } from "../core/pages/layout.js";

export interface AdminUserRow {
  username: string;
  displayName: string;
  government: string;
  roles: string[];
  regime: string;
  national: string;
  disabled: boolean;
}

export const UsersPage: FC<{
  users: AdminUserRow[];
  governments: { code: string; name: string }[];
  csrf: string | null;
  error?: string | null;
  values?: Record<string, string>;
}> = ({ users, governments, csrf, error, values = {} }) => (
  <>
    <h1>Users</h1>
    <table>
      <caption>{users.length} accounts</caption>
      <thead>
        <tr>
          <th scope="col">Username</th>
          <th scope="col">Name</th>
          <th scope="col">Government</th>
          <th scope="col">Roles</th>
          <th scope="col">Regime clearance</th>
          <th scope="col">National clearance</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr>
            <td>
              <a href={`/admin/users/${u.username}`}>{u.username}</a>
            </td>
            <td>{u.displayName}</td>
            <td>{u.government}</td>
            <td>{rolesText(u.roles)}</td>
            <td>{u.regime}</td>
            <td>{u.national}</td>
            <td>{u.disabled ? "disabled" : "active"}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2 id="add-user">Add a user</h2>
    {error ? (
      <p class="alert" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/admin/users" class="stack" aria-labelledby="add-user">
      <CsrfField token={csrf} />
      <div>
        <label for="nu-username">Username</label>
        <input id="nu-username" name="username" required value={values.username ?? ""} />
      </div>
      <div>
        <label for="nu-name">Name</label>
        <input id="nu-name" name="displayName" required value={values.displayName ?? ""} />
      </div>
      <div>
        <label for="nu-gov">Government</label>
        <select id="nu-gov" name="government" required>
          {governments.map((g) => (
            <option value={g.code} selected={values.government === g.code}>
              {g.name} ({g.code})
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label>
            <input type="checkbox" name="roles" value={r} /> {ROLE_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <div>
        <label for="nu-regime">Regime clearance</label>
        <select id="nu-regime" name="regimeClearance">
          {REGIME_LADDER.levels.map((l) => (
            <option value={l.code}>{l.label}</option>
          ))}
        </select>
      </div>
      <div>
        <label for="nu-national">National clearance (a marking on the government's ladder, e.g. C)</label>
        <input id="nu-national" name="nationalClearance" value={values.nationalClearance ?? ""} />
      </div>
      <div>
        <label for="nu-password">Initial password (at least 12 characters)</label>
        <input
          id="nu-password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          minlength={12}
        />
      </div>
      <div>
        <button type="submit">Add user</button>
      </div>
    </form>
  </>
);

export const EditUserPage: FC<{
  user: AdminUserRow & { regimeCode: string; nationalCode: string };
  ladder: Ladder;
  csrf: string | null;
  error?: string | null;
}> = ({ user, ladder, csrf, error }) => (
  <>
    <h1>User {user.username}</h1>
    <p>
      {user.displayName}, {user.government}.{" "}
      {user.disabled ? "This account is disabled." : "This account is active."}
    </p>
    {error ? (
      <p class="alert" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action={`/admin/users/${user.username}`} class="stack">
      <CsrfField token={csrf} />
      <fieldset>
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label>
            <input type="checkbox" name="roles" value={r} checked={user.roles.includes(r)} /> {ROLE_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <div>
        <label for="eu-regime">Regime clearance</label>
        <select id="eu-regime" name="regimeClearance">
          {REGIME_LADDER.levels.map((l) => (
            <option value={l.code} selected={l.code === user.regimeCode}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="eu-national">National clearance ({ladder.name} ladder)</label>
        <select id="eu-national" name="nationalClearance">
          {ladder.levels.map((l) => (
            <option value={l.code} selected={l.code === user.nationalCode}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="eu-password">New password (leave empty to keep)</label>
        <input id="eu-password" name="password" type="password" autocomplete="new-password" minlength={12} />
      </div>
      <div>
        <label>
          <input type="checkbox" name="disabled" value="1" checked={user.disabled} /> Disabled (ends the
          user's sessions)
        </label>
      </div>
      <div>
        <button type="submit">Save</button>
      </div>
    </form>
  </>
);

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  space: string | null;
  marking: string | null;
  details: Record<string, unknown>;
}

export const AuditPage: FC<{
  entries: AuditRow[];
  total: number;
  filter: Record<string, string>;
  verify: { ok: boolean; checked: number; broken: { seq: number; reason: string } | null } | null;
  csrf: string | null;
  nextBefore: number | null;
}> = ({ entries, total, filter, verify, nextBefore }) => (
  <>
    <h1>Audit log</h1>
    {verify ? (
      <p class={verify.ok ? "notice" : "alert"} role="status">
        {verify.ok
          ? `The chain is intact: ${verify.checked} entries verified.`
          : `The chain is broken at entry ${verify.broken?.seq}: ${verify.broken?.reason}.`}
      </p>
    ) : null}
    <form method="get" action="/admin/audit" class="inline" aria-label="Filter the audit log">
      <div>
        <label for="f-action">Action begins</label>
        <input id="f-action" name="action" value={filter.action ?? ""} placeholder="session." />
      </div>
      <div>
        <label for="f-actor">Actor</label>
        <input id="f-actor" name="actor" value={filter.actor ?? ""} />
      </div>
      <div>
        <label for="f-target">Target</label>
        <input id="f-target" name="target" value={filter.target ?? ""} />
      </div>
      <div>
        <label for="f-from">From</label>
        <input id="f-from" name="from" type="date" value={filter.from ?? ""} />
      </div>
      <div>
        <label for="f-to">To</label>
        <input id="f-to" name="to" type="date" value={filter.to ?? ""} />
      </div>
      <button type="submit">Filter</button>
      <a href="/admin/audit?verify=1">Verify the chain</a>
    </form>
    <table>
      <caption>
        {total} matching entries{entries.length < total ? `, ${entries.length} shown` : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">When (UTC)</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Space</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr>
            <td>{e.seq}</td>
            <td>{e.at.slice(0, 19).replace("T", " ")}</td>
            <td>{e.actor}</td>
            <td>{e.action}</td>
            <td>{e.target ?? ""}</td>
            <td>{e.space ?? ""}</td>
            <td>
              <code>{JSON.stringify(e.details)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    {nextBefore ? (
      <p>
        <a href={`/admin/audit?${new URLSearchParams({ ...filter, before: String(nextBefore) }).toString()}`}>
          Older entries
        </a>
      </p>
    ) : null}
  </>
);
