CREATE TABLE "outreach_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"space" text DEFAULT 'regime' NOT NULL,
	"government_code" text NOT NULL,
	"format" text NOT NULL,
	"city" text NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"authorities" jsonb NOT NULL,
	"delegation" jsonb NOT NULL,
	"aims" jsonb NOT NULL,
	"points" jsonb NOT NULL,
	"banner" integer NOT NULL,
	"report_paper" integer,
	"reported_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outreach_visits" ADD CONSTRAINT "outreach_visits_government_code_governments_code_fk" FOREIGN KEY ("government_code") REFERENCES "public"."governments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visits" ADD CONSTRAINT "outreach_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_visits_first_day" ON "outreach_visits" USING btree ("first_day");