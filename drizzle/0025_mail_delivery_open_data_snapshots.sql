CREATE TABLE "open_data_snapshot_parts" (
	"snapshot_id" integer NOT NULL,
	"part" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "open_data_snapshot_parts_snapshot_id_part_pk" PRIMARY KEY("snapshot_id","part")
);
--> statement-breakpoint
CREATE TABLE "open_data_snapshots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "open_data_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dataset" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"rows" integer,
	"bytes" bigint,
	"gzip_bytes" bigint,
	"sha256" text
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "open_data_snapshot_parts" ADD CONSTRAINT "open_data_snapshot_parts_snapshot_id_open_data_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."open_data_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "open_data_snapshots_dataset_idx" ON "open_data_snapshots" USING btree ("dataset","finished_at");--> statement-breakpoint
CREATE INDEX "outbox_undelivered_idx" ON "outbox" USING btree ("id") WHERE status in ('pending', 'sending');--> statement-breakpoint
-- New mail wakes the sender at once: the notice is sent when the transaction that wrote the
-- mail commits (never for one rolled back), to every server process listening on the channel.
-- A process that missed it (not yet listening, or restarting) finds the mail at its next
-- scheduled pass.
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lumbung_outbox', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_notify_trg AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
