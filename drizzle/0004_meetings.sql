CREATE TABLE "calendar_feeds" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deadline_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"code" text NOT NULL,
	"document_kind" text NOT NULL,
	"anchor_kind" text NOT NULL,
	"anchor_meeting_id" integer,
	"anchor_day" text NOT NULL,
	"offset_amount" integer,
	"offset_unit" text,
	"fixed_day" date,
	"firm" boolean NOT NULL,
	"wording" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"government_code" text NOT NULL,
	"title" text NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"late_seconds" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_waivers" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"government_code" text NOT NULL,
	"reason" text NOT NULL,
	"waived_by" integer,
	"waived_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"reminder_id" integer,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_date_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"from_first_day" date NOT NULL,
	"from_last_day" date NOT NULL,
	"to_first_day" date NOT NULL,
	"to_last_day" date NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_by_user_id" integer,
	"proposed_on" date NOT NULL,
	"agreement" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"host_code" text NOT NULL,
	"city" text NOT NULL,
	"time_zone" text NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"days_without_sessions" date[] DEFAULT '{}'::date[] NOT NULL,
	"conjunction_with_id" integer,
	"chair" text,
	"status" text NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"uid" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"lead_minutes" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"transport" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_anchor_meeting_id_meetings_id_fk" FOREIGN KEY ("anchor_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_submissions" ADD CONSTRAINT "deadline_submissions_rule_id_deadline_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."deadline_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_submissions" ADD CONSTRAINT "deadline_submissions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_submissions" ADD CONSTRAINT "deadline_submissions_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_submissions" ADD CONSTRAINT "deadline_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_waivers" ADD CONSTRAINT "deadline_waivers_rule_id_deadline_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."deadline_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_waivers" ADD CONSTRAINT "deadline_waivers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_waivers" ADD CONSTRAINT "deadline_waivers_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_waivers" ADD CONSTRAINT "deadline_waivers_waived_by_users_id_fk" FOREIGN KEY ("waived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_reminder_id_reminders_id_fk" FOREIGN KEY ("reminder_id") REFERENCES "public"."reminders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_date_changes" ADD CONSTRAINT "meeting_date_changes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_date_changes" ADD CONSTRAINT "meeting_date_changes_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_code_governments_code_fk" FOREIGN KEY ("host_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_conjunction_with_id_meetings_id_fk" FOREIGN KEY ("conjunction_with_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_rule_id_deadline_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."deadline_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_secret" ON "calendar_feeds" USING btree ("secret");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_active" ON "calendar_feeds" USING btree ("user_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_rules_code" ON "deadline_rules" USING btree ("code");--> statement-breakpoint
CREATE INDEX "deadline_submissions_key" ON "deadline_submissions" USING btree ("rule_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_waivers_key" ON "deadline_waivers" USING btree ("rule_id","meeting_id","government_code");--> statement-breakpoint
CREATE INDEX "meeting_date_changes_meeting" ON "meeting_date_changes" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_uid" ON "meetings" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "meetings_first_day" ON "meetings" USING btree ("first_day");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_key" ON "reminders" USING btree ("rule_id","meeting_id","user_id","lead_minutes");