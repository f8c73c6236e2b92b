ALTER TABLE "deadline_submissions" ADD COLUMN "paper_id" integer;--> statement-breakpoint
ALTER TABLE "deadline_submissions" ADD CONSTRAINT "deadline_submissions_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Submissions the register recorded before they named their paper carry its label in their title.
UPDATE "deadline_submissions" ds SET "paper_id" = p."id"
  FROM "papers" p WHERE ds."paper_id" IS NULL AND ds."title" LIKE 'POC DOC ' || p."number" || ': %';
