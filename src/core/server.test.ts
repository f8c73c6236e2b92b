import net from "node:net";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";
import type { AppEnv } from "./http/env.js";
import { listen } from "./server.js";

describe("the HTTP server", () => {
  it("lets a request in flight finish when asked to stop", async () => {
    const app = new Hono<AppEnv>();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    app.get("/slow", async (c) => {
      await held;
      return c.text("done");
    });
    const s = await listen(app, "127.0.0.1", 0);
    const pending = fetch(`${s.url}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 100));
    const closed = s.close(5000);
    setTimeout(release, 200);
    expect(await pending).toBe("done");
    await closed;
    await expect(fetch(`${s.url}/slow`)).rejects.toThrow();
  });

  it("explains a port in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    const app = new Hono<AppEnv>();
    await expect(listen(app, "127.0.0.1", port)).rejects.toThrow(ConfigError);
    await expect(listen(app, "127.0.0.1", port)).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use`,
    );
    blocker.close();
  });
});
