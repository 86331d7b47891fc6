/** The stock portal pages the adapter uses (PROTOCOL §0, §13), relative to `$CLIENT_ROOT`. */
export const EDITOR = 'collections/editor/occurrenceeditor.php';
export const TABLE = 'collections/editor/occurrencetabledisplay.php';
export const LOGIN = 'profile/index.php';
export const RECORD_PAGE = 'collections/individual/index.php';
export const MERGE = 'collections/editor/dupesearch.php';
export const IMAGE_TAB = 'collections/editor/includes/imagetab.php';
export const API_RECORD = 'api/v2/occurrence';
export const API_STATUS = 'api/v2/installation/status';
/** 3.0–3.3 have no installation/status route; ping tells the version (rec. 3.1 07e, 07f). */
export const API_PING = 'api/v2/installation/ping';
