/**
 * Pulls the human message (and Placement's request id) out of whatever error
 * body a service sent. Each OpenStack project has its own shape:
 *
 *   Keystone   {"error": {"code": 401, "message": "…", "title": "Unauthorized"}}
 *   Nova       {"itemNotFound": {"code": 404, "message": "…"}}  (any single key)
 *   Neutron    {"NeutronError": {"type": "…", "message": "…", "detail": ""}}
 *   Placement  {"errors": [{"status": 404, "title": "…", "detail": "…", "request_id": "…"}]}
 *   Glance     webob: an HTML page, or {"message": "…<br /><br />", "code": "404 Not Found", "title": "…"} for Accept: application/json
 *   WSME       {"faultcode": "Client", "faultstring": "…"}  (Octavia, Ironic)
 */
export interface ApiErrorInfo {
  message?: string;
  requestId?: string;
}

const MAX_MESSAGE_LENGTH = 300;

export function extractApiError(text: string): ApiErrorInfo {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const json = tryParseJson(trimmed);
  if (json !== undefined) return fromJson(json);
  return { message: bound(htmlToText(trimmed)) };
}

function fromJson(body: unknown): ApiErrorInfo {
  if (!isRecord(body)) return typeof body === 'string' ? { message: bound(body) } : {};

  if (Array.isArray(body['errors'])) {
    const first: unknown = body['errors'][0];
    if (isRecord(first)) {
      return {
        message: bound(str(first['detail']) ?? str(first['title'])),
        requestId: str(first['request_id']),
      };
    }
  }

  const direct = str(body['message']) ?? str(body['faultstring']) ?? str(body['description']);
  // Glance's JSON errors are webob's HTML template rendered as JSON: the message keeps its `<br />`s.
  if (direct !== undefined) return { message: bound(direct.replace(/<br\s*\/?>/gi, ' ')) };

  const keys = Object.keys(body);
  const preferred = ['error', 'NeutronError'].find((key) => key in body);
  const key = preferred ?? (keys.length === 1 ? keys[0] : undefined);
  if (key === undefined) return {};
  const inner = body[key];
  if (typeof inner === 'string') return { message: bound(inner) };
  if (isRecord(inner)) {
    const message = str(inner['message']);
    const detail = str(inner['detail']);
    // Neutron sometimes puts the useful part in 'detail' and a generic sentence in 'message'.
    const combined = message && detail && !message.includes(detail) ? `${message} ${detail}` : (message ?? detail);
    return { message: bound(combined) };
  }
  return {};
}

/** Glance (webob) answers errors with an HTML page whose <title> repeats the status; keep only the body text. */
function htmlToText(text: string): string {
  if (!/<[a-z!/]/i.test(text)) return text.replace(/\s+/g, ' ').trim();
  return text
    .replace(/<head[\s\S]*?<\/head>/gi, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function bound(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const clean = message.replace(/\s+/g, ' ').trim();
  if (clean === '') return undefined;
  return clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : clean;
}

function tryParseJson(text: string): unknown {
  if (!text.startsWith('{') && !text.startsWith('[') && !text.startsWith('"')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
