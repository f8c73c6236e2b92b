CREATE TABLE "call_contributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"government_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"country_of_origin" text NOT NULL,
	"summary" text NOT NULL,
	"state" text NOT NULL,
	"position" integer,
	"proposed_by" integer,
	"proposed_at" timestamp with time zone NOT NULL,
	"late_seconds" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"paper_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"opened_by" integer,
	"agenda_paper_id" integer
);
--> statement-breakpoint
CREATE TABLE "paper_counters" (
	"regime" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"paper_id" integer NOT NULL,
	"version" integer NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"rank" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_portions" (
	"id" serial PRIMARY KEY NOT NULL,
	"paper_id" integer NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"part" text NOT NULL,
	"ordinal" integer NOT NULL,
	"heading" text,
	"body" text NOT NULL,
	"rank" integer NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"paper_id" integer NOT NULL,
	"version" integer NOT NULL,
	"note" text,
	"portions" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "papers" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"government_code" text NOT NULL,
	"country_of_origin" text,
	"meeting_id" integer,
	"agenda_item" text,
	"status" text NOT NULL,
	"banner" integer NOT NULL,
	"title_rank" integer NOT NULL,
	"dedupe_key" text NOT NULL,
	"version" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"circulated_at" timestamp with time zone,
	"circulated_by" integer,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"due_at" timestamp with time zone,
	"late_seconds" integer,
	"status_changed_by" integer,
	"status_changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_contributions" ADD CONSTRAINT "call_contributions_call_id_paper_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."paper_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_contributions" ADD CONSTRAINT "call_contributions_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_contributions" ADD CONSTRAINT "call_contributions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_calls" ADD CONSTRAINT "paper_calls_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_calls" ADD CONSTRAINT "paper_calls_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_calls" ADD CONSTRAINT "paper_calls_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_calls" ADD CONSTRAINT "paper_calls_agenda_paper_id_papers_id_fk" FOREIGN KEY ("agenda_paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_files" ADD CONSTRAINT "paper_files_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_portions" ADD CONSTRAINT "paper_portions_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_versions" ADD CONSTRAINT "paper_versions_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_versions" ADD CONSTRAINT "paper_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_circulated_by_users_id_fk" FOREIGN KEY ("circulated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_contributions_call" ON "call_contributions" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "paper_files_paper" ON "paper_files" USING btree ("paper_id","version");--> statement-breakpoint
CREATE INDEX "paper_portions_paper" ON "paper_portions" USING btree ("paper_id");--> statement-breakpoint
CREATE INDEX "paper_portions_search" ON "paper_portions" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_versions_key" ON "paper_versions" USING btree ("paper_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "papers_number" ON "papers" USING btree ("number");--> statement-breakpoint
CREATE INDEX "papers_meeting" ON "papers" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "papers_dedupe" ON "papers" USING btree ("dedupe_key");