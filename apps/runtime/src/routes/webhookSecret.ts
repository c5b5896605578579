import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import { errors, json, newRouter, signedIn } from '../http/openapi.ts';
import { rotateWebhookSecret } from '../outbox/webhookSecret.ts';

const rotate = createRoute({
  method: 'post', path: '/secret/rotate', tags: ['deliveries'], operationId: 'rotateWebhookSecret', security: signedIn,
  summary: 'Make a new webhook signing secret (admin); answered once, never shown again',
  description: 'Every webhook delivery is signed (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`) with this secret. '
    + 'Baton makes the first one when a delivery first needs it; rotate to see a secret and give it to your receivers. Deliveries after the rotation use the new one.',
  responses: { 200: json(z.object({ secret: z.string(), createdAt: z.string() }), 'The new secret (shown once)'), 401: errors[401], 403: errors[403] },
});

/** `/api/webhooks`: the secret webhook deliveries are signed with. */
export function webhookSecretRoutes() {
  return newRouter().openapi(rotate, (c) => {
    const admin = requireRole(c, 'admin');
    const { secret, createdAt } = rotateWebhookSecret(c.get('rt'), admin.id, c.get('from'));
    c.header('cache-control', 'no-store');
    return c.json({ secret, createdAt: iso(createdAt)! }, 200);
  });
}
