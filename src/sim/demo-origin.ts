/** `.invalid` is reserved (RFC 2606): a demo origin can never reach a real cloud. */
export function demoOriginFor(cloudName: string): string {
  return `https://${cloudName}.sim.invalid`;
}
