import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import { ConfigError } from "./errors.js";
import type { AppEnv } from "./http/env.js";

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes idle connections. */
  close(graceMs?: number): Promise<void>;
}

export async function listen(app: Hono<AppEnv>, host: string, port: number): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (err.code === "EADDRINUSE") {
        reject(
          new ConfigError(
            `Port ${port} on ${host} is already in use: stop the other process, or set PORT to a free port.`,
          ),
        );
      } else if (err.code === "EACCES") {
        reject(
          new ConfigError(
            `Not allowed to listen on ${host}:${port}: choose a PORT above 1023, or run with the right privileges.`,
          ),
        );
      } else if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND") {
        reject(
          new ConfigError(
            `HOST=${host} is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its addresses.`,
          ),
        );
      } else {
        reject(new ConfigError(`Cannot listen on ${host}:${port}: ${err.message}`));
      }
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return {
    url: `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${actualPort}`,
    port: actualPort,
    server,
    close(graceMs = 10_000) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
