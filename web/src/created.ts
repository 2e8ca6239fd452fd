// The case just registered at reception, so that its page confirms the save once.
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
