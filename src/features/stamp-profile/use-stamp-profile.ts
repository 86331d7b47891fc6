import { useState } from 'react';
import { said, type Said } from '../../domain/said';
import { parseStampProfile } from '../../domain/stamp-profile';
import { useSay } from '../../i18n/use-say';
import type { Action } from '../../ui/actions';
import {
  stampProfileReset,
  stampProfileSaved,
  useStampProfile,
  useStampProfileProblem,
} from '../../ui/stamp-profile-store';
import { useStation } from '../../ui/station';
import { profileFileName } from './profile-words';
import { useCalibration } from './use-calibration';

export interface ProfileNotice {
  tone: 'success' | 'warning';
  words: Said;
}

/**
 * The controller of the stamp profile screen: the profile this station reads with, sharing it (export,
 * import) and going back to the defaults, and the calibration with its keys. The screen renders what this
 * returns and calls its actions.
 */
export function useStampProfileScreen() {
  const { collid } = useStation();
  const say = useSay();
  const profile = useStampProfile(collid);
  const problem = useStampProfileProblem(collid);
  const calibration = useCalibration();
  const [notice, setNotice] = useState<ProfileNotice | null>(null);

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
    setNotice({ tone: 'success', words: said('stamp-profile.exported', { file: profileFileName(profile) }) });
  };

  const imported = async (file: File) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      setNotice({ tone: 'warning', words: said('stamp-profile.import-not-json', { file: file.name }) });
      return;
    }
    const parsed = parseStampProfile(raw);
    if (!parsed.ok) {
      setNotice({
        tone: 'warning',
        words: said('stamp-profile.import-refused', { file: file.name, problem: say(parsed.problem) }),
      });
      return;
    }
    if (parsed.profile.collectionId !== null && parsed.profile.collectionId !== collid) {
      setNotice({
        tone: 'warning',
        words: said('stamp-profile.import-other-collection', {
          file: file.name,
          theirs: parsed.profile.collectionId,
          ours: collid,
        }),
      });
      return;
    }
    stampProfileSaved(collid, parsed.profile);
    setNotice({ tone: 'success', words: said('stamp-profile.imported', { file: file.name }) });
  };

  const reset = () => {
    stampProfileReset(collid);
    setNotice({ tone: 'success', words: said('stamp-profile.was-reset') });
  };

  const { state } = calibration;
  const boxing = state.kind === 'boxing' ? state : null;
  /** The keys on the sheet and the buttons under it run the same code. */
  const boxActions: Action[] = [
    {
      key: 'Enter',
      label: say('stamp-profile.calibrate.accept'),
      run: () => void calibration.boxAccepted(),
      disabled: !boxing?.box || boxing.checking,
    },
    {
      key: 'n',
      label: say('stamp-profile.calibrate.skip'),
      run: calibration.sheetSkipped,
      disabled: boxing?.checking ?? true,
    },
  ];

  return { profile, problem, notice, exported, imported, reset, calibration, boxActions };
}
