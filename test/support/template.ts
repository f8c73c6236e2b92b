import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_START, TestClock } from "../../src/core/clock.js";
import { openInMemory, openPostgres } from "../../src/core/db/index.js";
import { seedScenario } from "../../src/scenario/seed.js";

export const TEMPLATE_DB = "plenary_test_template";

/** The server to test against when set; otherwise the embedded database. */
export function testServerUrl(): string | null {
  return process.env.TEST_DATABASE_URL || null;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function buildTemplate(
  dir: string,
): Promise<{ kind: "embedded"; dump: string } | { kind: "postgres"; url: string; template: string }> {
  const clock = new TestClock(DEMO_START);
  const server = testServerUrl();
  if (server) {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await adminQuery(server, `CREATE DATABASE ${TEMPLATE_DB}`);
    const database = await openPostgres(withDatabaseName(server, TEMPLATE_DB), 2);
    await database.migrate();
    await seedScenario(database.db, clock);
    await database.close();
    return { kind: "postgres", url: server, template: TEMPLATE_DB };
  }
  const database = await openInMemory();
  await database.migrate();
  await seedScenario(database.db, clock);
  const dump = await dumpOf(database);
  const file = path.join(dir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return { kind: "embedded", dump: file };
}

async function dumpOf(database: Awaited<ReturnType<typeof openInMemory>>): Promise<Blob> {
  if (!database.dump) throw new Error("this database cannot be dumped");
  return database.dump();
}
