CREATE TABLE "guidance" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text NOT NULL,
	"meeting_id" integer NOT NULL,
	"state" text NOT NULL,
	"content" jsonb NOT NULL,
	"banner" integer NOT NULL,
	"subject_rank" integer NOT NULL,
	"version" integer NOT NULL,
	"approval" jsonb,
	"unplaced" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answers_request_id" integer,
	"released_at" timestamp with time zone,
	"released_by" integer,
	"telegram_id" integer,
	"message_ref" text,
	"serial" integer,
	"telegram_text" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_clearances" (
	"id" serial PRIMARY KEY NOT NULL,
	"guidance_id" integer NOT NULL,
	"office" text NOT NULL,
	"requested_by" integer,
	"requested_at" timestamp with time zone NOT NULL,
	"cleared_by" integer,
	"cleared_at" timestamp with time zone,
	"cleared_version" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "guidance_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text NOT NULL,
	"guidance_id" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"banner" integer NOT NULL,
	"slug" text NOT NULL,
	"telegram_id" integer,
	"message_ref" text,
	"filed_by" integer,
	"filed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text NOT NULL,
	"guidance_id" integer NOT NULL,
	"report_id" integer,
	"agenda_item_id" integer,
	"question" text NOT NULL,
	"rank" integer NOT NULL,
	"needed_by" timestamp with time zone NOT NULL,
	"slug" text NOT NULL,
	"asked_by" integer,
	"asked_at" timestamp with time zone NOT NULL,
	"answer_guidance_id" integer,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "guidance_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"guidance_id" integer NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"banner" integer NOT NULL,
	"saved_by" integer,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_counters" (
	"space" text NOT NULL,
	"station" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "message_counters_space_station_year_pk" PRIMARY KEY("space","station","year")
);
--> statement-breakpoint
ALTER TABLE "guidance" ADD CONSTRAINT "guidance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance" ADD CONSTRAINT "guidance_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance" ADD CONSTRAINT "guidance_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_clearances" ADD CONSTRAINT "guidance_clearances_guidance_id_guidance_id_fk" FOREIGN KEY ("guidance_id") REFERENCES "public"."guidance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_clearances" ADD CONSTRAINT "guidance_clearances_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_clearances" ADD CONSTRAINT "guidance_clearances_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_reports" ADD CONSTRAINT "guidance_reports_guidance_id_guidance_id_fk" FOREIGN KEY ("guidance_id") REFERENCES "public"."guidance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_reports" ADD CONSTRAINT "guidance_reports_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_requests" ADD CONSTRAINT "guidance_requests_guidance_id_guidance_id_fk" FOREIGN KEY ("guidance_id") REFERENCES "public"."guidance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_requests" ADD CONSTRAINT "guidance_requests_report_id_guidance_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."guidance_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_requests" ADD CONSTRAINT "guidance_requests_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_requests" ADD CONSTRAINT "guidance_requests_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_versions" ADD CONSTRAINT "guidance_versions_guidance_id_guidance_id_fk" FOREIGN KEY ("guidance_id") REFERENCES "public"."guidance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_versions" ADD CONSTRAINT "guidance_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guidance_space_meeting" ON "guidance" USING btree ("space","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guidance_clearances_office" ON "guidance_clearances" USING btree ("guidance_id","office");--> statement-breakpoint
CREATE INDEX "guidance_reports_space_slug" ON "guidance_reports" USING btree ("space","slug","filed_at");--> statement-breakpoint
CREATE INDEX "guidance_requests_space" ON "guidance_requests" USING btree ("space","answered_at","needed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "guidance_versions_key" ON "guidance_versions" USING btree ("guidance_id","version");