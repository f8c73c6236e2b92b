ALTER TABLE "papers" ALTER COLUMN "number" DROP NOT NULL;--> statement-breakpoint
-- A draft has no POC DOC number until the Point of Contact receives it (decision 0006).
UPDATE "papers" SET "number" = NULL WHERE "status" = 'draft';
