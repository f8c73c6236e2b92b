DROP INDEX "telegrams_dedupe_key";--> statement-breakpoint
CREATE UNIQUE INDEX "telegrams_space_dedupe_key" ON "telegrams" USING btree ("space","dedupe_key");