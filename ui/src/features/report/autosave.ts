// Autosave for the rapport editor: changes are written a moment after typing stops, one save
// at a time; a change made while a save runs is written after it. The state tells the user
// whether what they see is stored.
export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string };

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: string | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly write: (text: string) => Promise<void>,
    private readonly onstate: (state: SaveState) => void,
    private readonly delayMs = 800,
  ) {}

  /** The text changed: save it after the delay (restarted by every further change). */
  change(text: string): void {
    this.latest = text;
    this.onstate({ kind: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves what is pending now (before leaving the screen, or on Ctrl+S). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running) await this.running;
    if (this.latest === null) return;
    const text = this.latest;
    this.latest = null;
    this.onstate({ kind: 'saving' });
    this.running = this.write(text).then(
      () => this.onstate(this.latest === null ? { kind: 'saved' } : { kind: 'pending' }),
      (e: unknown) => {
        // Keep the text so a later change or flush tries again; nothing typed is dropped.
        if (this.latest === null) this.latest = text;
        const message = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
        this.onstate({ kind: 'error', message });
      },
    );
    await this.running;
    this.running = null;
  }
}
