import { desc } from "drizzle-orm";
import type { Queryable, Tx } from "../db/index.js";
import type { Mail } from "./mail.js";
import { mailOutbox } from "./schema.js";

/** Keeps mail in the outbox, in the transaction that decided to send it. */
export async function keepInOutbox(tx: Tx, mails: readonly Mail[], now: Date, source: string | null = null) {
  if (mails.length === 0) return;
  await tx
    .insert(mailOutbox)
    .values(
      mails.map((m) => ({ source, recipient: m.to, subject: m.subject, body: m.text, createdAt: now })),
    );
}

/** The latest mail kept, newest first. */
export async function outboxRows(db: Queryable, limit = 200) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(limit);
}

export type OutboxRow = Awaited<ReturnType<typeof outboxRows>>[number];
