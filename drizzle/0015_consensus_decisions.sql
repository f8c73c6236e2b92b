CREATE TABLE "position_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text NOT NULL,
	"proposal_id" integer NOT NULL,
	"position" text NOT NULL,
	"reason" text,
	"amendment" text,
	"prepared_by" integer,
	"preparer" text NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"proposal_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "proposal_positions" (
	"id" serial PRIMARY KEY NOT NULL,
	"proposal_id" integer NOT NULL,
	"government_code" text NOT NULL,
	"position" text NOT NULL,
	"reason" text,
	"amendment" text,
	"stated_by" integer,
	"stater" text NOT NULL,
	"stated_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"title" text NOT NULL,
	"title_rank" integer NOT NULL,
	"portions" jsonb NOT NULL,
	"banner" integer NOT NULL,
	"proposer" text NOT NULL,
	"government_code" text NOT NULL,
	"created_by" integer,
	"meeting_id" integer,
	"agenda_item_id" integer,
	"date_change_id" integer,
	"paper_numbers" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"procedure" text,
	"state" text NOT NULL,
	"silence_deadline" timestamp with time zone,
	"final_on" date,
	"final_at_meeting_id" integer,
	"outcome_note" text,
	"record_paper" integer,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"open_notice_at" timestamp with time zone,
	"close_notice_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "position_drafts" ADD CONSTRAINT "position_drafts_space_governments_code_fk" FOREIGN KEY ("space") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_drafts" ADD CONSTRAINT "position_drafts_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_drafts" ADD CONSTRAINT "position_drafts_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_positions" ADD CONSTRAINT "proposal_positions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_positions" ADD CONSTRAINT "proposal_positions_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_positions" ADD CONSTRAINT "proposal_positions_stated_by_users_id_fk" FOREIGN KEY ("stated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_date_change_id_meeting_date_changes_id_fk" FOREIGN KEY ("date_change_id") REFERENCES "public"."meeting_date_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_final_at_meeting_id_meetings_id_fk" FOREIGN KEY ("final_at_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "position_drafts_one" ON "position_drafts" USING btree ("space","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal" ON "proposal_events" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_positions_current" ON "proposal_positions" USING btree ("proposal_id","government_code") WHERE "proposal_positions"."replaced_at" is null;--> statement-breakpoint
CREATE INDEX "proposal_positions_history" ON "proposal_positions" USING btree ("proposal_id","stated_at");--> statement-breakpoint
CREATE INDEX "proposals_state" ON "proposals" USING btree ("state","silence_deadline");--> statement-breakpoint
CREATE INDEX "proposals_meeting" ON "proposals" USING btree ("meeting_id");