import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/app.js";
import { type TestContext, testContext } from "../support/context.js";
import { authzCases } from "./index.js";
import { DEMO } from "./types.js";

const { api: AUTHZ_CASES } = await authzCases();

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

describe("authorization harness", () => {
  it("has written-down outcomes for every API operation", () => {
    const doc = openApiDocument();
    const operations = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const covered = new Set(AUTHZ_CASES.map((c) => c.operation));
    expect(operations.filter((o) => !covered.has(o))).toEqual([]);
  });

  for (const c of AUTHZ_CASES) {
    for (const user of DEMO) {
      it(`${c.operation} (${c.path}) as ${user} → ${c.expect[user]}`, async () => {
        const api = await t.as(user);
        const [method] = c.operation.split(" ") as [string];
        const body = c.body?.(user);
        const res = c.form
          ? await t.request(`/api/v1${c.path}`, {
              method,
              headers: { authorization: `Bearer ${await t.token(user)}` },
              body: c.form(user),
            })
          : method === "GET"
            ? await api.get(c.path)
            : method === "POST"
              ? await api.post(c.path, body)
              : method === "PATCH"
                ? await api.patch(c.path, body)
                : await api.delete(c.path);
        expect(res.status).toBe(c.expect[user]);
        if (res.status === 404) {
          // A hidden record answers exactly as one that does not exist.
          expect(await res.json()).toEqual({
            error: {
              code: "not_found",
              message: expect.stringMatching(/^No such .+, or you may not see it\.$/),
              details: null,
            },
          });
        } else if (res.status < 300 && res.status !== 204 && c.check) {
          c.check(user, await res.json());
        }
      });
    }
  }
});
