/**
 * The process the crash trials kill. It opens the configured database (after a kill: the data
 * folder the killed process left, its lock and its write-ahead log), checks what the trials
 * acknowledged so far (ACK_FILE, one JSON line a write), prints the check as one line, then
 * writes papers through the papers' own command until it is killed, printing a line after each
 * commit:
 *
 *   check {"ok":true,…}      ready      ack {"id":…,"number":…,"title":…,"status":…}      …
 *
 * `--check-only` stops after the check.
 */
import fs from "node:fs";
import { actingAs } from "../../src/core/acting.js";
import { loadConfig } from "../../src/core/config.js";
import { openDatabase } from "../../src/core/db/index.js";
import { readerByUsername } from "../../src/directory/index.js";
import { createPaper } from "../../src/papers/index.js";
import { type Acknowledged, checkDurability } from "./check.js";

const WRITER = "gb.delegate";

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const ackFile = process.env.ACK_FILE ?? "";
  const trial = Number(process.env.TRIAL ?? "0");
  const config = loadConfig();
  const database = await openDatabase(config);
  const acked: Acknowledged[] = fs.existsSync(ackFile)
    ? fs
        .readFileSync(ackFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Acknowledged)
    : [];
  const check = await checkDurability(database.db, acked);
  say(`check ${JSON.stringify(check)}`);
  if (process.argv.includes("--check-only") || !check.ok) {
    await database.close();
    process.exitCode = check.ok ? 0 : 1;
    return;
  }
  const now = config.clock.now();
  const who = actingAs(await readerByUsername(database.db, WRITER, now), now);
  say("ready");
  for (let i = 1; ; i++) {
    const title = `Crash trial ${trial}, paper ${i}`;
    const submit = i % 4 !== 0;
    const sections = Array.from({ length: 1 + (i % 3) }, (_, s) => ({
      heading: `Section ${s + 1}`,
      text: `${title}: the text of section ${s + 1}. `.repeat(20 + ((i * 7 + s) % 40)),
      marking: "RR",
    }));
    const paper = await database.db.transaction((tx) =>
      createPaper(tx, who, {
        kind: "ie_paper",
        countryOfOrigin: "United Kingdom",
        title: { text: title, marking: "RR" },
        summary: { text: `What ${title} is about.`, marking: "RR" },
        sections,
        submit,
      }),
    );
    const ack: Acknowledged = {
      id: paper.id,
      number: paper.number,
      title,
      status: paper.status,
      portions: 2 + sections.length,
    };
    say(`ack ${JSON.stringify(ack)}`);
  }
}

await main();
