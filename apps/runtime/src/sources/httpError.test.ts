import { describe, expect, it } from 'vitest';
import { NetworkHttpError, readNetworkError } from './httpError.ts';

describe('readNetworkError', () => {
  it('reads a raw refused answer into an error with the status and the server’s reason', async () => {
    const json = new Response(JSON.stringify({ error: 'Validation failed: Text character limit of 500 exceeded' }), { status: 422, headers: { 'content-type': 'application/json' } });
    const e = (await readNetworkError(json)) as NetworkHttpError;
    expect(e).toBeInstanceOf(NetworkHttpError);
    expect(e).toMatchObject({ statusCode: 422, message: 'Validation failed: Text character limit of 500 exceeded' });

    const oauth = (await readNetworkError(new Response(JSON.stringify({ error: 'invalid_token', error_description: 'The access token is invalid' }), { status: 401 }))) as NetworkHttpError;
    expect(oauth).toMatchObject({ statusCode: 401, message: 'invalid_token', description: 'The access token is invalid' });

    const html = (await readNetworkError(new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }))) as NetworkHttpError;
    expect(html).toMatchObject({ statusCode: 502, message: '<h1>Bad gateway</h1>' });
    const empty = (await readNetworkError(new Response(null, { status: 503, statusText: 'Service Unavailable' }))) as NetworkHttpError;
    expect(empty.message).toBe('the server answered 503 Service Unavailable');
  });

  it('leaves every other error as it is', async () => {
    const error = new Error('socket hang up');
    expect(await readNetworkError(error)).toBe(error);
    expect(await readNetworkError('text')).toBe('text');
    expect(await readNetworkError(null)).toBe(null);
  });
});
