CREATE TABLE "background_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "background_jobs_key" ON "background_jobs" USING btree ("key");--> statement-breakpoint
CREATE INDEX "background_jobs_due" ON "background_jobs" USING btree ("run_after") WHERE "background_jobs"."status" in ('pending', 'running');--> statement-breakpoint
-- Imports a crash or restart left unfinished before the queue existed: queued, so they resume.
INSERT INTO "background_jobs" ("kind", "key", "payload")
SELECT 'import', 'import:' || "id", jsonb_build_object('importJobId', "id")
FROM "import_jobs" WHERE "status" IN ('queued', 'running');
