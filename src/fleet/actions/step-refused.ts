/** A step that looked at its target and would not proceed: a different resource of the same name, a server that is gone. */
export class StepRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepRefusedError';
  }
}
