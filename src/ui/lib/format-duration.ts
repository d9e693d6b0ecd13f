/** Short, calm durations for badges and tables: "now", "40 s", "5 min", "3 h", "2 d". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 5) return 'now';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

export function formatAge(ms: number): string {
  const duration = formatDuration(ms);
  return duration === 'now' ? 'just now' : `${duration} ago`;
}

export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return 'expired';
  const duration = formatDuration(ms);
  return duration === 'now' ? 'expiring' : `in ${duration}`;
}
