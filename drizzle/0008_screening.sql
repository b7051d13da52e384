CREATE TYPE "public"."screening_result" AS ENUM('pending', 'passed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."similarity_run_state" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "similarity_matches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "similarity_matches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"other_kind" text NOT NULL,
	"other_id" integer NOT NULL,
	"similarity" smallint NOT NULL,
	"identical_title" boolean DEFAULT false NOT NULL,
	"passages" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "similarity_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "similarity_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"state" "similarity_run_state" DEFAULT 'running' NOT NULL,
	"proposals" integer DEFAULT 0 NOT NULL,
	"compared_with" integer DEFAULT 0 NOT NULL,
	"flagged" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" integer
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "screening" "screening_result" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "screening_checklist" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "screening_reason" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "screened_by" integer;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "screened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "similarity_matches" ADD CONSTRAINT "similarity_matches_run_id_similarity_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."similarity_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similarity_matches" ADD CONSTRAINT "similarity_matches_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similarity_runs" ADD CONSTRAINT "similarity_runs_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similarity_runs" ADD CONSTRAINT "similarity_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "similarity_matches_run_proposal_idx" ON "similarity_matches" USING btree ("run_id","proposal_id");--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;