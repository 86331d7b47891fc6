import { columnFor, NOT_MERGED } from './columns';
import { PORTAL_PROFILES, type PortalProfile } from './profiles';
import { runEditorQuery, type EditorQuery } from './query';
import { wordingFor } from './wording';
import {
  demoState,
  type Columns,
  type FakeIdentifier,
  type FakeRecord,
  type FakeState,
  type FakeUser,
} from './state';

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
/** `OccurrenceEditorManager::getLock`: 900 seconds. */
const EDIT_LOCK_MS = 15 * 60 * 1000;
const empty = (v: string | null | undefined) => v === null || v === undefined || v === '';

export type SaveOutcome =
  { kind: 'saved'; record: FakeRecord } | { kind: 'error'; message: string } | { kind: 'not-authorized' };

/**
 * A fault the fake portal can be told to produce, to test that nothing is lost or misreported:
 * `drop-request` (the request never arrives), `drop-answer` (the portal applies it, the answer is lost),
 * `server-error` (HTTP 500, nothing applied), `slow-answer` (applied, answered after `delayMs`),
 * `end-session` (the portal session ends just before the request), `refuse` (the portal answers as it does
 * to a user without editor rights on the collection: nothing applied, said on the page).
 */
export type FaultKind =
  'drop-request' | 'drop-answer' | 'server-error' | 'slow-answer' | 'end-session' | 'refuse';
/** The faults a station must ride out with nothing lost: each ends with the write in the portal, once. */
export const FAULT_KINDS: FaultKind[] = [
  'drop-request',
  'drop-answer',
  'server-error',
  'slow-answer',
  'end-session',
];

export interface Fault {
  kind: FaultKind;
  /** Only requests that write (saves, record creation, merges, comments), or every request. */
  on: 'writes' | 'everything';
  /** How many matching requests it hits. */
  remaining: number;
  /** How many matching requests pass untouched first (a fault at the third write of a task: 2). */
  after: number;
  delayMs: number;
}

export interface SaveRequest {
  occid: number;
  collid?: number;
  editedFields: string[];
  posted: [string, string][];
}

/**
 * An in-memory Symbiota 3.4 with the real portal's semantics, quirks included: exact-match searches, the
 * editor's zero rule, saves that write every posted field, a merge that fills only empty fields and logs
 * nothing. Everything it does is described in PROTOCOL.md and the recordings; see docs/decisions.
 */
export class FakeSymbiota {
  state: FakeState;
  /** Which kind of portal this one plays (see profiles.ts); the recorded one unless told otherwise. */
  readonly profile: PortalProfile;
  /** How many requests the portal answered (the benchmark counts requests per link). */
  requestsReceived = 0;
  /** Writes the portal carried out (saves, created records, merges, comments): a doubled write shows here. */
  writesApplied = 0;
  /** Requests that meant to write, applied or not (a fault can be put at the n-th). */
  writeRequestsReceived = 0;
  private faults: Fault[] = [];
  private readonly clock: () => Date;
  private readonly onChange: (state: FakeState) => void;

  constructor(
    options: {
      state?: FakeState;
      clock?: () => Date;
      onChange?: (state: FakeState) => void;
      profile?: PortalProfile;
    } = {},
  ) {
    this.state = options.state ?? demoState();
    this.profile = options.profile ?? PORTAL_PROFILES.recorded;
    this.clock = options.clock ?? (() => new Date());
    this.onChange = options.onChange ?? (() => undefined);
  }

  /** The PHP session times out; the remember-me cookie lives on (PROTOCOL preface, rec. 14f). */
  expirePhpSession() {
    this.state.phpSessionExpired = true;
    this.state.editorSession = null;
    this.changed();
  }

  /** Makes the next matching request(s) fail on purpose (see FaultKind). */
  injectFault(
    kind: FaultKind,
    options: { on?: Fault['on']; times?: number; delayMs?: number; after?: number } = {},
  ) {
    this.faults.push({
      kind,
      on: options.on ?? 'writes',
      remaining: options.times ?? 1,
      after: options.after ?? 0,
      delayMs: options.delayMs ?? 10_000,
    });
  }

