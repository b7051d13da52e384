ALTER TABLE "agencies" ADD COLUMN "active_from" smallint;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "active_until" smallint;