import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8765);
const data = path.join(os.tmpdir(), `plenary-e2e-${process.pid}`);
/** A second server whose clock stands past the LEEM agenda's silence deadline (7 July 2008, 12:00 Paris). */
const LATER_PORT = port + 1;
const laterData = path.join(os.tmpdir(), `plenary-e2e-later-${process.pid}`);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `rm -rf ${data} && node --import tsx src/cli/main.ts serve`,
      url: `http://127.0.0.1:${port}/healthz`,
      env: { PORT: String(port), PLENARY_DATA: data, LOG_LEVEL: "warn" },
      timeout: 180_000,
      reuseExistingServer: false,
    },
    {
      command: `rm -rf ${laterData} && node --import tsx src/cli/main.ts serve`,
      url: `http://127.0.0.1:${LATER_PORT}/healthz`,
      env: {
        PORT: String(LATER_PORT),
        PLENARY_DATA: laterData,
        PLENARY_NOW: "2008-07-08T09:00:00Z",
        DECISIONS_INTERVAL_SECONDS: "1",
        LOG_LEVEL: "warn",
      },
      timeout: 180_000,
      reuseExistingServer: false,
    },
  ],
});
