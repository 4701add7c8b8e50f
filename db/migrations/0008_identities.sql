CREATE TABLE "email_confirmations" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"holder_id" text NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holder_dids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" text NOT NULL,
	"did" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"private_key_jwe" text NOT NULL,
	"status" text DEFAULT 'current' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "holder_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" text NOT NULL,
	"email" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_confirmations" ADD CONSTRAINT "email_confirmations_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holder_dids" ADD CONSTRAINT "holder_dids_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holder_emails" ADD CONSTRAINT "holder_emails_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_confirmations_holder" ON "email_confirmations" USING btree ("holder_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "holder_dids_did" ON "holder_dids" USING btree ("did");--> statement-breakpoint
CREATE UNIQUE INDEX "holder_dids_one_current" ON "holder_dids" USING btree ("holder_id") WHERE "holder_dids"."status" = 'current';--> statement-breakpoint
CREATE UNIQUE INDEX "holder_emails_email" ON "holder_emails" USING btree ("email");--> statement-breakpoint
CREATE INDEX "holder_emails_holder" ON "holder_emails" USING btree ("holder_id");