ALTER TABLE "event_registrations" ADD COLUMN "waiting" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "promoted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "rescheduled_from" date;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "reschedule_reason" text;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "rescheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "cancelled_by" integer;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "held" boolean;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "attendees" smallint;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "learned" text;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "outcome_recorded_by" integer;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD COLUMN "outcome_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD CONSTRAINT "visit_requests_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD CONSTRAINT "visit_requests_outcome_recorded_by_users_id_fk" FOREIGN KEY ("outcome_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_registrations_line_idx" ON "event_registrations" USING btree ("event_id","waiting","registered_at","id");