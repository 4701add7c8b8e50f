CREATE TABLE "pathway_follows" (
	"holder_id" text NOT NULL,
	"pathway_id" uuid NOT NULL,
	"followed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_follows_holder_id_pathway_id_pk" PRIMARY KEY("holder_id","pathway_id")
);
--> statement-breakpoint
CREATE TABLE "pathways" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" text,
	"slug" text NOT NULL,
	"source" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"goal" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pathway_follows" ADD CONSTRAINT "pathway_follows_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_follows" ADD CONSTRAINT "pathway_follows_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pathway_follows_pathway" ON "pathway_follows" USING btree ("pathway_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pathways_catalog_slug" ON "pathways" USING btree ("slug") WHERE "pathways"."holder_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pathways_holder_slug" ON "pathways" USING btree ("holder_id","slug") WHERE "pathways"."holder_id" is not null;