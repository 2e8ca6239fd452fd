// In-memory draft of the reception form, offered back when the worker leaves the form and
// returns to it in the same tab (an ended session no longer leaves the page: session/).
// Deliberately NOT persisted to storage: this is sensitive personal data.
let draft: unknown = null;

export function saveDraft(d: unknown): void {
  draft = d;
}

export function loadDraft<T>(): T | null {
  return draft as T | null;
}

export function clearDraft(): void {
  draft = null;
}

// Id of a case just created, so its page can confirm the save once.
let created: string | null = null;

export function markCreated(id: string): void {
  created = id;
}

export function takeCreated(id: string): boolean {
  if (created === id) {
    created = null;
    return true;
  }
  return false;
}
