-- Meetings no longer know papers: a paper names the deadline submission it made, and a
-- submission says only that another capability's record stands behind it ("paper").
ALTER TABLE "deadline_submissions" DROP CONSTRAINT "deadline_submissions_paper_id_papers_id_fk";
--> statement-breakpoint
ALTER TABLE "deadline_submissions" ADD COLUMN "source" text;
--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "deadline_submission_id" integer;
--> statement-breakpoint
UPDATE "papers" SET "deadline_submission_id" = ds."id" FROM "deadline_submissions" ds WHERE ds."paper_id" = "papers"."id";
--> statement-breakpoint
UPDATE "deadline_submissions" SET "source" = 'paper' WHERE "paper_id" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_deadline_submission_id_deadline_submissions_id_fk" FOREIGN KEY ("deadline_submission_id") REFERENCES "public"."deadline_submissions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deadline_submissions" DROP COLUMN "paper_id";
