// Documents attached to a case (api.ts CaseDocument): what the attach form checks before anything is
// sent. The server checks again and decides a file's type by its first bytes, never by its name or
// the browser's word for it; these checks spare a person waiting for 10 MB to leave only to be
// refused, and say at once what is wrong. Pure, unit-tested.
import type { DocumentMediaType } from '../api';
import { k, type MessageKey } from '../i18n';

/** The most a document may weigh: 10 MiB, as the server counts it. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** A document's name, as the server counts it: code points, not UTF-16 units. */
export const MAX_DOCUMENT_NAME = 200;
export const DOCUMENT_TYPES: readonly DocumentMediaType[] = ['application/pdf', 'image/jpeg', 'image/png'];
/** The file input's `accept`: what the file chooser offers first. */
export const DOCUMENT_ACCEPT = DOCUMENT_TYPES.join(',');

/** What keeps a chosen file from being sent. */
export type FileProblem = 'too_large' | 'empty';

export function fileProblem(file: { size: number }): FileProblem | null {
  if (file.size > MAX_DOCUMENT_BYTES) return 'too_large';
  return file.size === 0 ? 'empty' : null;
}

/**
 * Whether the browser calls the file something other than a PDF, JPEG or PNG (or nothing at all): a
 * warning only, since the browser guesses from the name and the server reads the content.
 */
export function unexpectedType(file: { type: string }): boolean {
  return !(DOCUMENT_TYPES as readonly string[]).includes(file.type);
}

/** What is wrong with a name as typed (the name sent is trimmed): none, too long, or a path. */
export type NameProblem = 'required' | 'too_long' | 'path';

export function nameProblem(name: string): NameProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  if ([...trimmed].length > MAX_DOCUMENT_NAME) return 'too_long';
  return /[/\\]/.test(trimmed) ? 'path' : null;
}

export const FILE_PROBLEM: Record<FileProblem, MessageKey> = {
  too_large: k('documents.tooLarge'),
  empty: k('documents.empty'),
};

export const NAME_PROBLEM: Record<NameProblem, MessageKey> = {
  required: k('documents.nameRequired'),
  too_long: k('documents.nameTooLong'),
  path: k('documents.namePath'),
};

/** A type in words, for the icon's name. */
export const DOCUMENT_TYPE_LABEL: Record<DocumentMediaType, MessageKey> = {
  'application/pdf': k('documents.type.pdf'),
  'image/jpeg': k('documents.type.jpeg'),
  'image/png': k('documents.type.png'),
};

/** An image (JPEG, PNG) rather than a PDF: its icon. */
export const isImage = (type: string): boolean => type.startsWith('image/');
