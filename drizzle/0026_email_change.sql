ALTER TYPE "public"."token_purpose" ADD VALUE 'email-change';--> statement-breakpoint
ALTER TABLE "user_tokens" ADD COLUMN "new_email" text;