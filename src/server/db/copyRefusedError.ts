/**
 * The copy between databases refused to start, or stopped and rolled the target back: a target
 * that already holds rows, schemas that differ, row counts that do not match after copying. The
 * message says what and where; nothing was left in the target.
 */
export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}
