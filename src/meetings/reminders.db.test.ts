import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { mailOutbox } from "../core/mail/schema.js";
import { userByUsername } from "../directory/index.js";
import { runReminders } from "./reminders.js";
import { reminders } from "./schema.js";

interface Received {
  to: string[];
  text: string;
}

/** Quoted-printable soft breaks and escapes, as nodemailer writes non-ASCII text. */
function decode(raw: string): string {
  const body = raw.replace(/=\r?\n/g, "");
  return Buffer.from(
    body.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
}

let server: SMTPServer;
let port: number;
const inbox: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decode(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const mailTo = (user: string) => inbox.filter((m) => m.to.includes(`${user}@demo.plenary.example`));
/** The text of the first mail to `user` ("" when none came, which the assertions then refuse). */
const firstTo = (user: string) => mailTo(user)[0]?.text ?? "";
const recipients = () => inbox.flatMap((m) => m.to).sort();
const delegates = (users: string[]) => users.map((u) => `${u}@demo.plenary.example`).sort();

describe("reminders by SMTP", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext({
      config: { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: "Plenary <plenary@demo.plenary.example>" },
    });
  });
  afterAll(() => t.close());

  it("sends nothing before a reminder's moment", async () => {
    expect(await runReminders(t.deps)).toEqual({ sent: 0, outboxed: 0, skipped: 0, failed: 0 });
    expect(inbox).toEqual([]);
  });

  it("reminds each Partner delegate 14 days before the TEM deadline, with the time in Canberra and at home", async () => {
    // TEM proposals are due at 00:00 4 Sep 2008 Canberra time = 2008-09-03T14:00Z.
    t.clock.set("2008-08-20T14:00:00Z");
    expect(await runReminders(t.deps)).toEqual({ sent: 4, outboxed: 0, skipped: 0, failed: 0 });
    expect(recipients()).toEqual(delegates(["au.chair", "de.delegate", "gb.delegate", "us.delegate"]));
    const us = firstTo("us.delegate");
    expect(us).toContain("Subject: Reminder: TEM proposals due 2008-09-04 (2008 Canberra TEM)");
    expect(us).toContain("TEM proposals for the 2008 Canberra TEM are due in 2 weeks.");
    expect(us).toContain("Due: 00:00 Thu 4 Sep 2008 (UTC+10) Canberra time (Australia/Sydney)");
    expect(us).toContain("10:00 Wed 3 Sep 2008 (UTC−4) your time (America/New_York)");
    expect(us).toContain("2008-09-03 14:00 UTC");
    expect(firstTo("de.delegate")).toContain("16:00 Wed 3 Sep 2008 (UTC+2) your time (Europe/Berlin)");
    expect(firstTo("gb.delegate")).toContain("15:00 Wed 3 Sep 2008 (UTC+1) your time (Europe/London)");
    expect(firstTo("au.chair")).toContain("00:00 Thu 4 Sep 2008 (UTC+10) your time (Australia/Sydney)");
    expect(mailTo("kz.candidate")).toEqual([]);
  });

  it("sends a reminder once, across passes and restarts", async () => {
    expect((await runReminders(t.deps)).sent).toBe(0);
    t.clock.advance(3600_000);
    expect((await runReminders(t.deps)).sent).toBe(0);
    expect(inbox.length).toBe(4);
  });

  it("never sends a reminder claimed by a process that died mid-send, nor to a Partner with a waiver", async () => {
    const us = await userByUsername(t.deps.db, "us.delegate");
    if (!us) throw new Error("no us.delegate in the scenario");
    const [d] = (await (await (await t.as("fr.poc")).get("/meetings/6/deadlines")).json()).deadlines;
    // What a crash between claim and send leaves behind for the 3-day reminder.
    await t.deps.db.insert(reminders).values({
      ruleId: d.rule.id,
      meetingId: 6,
      userId: us.id,
      leadMinutes: 3 * 1440,
      dueAt: new Date(d.dueAt),
      status: "sending",
      transport: "smtp",
      attempts: 1,
      claimedAt: new Date("2008-08-31T14:00:00Z"),
    });
    expect(
      (
        await (
          await t.as("fr.poc")
        ).post(`/meetings/6/deadlines/${d.rule.id}/waivers`, {
          government: "GB",
          reason: "Submitted at Bonn.",
        })
      ).status,
    ).toBe(201);
    inbox.length = 0;
    t.clock.set("2008-08-31T14:00:00Z");
    // Two passes at once, as from two processes: each reminder is claimed by one of them.
    const [a, b] = await Promise.all([runReminders(t.deps), runReminders(t.deps)]);
    expect(a.sent + b.sent).toBe(2);
    expect(recipients()).toEqual(delegates(["au.chair", "de.delegate"]));
    expect(inbox[0]?.text).toContain("are due in 3 days.");
  });

  it("records a failed sending and retries it on the next pass", async () => {
    inbox.length = 0;
    // Plenary proposals and IE papers: due 00:00 6 Oct 2008 Canberra = 2008-10-05T13:00Z.
    t.clock.set("2008-09-21T13:00:00Z");
    const down = { send: () => Promise.reject(new Error("connection refused")), close() {} };
    expect(await runReminders(t.deps, { sender: down })).toEqual({
      sent: 0,
      outboxed: 0,
      skipped: 0,
      failed: 8,
    });
    const failed = await t.deps.db.select().from(reminders).where(eq(reminders.status, "failed"));
    expect(failed.map((r) => r.error)).toEqual(Array(8).fill("connection refused"));
    expect(await runReminders(t.deps)).toEqual({ sent: 8, outboxed: 0, skipped: 0, failed: 0 });
    expect(inbox.length).toBe(8);
    expect(await runReminders(t.deps)).toEqual({ sent: 0, outboxed: 0, skipped: 0, failed: 0 });
  });
});

describe("reminders without SMTP", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext({ now: "2008-08-20T14:00:00Z" });
  });
  afterAll(() => t.close());

  it("go into the outbox once, and only administrators read it", async () => {
    expect(t.deps.config.smtpUrl).toBeNull();
    expect((await runReminders(t.deps)).outboxed).toBe(4);
    expect((await runReminders(t.deps)).outboxed).toBe(0);
    const rows = await t.deps.db.select().from(mailOutbox);
    expect(rows.map((r) => r.recipient).sort()).toEqual(
      delegates(["au.chair", "de.delegate", "gb.delegate", "us.delegate"]),
    );
    const admin = await t.session("admin");
    const page = await t.request("/admin/outbox", { headers: { cookie: admin.cookie, accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Reminder: TEM proposals due 2008-09-04 (2008 Canberra TEM)");
    expect(html).toContain("us.delegate@demo.plenary.example");
    const us = await t.session("us.delegate");
    expect(
      (await t.request("/admin/outbox", { headers: { cookie: us.cookie, accept: "text/html" } })).status,
    ).toBe(403);
  });

  it("skips the earlier reminder when the process was down past its moment", async () => {
    const later = await testContext({ now: "2008-09-01T00:00:00Z" });
    try {
      expect(await runReminders(later.deps)).toEqual({ sent: 0, outboxed: 4, skipped: 4, failed: 0 });
      const rows = await later.deps.db.select().from(mailOutbox);
      expect(rows.every((r) => r.body.includes("are due in 3 days."))).toBe(true);
    } finally {
      await later.close();
    }
  });
});
