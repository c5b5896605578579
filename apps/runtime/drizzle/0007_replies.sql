CREATE TABLE `canned_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `canned_replies_team` ON `canned_replies` (`team_id`);--> statement-breakpoint
CREATE TABLE `replies` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`mention_id` text NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`sent_elsewhere` integer DEFAULT false NOT NULL,
	`url` text,
	`network_id` text,
	`error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `replies_case` ON `replies` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reply_drafts` (
	`case_id` text PRIMARY KEY NOT NULL,
	`node` text NOT NULL,
	`template` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_secrets` (
	`id` integer PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text
);
