CREATE TABLE "candidacies" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"government_code" text NOT NULL,
	"applied_on" date NOT NULL,
	"state" text NOT NULL,
	"admitted_on" date,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidacy_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidacy_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"meeting_id" integer,
	"paper_number" integer,
	"proposal_id" integer,
	"source" text,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidacy_views" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidacy_id" integer NOT NULL,
	"space" text NOT NULL,
	"position" text NOT NULL,
	"reasoning" text NOT NULL,
	"instructions" text,
	"rank" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_events" ADD CONSTRAINT "candidacy_events_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_events" ADD CONSTRAINT "candidacy_events_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_events" ADD CONSTRAINT "candidacy_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_views" ADD CONSTRAINT "candidacy_views_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_views" ADD CONSTRAINT "candidacy_views_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidacies_government" ON "candidacies" USING btree ("government_code");--> statement-breakpoint
CREATE INDEX "candidacy_events_candidacy" ON "candidacy_events" USING btree ("candidacy_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "candidacy_views_key" ON "candidacy_views" USING btree ("candidacy_id","space");