CREATE TYPE "public"."check_in_outcome" AS ENUM('running', 'stopped');--> statement-breakpoint
CREATE TABLE "innovation_check_ins" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "innovation_check_ins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"innovation_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"outcome" "check_in_outcome" NOT NULL,
	"note" text NOT NULL,
	"evidence_url" text,
	"evidence_file_id" integer,
	"stopped_on" date,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "innovation_check_ins" ADD CONSTRAINT "innovation_check_ins_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_check_ins" ADD CONSTRAINT "innovation_check_ins_evidence_file_id_innovation_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."innovation_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_check_ins" ADD CONSTRAINT "innovation_check_ins_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_check_ins_year_idx" ON "innovation_check_ins" USING btree ("innovation_id","year");