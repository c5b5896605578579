CREATE TABLE `digest_sends` (
	`user_id` text NOT NULL,
	`date` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`sent_at` integer,
	PRIMARY KEY(`user_id`, `date`)
);
--> statement-breakpoint
CREATE TABLE `digest_subscribers` (
	`user_id` text PRIMARY KEY NOT NULL,
	`since` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `teams` ADD `hours` text;--> statement-breakpoint
ALTER TABLE `teams` ADD `max_per_member` integer;