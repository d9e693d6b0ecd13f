import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeServiceHttp } from '../testing/fake-service-http.ts';
import { listImageTasks } from './list-image-tasks.ts';

function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

describe('GET /v2/images/{id}/tasks', () => {
  it("reads the upstream sample: the import task's status and Glance's message", async () => {
    const http = fakeServiceHttp(() => ({ body: loadSample('glance/v2/samples/image-tasks-show-response.json') }), { service: 'image', baseUrl: 'https://glance.example/v2' });
    const tasks = await listImageTasks(http, 'img-1');
    expect(http.requests[0]).toMatchObject({ method: 'GET', url: 'images/img-1/tasks' });
    expect(tasks).toMatchObject([{ type: 'api_image_import', status: 'processing', message: 'Copied 15 MiB' }]);
  });
});
