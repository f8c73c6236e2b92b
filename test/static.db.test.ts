import http from "node:http";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../src/core/server.js";
import { type TestContext, testContext } from "./support/context.js";

// The process is started from another folder than the project's, as a service manager might:
// every stylesheet and script a page names must still load.
const projectFolder = process.cwd();
let t: TestContext;
let cookie: string;
beforeAll(async () => {
  process.chdir(os.tmpdir());
  t = await testContext();
  cookie = (await t.session("us.delegate")).cookie;
});
afterAll(async () => {
  process.chdir(projectFolder);
  await t.close();
});

/** The stylesheets and scripts a page's HTML names. */
function assetsOf(html: string): string[] {
  const links = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? "");
  const scripts = [...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? "");
  return [...links, ...scripts];
}

async function page(path: string, signedIn = true): Promise<string> {
  const res = await t.request(path, signedIn ? { headers: { cookie } } : {});
  expect(res.status, path).toBe(200);
  return res.text();
}

describe("static files", () => {
  it("the test runs from another folder than the project's", () => {
    expect(process.cwd()).not.toBe(projectFolder);
  });

  it("every stylesheet and script of the sign-in page, a signed-in page and the API reference loads", async () => {
    const named = new Set([
      ...assetsOf(await page("/sign-in", false)),
      ...assetsOf(await page("/")),
      ...assetsOf(await page("/papers")),
      ...assetsOf(await page("/api/docs")),
    ]);
    expect([...named].sort()).toEqual([
      "/static/api-docs.js",
      "/static/plenary.css",
      "/static/plenary.js",
      "/static/swagger/swagger-ui-bundle.js",
      "/static/swagger/swagger-ui.css",
    ]);
    for (const asset of named) {
      const res = await t.request(asset);
      expect(res.status, asset).toBe(200);
      const type = res.headers.get("content-type") ?? "";
      expect(type, asset).toMatch(asset.endsWith(".css") ? /^text\/css/ : /javascript/);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
  });

  it("the stylesheet is the design system's, and the module plenary.js imports loads too", async () => {
    const css = await (await t.request("/static/plenary.css")).text();
    expect(css).toContain(".govuk-header");
    expect(css).toContain(".plenary-banner");
    const js = await (await t.request("/static/plenary.js")).text();
    const imported = [...js.matchAll(/from "([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(imported).toEqual(["/static/govuk/govuk-frontend.min.js"]);
    for (const path of imported) {
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain("initAll");
    }
  });

  it("a file that is not there answers 404, and nothing outside the static folders is served", async () => {
    expect((await t.request("/static/nothing.css")).status).toBe(404);
    for (const path of [
      "/static/../package.json",
      "/static/%2e%2e/package.json",
      "/static/..%2fpackage.json",
    ]) {
      const res = await t.request(path, { headers: { cookie } });
      expect(res.status, path).not.toBe(200);
      expect(await res.text(), path).not.toContain('"devDependencies"');
    }
  });
});

describe("what the server does not offer", () => {
  it("lists no folder: the static folders and their subfolders answer 404", async () => {
    for (const path of [
      "/static/",
      "/static",
      "/static/govuk/",
      "/static/swagger/",
      "/static/govuk/assets/",
    ]) {
      const res = await t.request(path, { headers: { cookie } });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toMatch(/plenary\.css|govuk-frontend|swagger-ui/);
    }
  });

  it("answers TRACE with 404 on a page, an API path and a static file, echoing nothing", async () => {
    // fetch refuses to send TRACE, so the request goes to a listening server over HTTP.
    const server = await listen(t.app, "127.0.0.1", 0);
    const trace = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port: server.port,
            path,
            method: "TRACE",
            headers: { ...headers, "x-trace-me": "echo" },
          },
          (res) => {
            let body = "";
            res.on("data", (d) => {
              body += d;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      for (const path of ["/", "/api/v1/me", "/static/plenary.css"]) {
        const answer = await trace(path, {});
        expect(answer.status, path).toBe(404);
        expect(answer.body, path).not.toContain("echo");
        // With a session cookie and no CSRF token, it is refused before any route is looked for.
        const signedIn = await trace(path, { cookie });
        expect(signedIn.status, path).toBe(403);
        expect(signedIn.body, path).not.toContain("echo");
        expect(signedIn.body, path).not.toContain(cookie);
      }
    } finally {
      await server.close(1000);
    }
  });
});
