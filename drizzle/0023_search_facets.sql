ALTER TABLE "paper_portions" ADD COLUMN "paper_banner" integer;--> statement-breakpoint
ALTER TABLE "paper_portions" ADD COLUMN "paper_meeting_id" integer;--> statement-breakpoint
-- The portion's copies of its paper now include the banner and the meeting, which search counts
-- in its facets and narrows by without reading the register.
CREATE OR REPLACE FUNCTION plenary_portion_copies_paper() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.space, p.government_code, p.status, p.circulated_at, p.created_at, p.banner, p.meeting_id
    INTO NEW.paper_space, NEW.paper_government, NEW.paper_status, NEW.paper_circulated_at, NEW.paper_created_at,
         NEW.paper_banner, NEW.paper_meeting_id
    FROM papers p WHERE p.id = NEW.paper_id FOR SHARE;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER papers_to_portions ON "papers";
--> statement-breakpoint
CREATE TRIGGER papers_to_portions AFTER UPDATE ON "papers"
  FOR EACH ROW
  WHEN (OLD.space IS DISTINCT FROM NEW.space OR OLD.government_code IS DISTINCT FROM NEW.government_code
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.circulated_at IS DISTINCT FROM NEW.circulated_at
        OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.banner IS DISTINCT FROM NEW.banner
        OR OLD.meeting_id IS DISTINCT FROM NEW.meeting_id)
  EXECUTE FUNCTION plenary_paper_to_portions();
--> statement-breakpoint
UPDATE paper_portions SET paper_id = paper_id;
