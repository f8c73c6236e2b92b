ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_reminder_id_reminders_id_fk";
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "source" text;--> statement-breakpoint
UPDATE "mail_outbox" SET "source" = 'reminder:' || "reminder_id" WHERE "reminder_id" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP COLUMN "reminder_id";