import { STOCK_STATUSES } from '../../domain/processing-status';
import seed from './demo-herbarium.json';

/** Column values as the database holds them; `null` is SQL NULL, which differs from '' (PROTOCOL §1.3). */
export type Columns = Record<string, string | null>;

export interface FakeRecord {
  occid: number;
  collid: number;
  fields: Columns;
}
export interface FakeIdentifier {
  id: number;
  occid: number;
  name: string;
  value: string;
  modifiedUid: number | null;
}
export interface FakeMedia {
  mediaId: number;
  occid: number;
  /** Paths relative to the portal root, as stored (`imglib/...`). */
  url: string;
  thumbnailUrl: string;
  originalUrl: string;
}
export interface FakeEdit {
  ocedid: number;
  occid: number;
  fieldName: string;
  oldValue: string;
  newValue: string;
  uid: number;
  appliedStatus: 0 | 1;
  timestamp: string;
}
export interface FakeComment {
  comid: number;
  occid: number;
  uid: number;
  text: string;
  /** 1 public, 2 reported (hidden from the public), 0 pending (PROTOCOL rec. 12). */
  reviewStatus: number;
  posted: string;
}
export interface FakeArchive {
  archiveId: number;
  occid: number;
  record: Columns;
}
export interface FakeUser {
  uid: number;
  login: string;
  password: string;
  displayName: string;
  collAdmin: number[];
  collEditor: number[];
}
export interface FakeCollection {
  collid: number;
  name: string;
  institutionCode: string;
  collectionCode: string;
}

export interface FakeState {
  collections: FakeCollection[];
  users: FakeUser[];
  records: FakeRecord[];
  identifiers: FakeIdentifier[];
  media: FakeMedia[];
  edits: FakeEdit[];
  comments: FakeComment[];
  archive: FakeArchive[];
  /** The uid the browser's remember-me cookie (SymbiotaCrumb) stands for; null when logged out. */
  session: number | null;
  /** At the web root: the editor folder's own PHP session (see FakeSymbiota.user); null until first visited. */
  editorSession?: number | null;
  /** The PHP session timed out while the crumb lives on; any editor page starts a new one (rec. 14f). */
  phpSessionExpired?: boolean;
  /** Records opened in the editor form, which takes an edit lock (rec. 15b). */
  editLocks?: { occid: number; uid: number; at: string }[];
  statuses: string[];
  next: { occid: number; identifier: number; media: number; edit: number; comment: number; archive: number };
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: FakeUser[] = [
  {
    uid: 1,
    login: 'curator',
    password: DEMO_PASSWORD,
    displayName: 'Casey Curator',
    collAdmin: [1],
    collEditor: [],
  },
  { uid: 2, login: 'tech', password: DEMO_PASSWORD, displayName: 'Terry', collAdmin: [], collEditor: [1] },
  {
    uid: 3,
    login: 'viewer',
    password: DEMO_PASSWORD,
    displayName: 'Vera Viewer',
    collAdmin: [],
    collEditor: [],
  },
];

const SEEDED_AT = '2026-11-23 18:45:40';

/** A fresh copy of the demo herbarium as the recorded 3.4.14 portal held it (see scripts/make-demo-seed.py). */
export function demoState(): FakeState {
  const records: FakeRecord[] = seed.records.map((r) => ({
    occid: r.occid,
    collid: 1,
    fields: {
      ...(r.fields as Columns),
      recordSecurity: '0',
      recordID: `00000000-0000-4000-8000-${String(r.occid).padStart(12, '0')}`,
      dateEntered: SEEDED_AT,
      dateLastModified: SEEDED_AT,
    },
  }));
  return {
    collections: [
      {
        collid: 1,
        name: 'Demo Herbarium - Vascular Plants (DEMO:VP)',
        institutionCode: 'DEMO',
        collectionCode: 'VP',
      },
    ],
    users: DEMO_USERS.map((u) => ({ ...u })),
    records,
    identifiers: seed.identifiers.map((i) => ({ ...i, modifiedUid: 1 })),
    media: seed.media.map((m) => ({ ...m })),
    edits: [],
    comments: [],
    archive: [],
    session: null,
    statuses: [...STOCK_STATUSES],
    // The recorded portal's next ids: new record 43 (rec. 13), identifier 31 (09b), edit 2 (09a).
    next: { occid: 43, identifier: 31, media: 12, edit: 2, comment: 1, archive: 1 },
  };
}

/** An empty portal with the demo users and collection, for tests that build their own records. */
export function emptyState(): FakeState {
  return { ...demoState(), records: [], identifiers: [], media: [] };
}
