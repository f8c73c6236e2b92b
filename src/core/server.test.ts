import net from "node:net";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";
import type { AppEnv } from "./http/env.js";
import { listen } from "./server.js";

describe("the HTTP server", () => {
  it("lets a request in flight finish when asked to stop", async () => {
    const app = new Hono<AppEnv>();
    let arrived: () => void = () => {};
    const inHandler = new Promise<void>((r) => {
      arrived = r;
    });
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    app.get("/slow", async (c) => {
      arrived();
      await held;
      // Its connection ends with the answer, so the stop waits for nothing but the request.
      c.header("Connection", "close");
      return c.text("done");
    });
    const s = await listen(app, "127.0.0.1", 0);
    const pending = fetch(`${s.url}/slow`).then((r) => r.text());
    // Stop only once the request is in the handler: it is then in flight, whatever the timing.
    await inHandler;
    let stopped = false;
    const closed = s.close(5000).then(() => {
      stopped = true;
    });
    // New connections are refused at once, while the one in flight is still held…
    await expect(fetch(`${s.url}/slow`)).rejects.toThrow();
    expect(stopped).toBe(false);
    // …and the server stops only after it has answered.
    release();
    expect(await pending).toBe("done");
    await closed;
    expect(stopped).toBe(true);
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
