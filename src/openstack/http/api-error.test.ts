import { describe, expect, it } from 'vitest';
import { extractApiError } from './api-error.ts';

describe('extractApiError', () => {
  it('reads Keystone errors', () => {
    const body = { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } };
    expect(extractApiError(JSON.stringify(body))).toEqual({ message: 'The request you have made requires authentication.' });
  });

  it('reads Nova errors under any single top-level key', () => {
    expect(extractApiError('{"itemNotFound": {"code": 404, "message": "Instance abc could not be found."}}').message).toBe(
      'Instance abc could not be found.',
    );
    expect(extractApiError('{"conflictingRequest": {"code": 409, "message": "Cannot stop while locked"}}').message).toBe(
      'Cannot stop while locked',
    );
  });

  it('reads Neutron errors, keeping a useful detail', () => {
    expect(extractApiError('{"NeutronError": {"type": "NetworkNotFound", "message": "Network n1 could not be found.", "detail": ""}}').message).toBe(
      'Network n1 could not be found.',
    );
    expect(extractApiError('{"NeutronError": {"type": "BadRequest", "message": "Bad request.", "detail": "cidr overlaps"}}').message).toBe(
      'Bad request. cidr overlaps',
    );
  });

  it('reads Placement errors with their request id', () => {
    const body = { errors: [{ status: 404, title: 'Not Found', detail: 'No resource provider with uuid rp1 found', request_id: 'req-p1' }] };
    expect(extractApiError(JSON.stringify(body))).toEqual({ message: 'No resource provider with uuid rp1 found', requestId: 'req-p1' });
  });

  it("strips Glance's HTML error page down to its text", () => {
    const html = '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID i1<br /><br />\n\n\n </body>\n</html>';
    expect(extractApiError(html).message).toBe('404 Not Found No image found with ID i1');
  });

  it("drops the line breaks webob leaves in Glance's JSON errors", () => {
    const body = { message: 'No image found with ID i1<br /><br />\n\n\n', code: '404 Not Found', title: 'Not Found' };
    expect(extractApiError(JSON.stringify(body)).message).toBe('No image found with ID i1');
  });

  it('keeps plain text, bounded in length', () => {
    expect(extractApiError('  502 Bad Gateway \n').message).toBe('502 Bad Gateway');
    const long = extractApiError('x'.repeat(5000)).message ?? '';
    expect(long.length).toBe(300);
    expect(long.endsWith('…')).toBe(true);
  });

  it('reads WSME faults and tolerates bodies without a message', () => {
    expect(extractApiError('{"faultcode": "Client", "faultstring": "Invalid input"}').message).toBe('Invalid input');
    expect(extractApiError('{"a": 1, "b": 2}')).toEqual({});
    expect(extractApiError('')).toEqual({});
  });
});
