ALTER TABLE "telegram_texts" ALTER COLUMN "search" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "telegrams" ADD COLUMN "raw_text" text;--> statement-breakpoint
ALTER TABLE "telegrams" ADD COLUMN "raw_bytes" "bytea";--> statement-breakpoint
-- Keep the bytes of telegrams already imported; the structure is read from them again on display.
UPDATE "telegrams" SET "raw_bytes" = "raw";--> statement-breakpoint
ALTER TABLE "telegrams" DROP COLUMN "raw";--> statement-breakpoint
ALTER TABLE "telegrams" DROP COLUMN "model";