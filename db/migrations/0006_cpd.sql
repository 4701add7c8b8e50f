CREATE TABLE "cpd_activities" (
	"holder_id" text NOT NULL,
	"credential_id" uuid NOT NULL,
	"hours" real,
	"participatory" boolean,
	"topics" text[],
	"record_kinds" text[],
	"excluded" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cpd_activities_holder_id_credential_id_pk" PRIMARY KEY("holder_id","credential_id"),
	CONSTRAINT "cpd_activities_hours_range" CHECK ("cpd_activities"."hours" is null or ("cpd_activities"."hours" >= 0 and "cpd_activities"."hours" <= 2000))
);
--> statement-breakpoint
CREATE TABLE "cpd_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" text NOT NULL,
	"profile_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cpd_cycles_ends_after_start" CHECK ("cpd_cycles"."ends_on" > "cpd_cycles"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "cpd_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" text,
	"slug" text NOT NULL,
	"source" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpd_reminder_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" text NOT NULL,
	"reminder_key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpd_reminder_settings" (
	"holder_id" text PRIMARY KEY NOT NULL,
	"in_app" boolean DEFAULT true NOT NULL,
	"email" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cpd_activities" ADD CONSTRAINT "cpd_activities_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_activities" ADD CONSTRAINT "cpd_activities_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_cycles" ADD CONSTRAINT "cpd_cycles_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_cycles" ADD CONSTRAINT "cpd_cycles_profile_id_cpd_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."cpd_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_profiles" ADD CONSTRAINT "cpd_profiles_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_reminder_deliveries" ADD CONSTRAINT "cpd_reminder_deliveries_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_reminder_settings" ADD CONSTRAINT "cpd_reminder_settings_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cpd_cycles_holder" ON "cpd_cycles" USING btree ("holder_id","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cpd_profiles_catalog_slug" ON "cpd_profiles" USING btree ("slug") WHERE "cpd_profiles"."holder_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cpd_profiles_holder_slug" ON "cpd_profiles" USING btree ("holder_id","slug") WHERE "cpd_profiles"."holder_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cpd_reminder_deliveries_key" ON "cpd_reminder_deliveries" USING btree ("holder_id","reminder_key");