/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import { runLayout, type LayoutRequest, type LayoutResponse } from './elk-layout.ts';

// The bundled build runs ELK in this thread, which is already off the UI thread.
const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { shape } = event.data;
  let response: LayoutResponse;
  try {
    response = { key: shape.key, placement: await runLayout(elk, shape) };
  } catch (error) {
    response = { key: shape.key, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
