CREATE TYPE "public"."visit_state" AS ENUM('pending', 'accepted', 'declined', 'cancelled');--> statement-breakpoint
CREATE TABLE "visit_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"innovation_id" integer NOT NULL,
	"host_agency_id" integer NOT NULL,
	"visitor_agency_id" integer NOT NULL,
	"requested_by" integer,
	"preferred_on" date NOT NULL,
	"participants" smallint NOT NULL,
	"purpose" text NOT NULL,
	"state" "visit_state" DEFAULT 'pending' NOT NULL,
	"agreed_on" date,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_requests" ADD CONSTRAINT "visit_requests_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD CONSTRAINT "visit_requests_host_agency_id_agencies_id_fk" FOREIGN KEY ("host_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD CONSTRAINT "visit_requests_visitor_agency_id_agencies_id_fk" FOREIGN KEY ("visitor_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD CONSTRAINT "visit_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_requests" ADD CONSTRAINT "visit_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_requests_host_idx" ON "visit_requests" USING btree ("host_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "visit_requests_visitor_idx" ON "visit_requests" USING btree ("visitor_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "visit_requests_innovation_idx" ON "visit_requests" USING btree ("innovation_id");