CREATE TABLE "known_issuers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "verification" jsonb;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "verified_at" timestamp with time zone;