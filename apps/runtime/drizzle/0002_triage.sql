CREATE TABLE `mention_tags` (
	`mention_id` text NOT NULL,
	`tag` text NOT NULL,
	`added_by` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`mention_id`, `tag`)
);
--> statement-breakpoint
ALTER TABLE `mentions` ADD `dismissed_by` text;--> statement-breakpoint
ALTER TABLE `mentions` ADD `dismissed_at` integer;--> statement-breakpoint
ALTER TABLE `mentions` ADD `dismiss_reason` text;