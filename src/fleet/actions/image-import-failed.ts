/** Glance ran the import and it failed: its own reason, and where (cloud/region, store). */
export class ImageImportFailedError extends Error {
  constructor(
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ImageImportFailedError';
  }
}
