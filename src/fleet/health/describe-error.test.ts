import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../../openstack/index.ts';
import { describeError } from './describe-error.ts';

describe('describeError', () => {
  it('names the place, the API message, the status and the request id', () => {
    const error = new OpenStackError('request failed', {
      kind: 'http',
      cloud: 'ams',
      region: 'ams-1',
      service: 'compute',
      status: 503,
      requestId: 'req-4f1c',
      apiMessage: 'Service Unavailable',
    });
    expect(describeError(error)).toEqual({
      headline: 'The API answered with an error',
      detail: 'Service Unavailable',
      status: 503,
      requestId: 'req-4f1c',
      where: 'ams / ams-1 / compute',
    });
  });

  it('tells a network failure apart from an HTTP one', () => {
    const error = new OpenStackError('fetch failed', { kind: 'network', cloud: 'fra' });
    expect(describeError(error).headline).toMatch(/Cannot reach/);
    expect(describeError(error).where).toBe('fra');
  });

  it('still describes errors that did not come from the client', () => {
    expect(describeError(new Error('disk full'))).toEqual({ headline: 'Unexpected error', detail: 'disk full' });
    expect(describeError('plain')).toEqual({ headline: 'Unexpected error', detail: 'plain' });
  });
});
