// In-memory draft of the reception form, so nothing typed is lost if the session
// expires mid-form (401 → sign-in → back). Deliberately NOT persisted to storage:
// this is sensitive personal data.
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
