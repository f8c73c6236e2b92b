import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { ConfigError } from "./errors.js";

const err = (env: Record<string, string>) => {
  try {
    loadConfig(env, "/srv/plenary");
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a configuration error");
};

describe("configuration", () => {
  it("defaults to the embedded database in ./data on 127.0.0.1:8080 with the demo clock", () => {
    const c = loadConfig({}, "/srv/plenary");
    expect(c).toMatchObject({
      host: "127.0.0.1",
      port: 8080,
      databaseUrl: null,
      dataDir: "/srv/plenary/data",
      demoClock: true,
    });
    expect(c.clock.now().toISOString().slice(0, 16)).toBe("2008-07-02T12:02");
  });

  it("fixes the clock at PLENARY_NOW, or runs it in real time", () => {
    expect(loadConfig({ PLENARY_NOW: "2008-10-01T09:00Z" }).clock.now().toISOString()).toBe(
      "2008-10-01T09:00:00.000Z",
    );
    expect(loadConfig({ PLENARY_NOW: "2008-10-01" }).clock.now().toISOString()).toBe(
      "2008-10-01T00:00:00.000Z",
    );
    const real = loadConfig({ PLENARY_NOW: "real" }).clock.now().getTime();
    expect(Math.abs(real - Date.now())).toBeLessThan(5000);
  });

  it("uses real time on a PostgreSQL server", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://u@db.example:5432/plenary" });
    expect(c.demoClock).toBe(false);
    expect(c.clock.description).toBe("real time");
  });

  it("explains a malformed DATABASE_URL", () => {
    expect(err({ DATABASE_URL: "not a url" })).toMatch(
      /DATABASE_URL is not a URL: write it as postgres:\/\//,
    );
    expect(err({ DATABASE_URL: "mysql://u@h/db" })).toMatch(/must start with postgres:\/\//);
    expect(err({ DATABASE_URL: "postgres://u@h:5432" })).toMatch(/names no database/);
  });

  it("keeps PUBLIC_URL without a trailing slash, so links do not double it", () => {
    expect(loadConfig({ PUBLIC_URL: "https://plenary.example.org/" }, "/srv/plenary").publicUrl).toBe(
      "https://plenary.example.org",
    );
  });

  it("explains a bad PORT, PLENARY_NOW or PUBLIC_URL", () => {
    expect(err({ PORT: "eighty" })).toBe("PORT=eighty is not valid: give a whole number from 0 to 65535.");
    expect(err({ PORT: "70000" })).toContain("from 0 to 65535");
    expect(err({ PLENARY_NOW: "yesterday" })).toContain("PLENARY_NOW=yesterday is not an ISO 8601 instant");
    expect(err({ PUBLIC_URL: "plenary.example" })).toContain("PUBLIC_URL");
  });
});
