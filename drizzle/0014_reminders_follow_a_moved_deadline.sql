DROP INDEX "reminders_key";--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_key" ON "reminders" USING btree ("rule_id","meeting_id","user_id","lead_minutes","due_at");