  clearFaults() {
    this.faults = [];
  }

  /** The fault this request meets, if any; each use counts down. */
  faultFor(isWrite: boolean): Fault | null {
    if (isWrite) this.writeRequestsReceived += 1;
    const fault = this.faults.find((f) => f.on === 'everything' || isWrite);
    if (!fault) return null;
    if (fault.after > 0) {
      fault.after -= 1;
      return null;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  /** Any editor or profile page re-creates the PHP session from the crumb. */
  pageVisited() {
    if (this.state.phpSessionExpired && this.state.session !== null) {
      this.state.phpSessionExpired = false;
      this.changed();
    }
  }

  /**
   * Who API v2 sees for a request: the API never reads the crumb successfully (rec. 14a, 14c). Under a
   * path it shares the editor's PHP session while that lives (14e). `'fails'`: the token login runs on a
   * portal without a security key and dies (HTTP 500, 14a, 14f).
   */
  apiReader(carriesCookies: boolean): 'anonymous' | 'user' | 'fails' {
    if (!carriesCookies || this.state.session === null) return 'anonymous';
    if (this.profile.rootPath !== '' && !this.state.phpSessionExpired) return 'user';
    return this.profile.securityKey ? 'anonymous' : 'fails';
  }

  /**
   * Opening a record in the editor form takes its edit lock for 15 minutes (rec. 15b, 18d). Like
   * `OccurrenceEditorManager::getLock`, it first drops expired locks and every lock of this user (one
   * lock per user: opening "record -1" releases it, rec. 18h), then fails when another user holds the
   * record: that user's editor shows "Record Locked!" (rec. 18e, 3.1 16b). False: locked by another.
   */
  lockForEditing(occid: number): boolean {
    const user = this.user();
    if (!user) return true;
    const now = this.clock().getTime();
    const held = (this.state.editLocks ?? []).filter(
      (l) => l.uid !== user.uid && now - Date.parse(`${l.at.replace(' ', 'T')}Z`) < EDIT_LOCK_MS,
    );
    const lockedByOther = held.some((l) => l.occid === occid);
    const target = Math.max(0, occid);
    this.state.editLocks = lockedByOther ? held : [...held, { occid: target, uid: user.uid, at: this.now() }];
    this.changed();
    return !lockedByOther;
  }

  /** Who holds a record's edit lock now, if anyone (for tests). */
  lockHolder(occid: number): number | null {
    const now = this.clock().getTime();
    const lock = (this.state.editLocks ?? []).find(
      (l) => l.occid === occid && now - Date.parse(`${l.at.replace(' ', 'T')}Z`) < EDIT_LOCK_MS,
    );
    return lock?.uid ?? null;
  }

  /** What the portal prints, in its language and version. */
  get wording() {
    return wordingFor(this.profile.language, this.profile.version);
  }

  changed() {
    this.onChange(this.state);
  }

  now = () => stamp(this.clock());

  record = (occid: number) => this.state.records.find((r) => r.occid === occid);
  identifiersOf = (occid: number) =>
    this.state.identifiers.filter((i) => i.occid === occid).sort((a, b) => a.id - b.id);
  mediaOf = (occid: number) =>
    this.state.media.filter((m) => m.occid === occid).sort((a, b) => a.mediaId - b.mediaId);
  editsOf = (occid: number) => this.state.edits.filter((e) => e.occid === occid);
  collection = (collid: number) => this.state.collections.find((c) => c.collid === collid);
  /**
   * Who the editor pages (and the record page) see. Under a path every folder shares one PHP session
   * (`cookie_path` is `$CLIENT_ROOT`). At the web root the cookie path is empty, so each folder keeps its own
   * session, logged in from the remember-me crumb on its first visit, and the profile page's logout ends only
   * the profile's session and the crumb: the editor stays logged in as whoever it was (live check, 3.0–3.4).
   */
  user = (): FakeUser | undefined => {
    const uid = this.profile.rootPath !== '' ? this.state.session : this.editorSession();
    return this.state.users.find((u) => u.uid === uid);
  };

  private editorSession(): number | null {
    if ((this.state.editorSession ?? null) === null && this.state.session !== null) {
      this.state.editorSession = this.state.session;
      this.changed();
    }
    return this.state.editorSession ?? null;
  }

  canEdit(collid: number, user = this.user()): boolean {
    return user !== undefined && (user.collAdmin.includes(collid) || user.collEditor.includes(collid));
  }

  /** CollAdmin on the collection: the editor pages show such a user the administrators' tools (rec. 24a). */
  administers(collid: number, user = this.user()): boolean {
    return user !== undefined && user.collAdmin.includes(collid);
  }

  /**
   * Gives a user a role on a collection, as an administrator does on the portal's `collpermissions.php`. The
   * portal reads rights at login; the fake at every request.
   */
  grant(login: string, role: 'CollAdmin' | 'CollEditor', collid: number) {
    const user = this.state.users.find((u) => u.login === login);
    if (!user) throw new Error(`No user ${login} on the fake portal`);
    const held = role === 'CollAdmin' ? user.collAdmin : user.collEditor;
    if (!held.includes(collid)) held.push(collid);
    this.changed();
  }

  login(login: string, password: string): boolean {
    const user = this.state.users.find(
      (u) => (u.login === login || u.login === login.toLowerCase()) && u.password === password,
    );
    this.state.session = user?.uid ?? null;
    this.changed();
    return user !== undefined;
  }

  /** Every session of the portal ends (the PHP sessions time out and the crumb is gone). */
  logout() {
    this.state.session = null;
    this.state.editorSession = null;
    this.changed();
  }

  /** `profile/index.php?submit=logout`: the crumb and the profile's session end; at the web root, only they. */
  logoutOnProfilePage() {
    this.state.session = null;
    if (this.profile.rootPath !== '') this.state.editorSession = null;
    this.changed();
  }

  query(q: EditorQuery): FakeRecord[] {
    // One pass over the identifier table per query: a 20,000-record queue must stay fast.
    const byOccid = new Map<number, FakeIdentifier[]>();
    for (const i of this.state.identifiers) {
      const list = byOccid.get(i.occid);
      if (list) list.push(i);
      else byOccid.set(i.occid, [i]);
    }
    return runEditorQuery(this.state.records, (occid) => byOccid.get(occid) ?? [], q);
  }

  /** D1 (PROTOCOL §8.1): exact, same collection, another record. */
  catalogNumberHolders(catnum: string, collid: number, occid: number): number[] {
    return this.state.records
      .filter(
        (r) =>
          r.collid === collid &&
          r.occid !== occid &&
          (r.fields['catalogNumber'] ?? '').toLowerCase() === catnum.toLowerCase() &&
          catnum !== '',
      )
      .map((r) => r.occid);
  }

  /** D2 (PROTOCOL §8.2): exact on identifiers and on the whole legacy string, no zero handling. */
  otherCatalogNumberHolders(value: string, collid: number, occid: number): number[] {
    const v = value.trim().toLowerCase();
    if (v === '') return [];
    const fromIds = this.state.identifiers.filter((i) => i.value.toLowerCase() === v).map((i) => i.occid);
    const fromLegacy = this.state.records
      .filter((r) => (r.fields['otherCatalogNumbers'] ?? '').toLowerCase() === v)
      .map((r) => r.occid);
    return [...new Set([...fromIds, ...fromLegacy])]
      .filter((o) => o !== occid && this.record(o)?.collid === collid)
      .sort((a, b) => a - b);
  }

  private log(
    occid: number,
    fieldName: string,
    oldValue: string | null,
    newValue: string | null,
    uid: number,
  ) {
    this.state.edits.push({
      ocedid: this.state.next.edit++,
      occid,
      fieldName,
      oldValue: oldValue ?? '',
      newValue: newValue ?? '',
      uid,
      appliedStatus: 1,
      timestamp: this.now(),
    });
  }

  /** W1 `saveOccurEdits` (PROTOCOL §7.1, `Mgr::editOccurrence`). */
  save(request: SaveRequest): SaveOutcome {
    const user = this.user();
    const record = this.record(request.occid);
    // A supplied collid is trusted as is; otherwise it comes from the record (§7.1, §14).
    const collid = request.collid ?? record?.collid;
    if (!user || collid === undefined || !this.canEdit(collid, user)) return { kind: 'not-authorized' };
    if (!record)
      return {
        kind: 'error',
        message: `${this.wording.errorPrefix}: failed to edit occurrence record (#${request.occid}): record not found`,
      };
    if (request.editedFields.length === 0)
      return {
        kind: 'error',
        message: `${this.wording.errorPrefix}: edits empty for occid #${request.occid}`,
      };

    const posted = new Map<string, string>();
    const idKeys: string[] = [];
    const idNames: string[] = [];
    const idValues: string[] = [];
    for (const [key, value] of request.posted) {
      if (key === 'idkey[]') idKeys.push(value);
      else if (key === 'idname[]') idNames.push(value);
      else if (key === 'idvalue[]') idValues.push(value);
      else {
        const column = columnFor(key);
        if (column && !NOT_MERGED.has(column)) posted.set(column, value);
      }
    }
    const identifiersPosted = request.editedFields.includes('idvalue');
    // With idvalue[0] empty and no other field posted, the UPDATE has an empty SET and fails (§7.2).
    if (posted.size === 0 && !(identifiersPosted && (idValues[0] ?? '') !== '')) {
      if (!request.editedFields.some((f) => f !== 'idvalue' && columnFor(f))) {
        return {
          kind: 'error',
          message: `${this.wording.errorPrefix}: failed to edit occurrence record (#${request.occid}): You have an error in your SQL syntax`,
        };
      }
    }
    let rowChanged = false;
    const write = (column: string, value: string | null) => {
      if ((record.fields[column] ?? null) !== value) rowChanged = true;
      record.fields[column] = value;
    };
    // Listed but not posted: set to 0 and logged, the checkbox rule (§7.1 trap 2).
    for (const field of request.editedFields) {
      const column = columnFor(field);
      if (column && !posted.has(column)) {
        this.log(record.occid, field.toLowerCase(), record.fields[column] ?? null, '0', user.uid);
        write(column, '0');
      }
    }
    for (const [column, raw] of posted) {
      const value = raw === '' ? null : raw;
      // Logged only when listed in editedfields and changed; written either way (§7.1 trap 1).
      if (request.editedFields.includes(column.toLowerCase()) && (record.fields[column] ?? null) !== value) {
        this.log(record.occid, column.toLowerCase(), record.fields[column] ?? null, value, user.uid);
      }
      write(column, value);
    }
    if (identifiersPosted) {
      if ((idValues[0] ?? '') !== '') write('otherCatalogNumbers', null); // unlogged (§7.2)
      idValues.forEach((value, i) =>
        this.saveIdentifier(record.occid, idKeys[i] ?? 'newidentifier', idNames[i] ?? '', value, user.uid),
      );
    }
    if (rowChanged) record.fields['dateLastModified'] = this.now();
    this.writesApplied++;
    this.changed();
    return { kind: 'saved', record };
  }

  private saveIdentifier(occid: number, key: string, name: string, value: string, uid: number) {
    const shown = (n: string, v: string) => (n ? `${n}: ${v}` : v);
    if (key === 'newidentifier' || key.startsWith('ocnid-')) {
      if (value === '') return;
      if (this.state.identifiers.some((i) => i.occid === occid && i.value === value && i.name === name))
        return;
      this.state.identifiers.push({ id: this.state.next.identifier++, occid, name, value, modifiedUid: uid });
      if (key === 'newidentifier') this.log(occid, 'omoccuridentifiers', null, shown(name, value), uid);
      return;
    }
    const row = this.state.identifiers.find((i) => i.id === Number(key) && i.occid === occid);
    if (!row || (row.value === value && row.name === name)) return;
    this.log(occid, 'omoccuridentifiers', shown(row.name, row.value), shown(name, value), uid);
    row.name = name;
    row.value = value;
    row.modifiedUid = uid;
  }

  /** `addOccurRecord` (rec. 13): a new record, no edit log. */
  addRecord(collid: number, posted: [string, string][]): FakeRecord | 'not-authorized' {
    if (!this.canEdit(collid)) return 'not-authorized';
    const fields: Columns = { basisOfRecord: 'PreservedSpecimen', recordSecurity: '0' };
    for (const [key, value] of posted) {
      const column = columnFor(key);
      if (column && !NOT_MERGED.has(column)) fields[column] = value === '' ? null : value;
    }
    const occid = this.state.next.occid++;
    fields['recordID'] = crypto.randomUUID();
    fields['dateEntered'] = this.now();
    fields['dateLastModified'] = this.now();
    const record = { occid, collid, fields };
    this.state.records.push(record);
    this.writesApplied++;
    this.changed();
    return record;
  }

  /** W2 `mergerecs` (PROTOCOL §9): the target survives; rights are checked on the GET collid only (§9.4). */
  merge(
    targetOccid: number,
    sourceOccid: number,
    collid: number,
  ): { ok: true } | { ok: false; error: string | null } {
    const user = this.user();
    if (!user || !this.canEdit(collid, user)) return { ok: false, error: null };
    if (targetOccid === sourceOccid) return { ok: false, error: 'ERROR: target and source are equal' };
    const target = this.record(targetOccid);
    const source = this.record(sourceOccid);
    if (!target || !source)
      return { ok: false, error: 'ABORT due to error merging records : record not found' };
    for (const r of [target, source]) this.addLegacyIdentifier(r, user.uid);
    for (const [column, value] of Object.entries(source.fields)) {
      if (NOT_MERGED.has(column) || empty(value) || !empty(target.fields[column])) continue;
      target.fields[column] = value;
    }
    target.fields['dateLastModified'] = this.now();
    for (const m of this.state.media) if (m.occid === sourceOccid) m.occid = targetOccid;
    for (const c of this.state.comments) if (c.occid === sourceOccid) c.occid = targetOccid;
    for (const i of this.identifiersOf(sourceOccid)) {
      const clash = this.state.identifiers.some(
        (t) => t.occid === targetOccid && t.value === i.value && t.name === i.name,
      );
      if (clash) this.state.identifiers = this.state.identifiers.filter((x) => x !== i);
      else i.occid = targetOccid; // UPDATE IGNORE
    }
    this.state.edits = this.state.edits.filter((e) => e.occid !== sourceOccid);
    const deleted = {
      ...source.fields,
      dateDeleted: `${new Date(this.clock()).toUTCString()} by ${user.displayName}`,
    };
    this.state.archive.push({ archiveId: this.state.next.archive++, occid: sourceOccid, record: deleted });
    this.state.records = this.state.records.filter((r) => r !== source);
    this.writesApplied++;
    this.changed();
    return { ok: true };
  }

  private addLegacyIdentifier(record: FakeRecord, uid: number) {
    const legacy = record.fields['otherCatalogNumbers'];
    if (this.identifiersOf(record.occid).length > 0 || empty(legacy)) return;
    this.state.identifiers.push({
      id: this.state.next.identifier++,
      occid: record.occid,
      name: 'legacyOtherCatalogNumber',
      value: legacy!,
      modifiedUid: uid,
    });
  }

  addComment(occid: number, text: string): boolean {
    const user = this.user();
    if (!user || !this.record(occid) || text.trim() === '') return false;
    this.state.comments.push({
      comid: this.state.next.comment++,
      occid,
      uid: user.uid,
      text,
      reviewStatus: 1,
      posted: this.now(),
    });
    this.writesApplied++;
    this.changed();
    return true;
  }

  /** The public sees comments with review status 1 or 3; editors of the collection see all (rec. 12c–12f). */
  visibleComments(occid: number) {
    const record = this.record(occid);
    const editor = record !== undefined && this.canEdit(record.collid);
    return this.state.comments.filter(
      (c) => c.occid === occid && (editor || c.reviewStatus === 1 || c.reviewStatus === 3),
    );
  }
}
