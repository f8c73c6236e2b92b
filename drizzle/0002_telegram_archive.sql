CREATE TABLE "telegram_texts" (
	"telegram_id" integer NOT NULL,
	"space" text NOT NULL,
	"rank" integer NOT NULL,
	"body" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', body)) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telegrams" (
	"id" serial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"message_ref" text,
	"space" text NOT NULL,
	"banner" integer NOT NULL,
	"classification" text NOT NULL,
	"subject_rank" integer NOT NULL,
	"subject" text,
	"originator" text,
	"sent_at" timestamp with time zone,
	"tags" text[] NOT NULL,
	"format" text NOT NULL,
	"source_name" text,
	"raw" "bytea" NOT NULL,
	"model" jsonb NOT NULL,
	"diagnostics" integer NOT NULL,
	"repairs" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telegram_texts" ADD CONSTRAINT "telegram_texts_telegram_id_telegrams_id_fk" FOREIGN KEY ("telegram_id") REFERENCES "public"."telegrams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_texts_key" ON "telegram_texts" USING btree ("telegram_id","rank");--> statement-breakpoint
CREATE INDEX "telegram_texts_search" ON "telegram_texts" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "telegrams_dedupe_key" ON "telegrams" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "telegrams_space_sent" ON "telegrams" USING btree ("space","sent_at");--> statement-breakpoint
CREATE INDEX "telegrams_tags" ON "telegrams" USING gin ("tags");