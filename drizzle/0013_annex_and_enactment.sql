CREATE TABLE "amendment_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"set_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"op" text NOT NULL,
	"number" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "amendment_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"title" text NOT NULL,
	"meeting_id" integer,
	"adopted_on" date NOT NULL,
	"updates_meeting_id" integer,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annex_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"number" text NOT NULL,
	"sort_key" text NOT NULL,
	"parent_number" text,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"notes" jsonb NOT NULL,
	"technical_notes" jsonb NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annex_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"label" text NOT NULL,
	"as_of" date NOT NULL,
	"based_on_id" integer,
	"amendment_set_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enactment_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"set_id" integer NOT NULL,
	"government_code" text NOT NULL,
	"status" text NOT NULL,
	"instrument" text,
	"effective_on" date,
	"source_kind" text,
	"source_ref" text,
	"note" text,
	"late" boolean NOT NULL,
	"reported_by" integer,
	"reporter" text,
	"reported_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "amendment_changes" ADD CONSTRAINT "amendment_changes_set_id_amendment_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."amendment_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_sets" ADD CONSTRAINT "amendment_sets_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_sets" ADD CONSTRAINT "amendment_sets_updates_meeting_id_meetings_id_fk" FOREIGN KEY ("updates_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_sets" ADD CONSTRAINT "amendment_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_entries" ADD CONSTRAINT "annex_entries_version_id_annex_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."annex_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_versions" ADD CONSTRAINT "annex_versions_based_on_id_annex_versions_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."annex_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_versions" ADD CONSTRAINT "annex_versions_amendment_set_id_amendment_sets_id_fk" FOREIGN KEY ("amendment_set_id") REFERENCES "public"."amendment_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_versions" ADD CONSTRAINT "annex_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enactment_reports" ADD CONSTRAINT "enactment_reports_set_id_amendment_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."amendment_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enactment_reports" ADD CONSTRAINT "enactment_reports_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enactment_reports" ADD CONSTRAINT "enactment_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "amendment_changes_number" ON "amendment_changes" USING btree ("set_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "amendment_sets_title" ON "amendment_sets" USING btree ("title");--> statement-breakpoint
CREATE UNIQUE INDEX "annex_entries_number" ON "annex_entries" USING btree ("version_id","number");--> statement-breakpoint
CREATE INDEX "annex_entries_order" ON "annex_entries" USING btree ("version_id","sort_key");--> statement-breakpoint
CREATE INDEX "annex_entries_search" ON "annex_entries" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "annex_versions_label" ON "annex_versions" USING btree ("label");--> statement-breakpoint
CREATE UNIQUE INDEX "annex_versions_set" ON "annex_versions" USING btree ("amendment_set_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enactment_reports_current" ON "enactment_reports" USING btree ("set_id","government_code") WHERE "enactment_reports"."replaced_at" is null;--> statement-breakpoint
CREATE INDEX "enactment_reports_history" ON "enactment_reports" USING btree ("set_id","government_code","reported_at");