ALTER TABLE "paper_portions" ADD COLUMN "paper_space" text;--> statement-breakpoint
ALTER TABLE "paper_portions" ADD COLUMN "paper_government" text;--> statement-breakpoint
ALTER TABLE "paper_portions" ADD COLUMN "paper_status" text;--> statement-breakpoint
ALTER TABLE "paper_portions" ADD COLUMN "paper_circulated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "paper_portions" ADD COLUMN "paper_created_at" timestamp with time zone;--> statement-breakpoint
-- A portion's copies of its paper's access columns come from the paper, always: set on every
-- insert and update of the portion, whatever the statement wrote. FOR SHARE waits for a change to
-- the paper in flight and reads it once committed; a change that starts later waits for this
-- transaction, and its own trigger then sees this portion.
CREATE FUNCTION plenary_portion_copies_paper() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.space, p.government_code, p.status, p.circulated_at, p.created_at
    INTO NEW.paper_space, NEW.paper_government, NEW.paper_status, NEW.paper_circulated_at, NEW.paper_created_at
    FROM papers p WHERE p.id = NEW.paper_id FOR SHARE;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER paper_portions_copy_paper BEFORE INSERT OR UPDATE ON "paper_portions"
  FOR EACH ROW EXECUTE FUNCTION plenary_portion_copies_paper();
--> statement-breakpoint
-- When those columns of a paper change, its portions take the new values (through the trigger above).
CREATE FUNCTION plenary_paper_to_portions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE paper_portions SET paper_id = paper_id WHERE paper_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER papers_to_portions AFTER UPDATE ON "papers"
  FOR EACH ROW
  WHEN (OLD.space IS DISTINCT FROM NEW.space OR OLD.government_code IS DISTINCT FROM NEW.government_code
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.circulated_at IS DISTINCT FROM NEW.circulated_at
        OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION plenary_paper_to_portions();
--> statement-breakpoint
UPDATE paper_portions SET paper_id = paper_id;
