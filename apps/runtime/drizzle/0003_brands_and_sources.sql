ALTER TABLE `api_tokens` ADD `brand` text;--> statement-breakpoint
ALTER TABLE `mentions` ADD `brand` text;--> statement-breakpoint
ALTER TABLE `mentions` ADD `source_id` text;