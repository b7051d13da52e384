DROP INDEX "innovations_published_idx";--> statement-breakpoint
CREATE INDEX "innovations_published_idx" ON "innovations" USING btree ("published_at","id") WHERE state = 'published';