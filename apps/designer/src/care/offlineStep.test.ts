import { describe, expect, it } from 'vitest';
import { offlineStep } from './offlineStep.ts';

describe('offlineStep', () => {
  it.each([
    ['Call the prospect for a discovery call and log the call in the CRM', 'Call the customer', 'phone'],
    ['Phone the member back within the day', 'Call the customer', 'phone'],
    ['Send the refund form by e-mail', 'Continue by e-mail', 'email'],
    ['Email the invoice', 'Continue by e-mail', 'email'],
    ['Meet the customer at the branch', 'Meet the customer', 'meeting'],
    ['Ask for details in a DM', 'Continue in a direct message', 'dm'],
    ['Resolve it privately', 'Continue off the public network', 'phone'],
  ])('%s → %s', (action, title, kind) => {
    expect(offlineStep(action)).toEqual({ title, kind });
  });
  it('does not take "recall" or "dmitri" for a call or a DM', () => {
    expect(offlineStep('Recall the order').title).toBe('Continue off the public network');
    expect(offlineStep('Ask dmitri').title).toBe('Continue off the public network');
  });
});
