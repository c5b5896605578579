CREATE TABLE `source_posts` (
	`mention_id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`network_id` text NOT NULL,
	`cid` text,
	`root_uri` text,
	`root_cid` text
);
--> statement-breakpoint
CREATE INDEX `source_posts_source` ON `source_posts` (`source_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`brand` text,
	`settings` text NOT NULL,
	`secrets` text,
	`paused` integer DEFAULT false NOT NULL,
	`failing` integer DEFAULT false NOT NULL,
	`last_error` text,
	`cursor` text,
	`duplicate_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mentions_source` ON `mentions` (`source_id`,`received_at`);