import { useRef, useState } from 'react';
import { parseStampProfile, type StampProfile } from '../../domain/stamp-profile';
import {
  stampProfileReset,
  stampProfileSaved,
  useStampProfile,
  useStampProfileProblem,
} from '../../ui/stamp-profile-store';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { digitsWords, inkName, profileFileName, regionWords } from './profile-words';
import { SheetBox } from './sheet-box';
import { SHEETS_TO_BOX, useCalibration } from './use-calibration';

function ProfileDescription({ profile }: { profile: StampProfile }) {
  const [r, g, b] = profile.ink.colour.map(Math.round);
  return (
    <dl className="profile-description">
      <dt>Ink</dt>
      <dd>
        <span className="ink-swatch" style={{ background: `rgb(${r}, ${g}, ${b})` }} aria-hidden="true" />{' '}
        {inkName(profile.ink)}
      </dd>
      <dt>Where it is looked for first</dt>
      <dd>
        {profile.regions.portrait ? <>upright sheets: {regionWords(profile.regions.portrait)}</> : null}
        {profile.regions.portrait && profile.regions.landscape ? '; ' : null}
        {profile.regions.landscape ? (
          <>sheets scanned sideways: {regionWords(profile.regions.landscape)}</>
        ) : null}
      </dd>
      <dt>Number</dt>
      <dd>{digitsWords(profile.digitHeight)}</dd>
      <dt>Learned</dt>
      <dd>
        from {profile.sheets} sheet{profile.sheets === 1 ? '' : 's'},{' '}
        {new Date(profile.learnedAt).toLocaleString()}
      </dd>
    </dl>
  );
}

/**
 * The collection's stamp profile (issue 16): what the station learned about where and in which ink this
 * collection stamps its sheets, how to teach it (box the stamp on three sheets), and how to share it with
 * the collection's other stations (export, import) or go back to the defaults (reset).
 */
export function StampProfileScreen() {
  const { collid, collectionName, sheetReader } = useStation();
  const profile = useStampProfile(collid);
  const problem = useStampProfileProblem(collid);
  const calibration = useCalibration();
  const { state } = calibration;
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const importer = useRef<HTMLInputElement>(null);

  const exported = () => {
    if (!profile) return;
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(profile, null, 2)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = profileFileName(profile);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setNotice({
      tone: 'success',
      text: `Saved as ${profileFileName(profile)}: import it on the collection's other stations.`,
    });
  };

  const imported = async (file: File) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      setNotice({
        tone: 'warning',
        text: `${file.name} is not a stamp profile (it is not JSON). Nothing changed.`,
      });
      return;
    }
    const parsed = parseStampProfile(raw);
    if (!parsed.ok) {
      setNotice({ tone: 'warning', text: `${file.name}: ${parsed.problem} Nothing changed.` });
      return;
    }
    if (parsed.profile.collectionId !== null && parsed.profile.collectionId !== collid) {
      setNotice({
        tone: 'warning',
        text: `${file.name} was learned for collection ${parsed.profile.collectionId}, and this station works on collection ${collid}. Nothing changed.`,
      });
      return;
    }
    stampProfileSaved(collid, parsed.profile);
    setNotice({ tone: 'success', text: `Imported ${file.name}: this station now reads stamps with it.` });
  };

  return (
    <section className="stamp-profile" aria-labelledby="stamp-profile-heading">
      <h1 id="stamp-profile-heading">Stamp profile</h1>
      <p className="hint">
        Where {collectionName} stamps its accession numbers, and in which ink. With a profile the station
        looks there first, with that ink; without one it searches the whole sheet for a stamp of any colour.
        Either way a number is proposed only when two readings agree, and never a number it is unsure of.
      </p>
      {notice ? <StatusLine tone={notice.tone}>{notice.text}</StatusLine> : null}
      {problem ? <StatusLine tone="warning">The stored profile is not used: {problem}</StatusLine> : null}

      <h2>This station&apos;s profile</h2>
      {profile ? (
        <ProfileDescription profile={profile} />
      ) : (
        <p>No profile: the station searches the whole sheet, in any ink.</p>
      )}
      <div className="step-actions">
        <button type="button" onClick={exported} disabled={!profile}>
          Export the profile
        </button>
        <button type="button" onClick={() => importer.current?.click()}>
          Import a profile…
        </button>
        <input
          ref={importer}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label="Stamp profile file to import"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void imported(file);
          }}
        />
        <button
          type="button"
          disabled={!profile}
          onClick={() => {
            stampProfileReset(collid);
            setNotice({
              tone: 'success',
              text: 'The profile is reset: the station searches the whole sheet again.',
            });
          }}
        >
          Reset to the defaults
        </button>
      </div>

      <h2>Calibrate</h2>
      {sheetReader === null ? (
        <p>Reading sheets is turned off in this station&apos;s config.json (reading.enabled).</p>
      ) : state.kind === 'idle' || state.kind === 'failed' ? (
        <>
          <p>
            Box the stamp on {SHEETS_TO_BOX} sheets of the queue of unprocessed records; the station learns
            the ink, where the stamp sits and how tall its digits are. Nothing is saved until you keep the
            result.
          </p>
          {state.kind === 'failed' ? <StatusLine tone="warning">{state.message}</StatusLine> : null}
          <button type="button" onClick={() => void calibration.started()}>
            Start calibrating
          </button>
        </>
      ) : state.kind === 'loading' ? (
        <StatusLine tone="info">Opening the queue…</StatusLine>
      ) : state.kind === 'boxing' ? (
        <div className="calibration">
          <p role="status">
            Sheet {state.sheet.barcode}: {state.samples.length} of {SHEETS_TO_BOX} boxed.
            {state.checking ? ' Reading the box…' : ''}
          </p>
          {state.note ? <StatusLine tone="warning">{state.note}</StatusLine> : null}
          <SheetBox
            key={state.sheet.readUrl}
            imageUrl={state.sheet.shownUrl}
            label={`Sheet ${state.sheet.barcode}`}
            box={state.box}
            onBox={calibration.boxDrawn}
            onAccept={() => void calibration.boxAccepted()}
            onSkip={calibration.sheetSkipped}
          />
          <div className="step-actions">
            <button
              type="button"
              onClick={() => void calibration.boxAccepted()}
              disabled={!state.box || state.checking}
            >
              Accept this box <kbd>Enter</kbd>
            </button>
            <button type="button" onClick={calibration.sheetSkipped} disabled={state.checking}>
              Skip this sheet <kbd>N</kbd>
            </button>
            <button type="button" onClick={calibration.learnedSoFar} disabled={state.samples.length === 0}>
              Learn from the {state.samples.length} boxed
            </button>
            <button type="button" onClick={calibration.stopped}>
              Stop
            </button>
          </div>
        </div>
      ) : (
        <div className="calibration">
          <StatusLine tone="success">
            Learned from {state.samples.length} sheet{state.samples.length === 1 ? '' : 's'}. Keep it to read
            with it on this station.
          </StatusLine>
          <ProfileDescription profile={state.profile} />
          <div className="step-actions">
            <button type="button" onClick={calibration.profileKept}>
              Keep this profile
            </button>
            <button type="button" onClick={calibration.stopped}>
              Discard it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
