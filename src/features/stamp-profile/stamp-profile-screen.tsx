import { useRef } from 'react';
import type { StampProfile } from '../../domain/stamp-profile';
import { formatMoment } from '../../i18n/format';
import { useSay } from '../../i18n/use-say';
import { ActionButton } from '../../ui/actions';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { digitsWords, inkWords, regionWords } from './profile-words';
import { SheetBox } from './sheet-box';
import { SHEETS_TO_BOX } from './use-calibration';
import { useStampProfileScreen } from './use-stamp-profile';

function ProfileDescription({ profile }: { profile: StampProfile }) {
  const say = useSay();
  const [r, g, b] = profile.ink.colour.map(Math.round);
  const { portrait, landscape } = profile.regions;
  return (
    <dl className="profile-description">
      <dt>{say('stamp-profile.ink')}</dt>
      <dd>
        <span className="ink-swatch" style={{ background: `rgb(${r}, ${g}, ${b})` }} aria-hidden="true" />{' '}
        {say(inkWords(profile.ink))}
      </dd>
      <dt>{say('stamp-profile.where')}</dt>
      <dd>
        {portrait ? say('stamp-profile.where.upright', { region: say(regionWords(portrait)) }) : null}
        {portrait && landscape ? '; ' : null}
        {landscape ? say('stamp-profile.where.sideways', { region: say(regionWords(landscape)) }) : null}
      </dd>
      <dt>{say('stamp-profile.number')}</dt>
      <dd>{say(digitsWords(profile.digitHeight))}</dd>
      <dt>{say('stamp-profile.learned')}</dt>
      <dd>
        {say('stamp-profile.learned-from', { count: profile.sheets, when: formatMoment(profile.learnedAt) })}
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
  const { collectionName, sheetReader } = useStation();
  const say = useSay();
  const { profile, problem, notice, exported, imported, reset, calibration, boxActions } =
    useStampProfileScreen();
  const { state } = calibration;
  const importer = useRef<HTMLInputElement>(null);

  return (
    <section className="stamp-profile" aria-labelledby="stamp-profile-heading">
      <h1 id="stamp-profile-heading">{say('stamp-profile.heading')}</h1>
      <p className="hint">{say('stamp-profile.intro', { collection: collectionName })}</p>
      {notice ? <StatusLine tone={notice.tone}>{say(notice.words)}</StatusLine> : null}
      {problem ? (
        <StatusLine tone="warning">
          {say('stamp-profile.stored-not-used', { problem: say(problem) })}
        </StatusLine>
      ) : null}

      <h2>{say('stamp-profile.this-station')}</h2>
      {profile ? <ProfileDescription profile={profile} /> : <p>{say('stamp-profile.none')}</p>}
      <div className="step-actions">
        <button type="button" onClick={exported} disabled={!profile}>
          {say('stamp-profile.export')}
        </button>
        <button type="button" onClick={() => importer.current?.click()}>
          {say('stamp-profile.import')}
        </button>
        <input
          ref={importer}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label={say('stamp-profile.import-file')}
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void imported(file);
          }}
        />
        <button type="button" disabled={!profile} onClick={reset}>
          {say('stamp-profile.reset')}
        </button>
      </div>

      <h2>{say('stamp-profile.calibrate')}</h2>
      {sheetReader === null ? (
        <p>{say('stamp-profile.reading-off')}</p>
      ) : state.kind === 'idle' || state.kind === 'failed' ? (
        <>
          <p>{say('stamp-profile.calibrate.intro', { count: SHEETS_TO_BOX })}</p>
          {state.kind === 'failed' ? <StatusLine tone="warning">{say(state.message)}</StatusLine> : null}
          <button type="button" onClick={() => void calibration.started()}>
            {say('stamp-profile.calibrate.start')}
          </button>
        </>
      ) : state.kind === 'loading' ? (
        <StatusLine tone="info">{say('stamp-profile.calibrate.opening')}</StatusLine>
      ) : state.kind === 'boxing' ? (
        <div className="calibration">
          <p role="status">
            {say('stamp-profile.calibrate.progress', {
              sheet: say(state.sheet.label),
              boxed: state.samples.length,
              count: SHEETS_TO_BOX,
              checking: state.checking,
            })}
          </p>
          {state.note ? <StatusLine tone="warning">{say(state.note)}</StatusLine> : null}
          <SheetBox
            key={state.sheet.readUrl}
            imageUrl={state.sheet.shownUrl}
            label={say(state.sheet.label)}
            box={state.box}
            onBox={calibration.boxDrawn}
            actions={boxActions}
          />
          <div className="step-actions">
            {boxActions.map((action) => (
              <ActionButton key={action.key} action={action} />
            ))}
            <button type="button" onClick={calibration.learnedSoFar} disabled={state.samples.length === 0}>
              {say('stamp-profile.calibrate.learn-now', { count: state.samples.length })}
            </button>
            <button type="button" onClick={calibration.stopped}>
              {say('stamp-profile.calibrate.stop')}
            </button>
          </div>
        </div>
      ) : (
        <div className="calibration">
          <StatusLine tone="success">
            {say('stamp-profile.calibrate.learned', { count: state.samples.length })}
          </StatusLine>
          <ProfileDescription profile={state.profile} />
          <div className="step-actions">
            <button type="button" onClick={calibration.profileKept}>
              {say('stamp-profile.calibrate.keep')}
            </button>
            <button type="button" onClick={calibration.stopped}>
              {say('stamp-profile.calibrate.discard')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
