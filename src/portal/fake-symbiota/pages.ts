import { COLUMNS } from './columns';
import type { FakeComment, FakeIdentifier, FakeMedia, FakeRecord } from './state';
import type { PortalVersion, Wording } from './wording';

/**
 * HTML built like the real 3.4.14 and 3.1.8 pages in the parts a client reads, in the language the portal
 * plays (see tests/contract/recorded, recorded-3.1, and wording.ts).
 */
const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const page = (w: Wording, title: string, body: string, bodyAttrs = '') => `<!DOCTYPE html>
<html lang="${w.lang}">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
	<title>Demo Herbarium Portal (fake) ${esc(title)}</title>
</head>
<body${bodyAttrs}>
${body}
</body>
</html>
`;

const editorHeading = (w: Wording, collectionName: string) =>
  `<div id="titleDiv">\n\t\t\t<h1 class="page-heading" style="font-size: 1.5rem;"> ${esc(w.editor)}: ${esc(collectionName)} </h1>\t\t</div>`;

export function notAuthorizedPage(w: Wording, collectionName: string): string {
  return page(
    w,
    w.editor,
    `\t<div role="main" id="innertext">\n\t\t${editorHeading(w, collectionName)}\n\t\t<div style="margin:30px;">${w.notAuthorized}</div>\t</div>`,
  );
}

/** A record another editor has open: no form, a box and a link to the read-only display (rec. 18e, 3.1 16b). */
const lockBox = (
  w: Wording,
  occid: number,
) => `<div style="margin:25px;border:2px double;padding:20px;width:90%;">
					<div style="color:red;font-weight:bold;font-size:110%;">${esc(w.recordLocked)}</div>
					<div style="margin:20px;font-weight:bold;">
						<a href="../individual/index.php?occid=${occid}" target="_blank">${esc(w.readOnly)}</a>
					</div>
				</div>`;

function queryForm(statuses: string[]): string {
  const options = statuses
    .map((s) => `<option value="${esc(s)}" >${esc(s.replace(/\b\w/g, (c) => c.toUpperCase()))}</option>`)
    .join('');
  return `<form name="queryform" action="occurrenceeditor.php" method="post">
	<label for="q_processingstatus"> Processing Status: </label>
	<select id="q_processingstatus" name="q_processingstatus">
		<option value=''>All Records</option>
		<option>-------------------</option>
		${options}<option value="isnull" >No Set Status</option>
	</select>
</form>`;
}

export interface EditorPageInput {
  /** Who the editor's PHP session belongs to: the query form's "entered by me" button fills it in. */
  username: string;
  wording: Wording;
  version: PortalVersion;
  collectionName: string;
  statuses: string[];
  actionStatus?: { message: string };
  record?: FakeRecord;
  identifiers?: FakeIdentifier[];
  /** Image URLs as the page's script lists them (rec. 15b); the ids are on the image tab. */
  images?: FakeMedia[];
  /** The record shown is open in another editor's page: a lock box instead of its form (rec. 18e). */
  lockedRecord?: number;
}

/** The custom-field lists of the query form name every column (rec. 15a). */
const customFieldList = () =>
  `<select name="q_customfield1"><option value="">Select Field Name</option>${COLUMNS.filter(
    (c) => !['occid', 'collid'].includes(c),
  )
    .map((c) => `<option value="${c}" >${c}</option>`)
    .join('')}</select>`;

const TEXTAREAS = new Set(['locality', 'habitat', 'occurrenceRemarks']);
const SELECTS = new Set(['processingStatus', 'recordSecurity']);

/** The editor's full form for one record, in the parts a client reads (rec. 09a, 15a, 15b). */
function fullForm(
  w: Wording,
  version: PortalVersion,
  r: FakeRecord,
  identifiers: FakeIdentifier[],
  statuses: string[],
): string {
  const value = (c: string) => r.fields[c] ?? '';
  const inputs = COLUMNS.filter((c) => !['occid', 'collid', 'dateLastModified', 'dateEntered'].includes(c))
    .filter((c) => !TEXTAREAS.has(c) && !SELECTS.has(c) && c !== 'otherCatalogNumbers')
    .map((c) => `<input type="text" name="${c.toLowerCase()}" value="${esc(value(c))}" />`)
    .join('\n\t');
  const textareas = [...TEXTAREAS]
    .map((c) => `<textarea name="${c.toLowerCase()}">${esc(value(c))}</textarea>`)
    .join('\n\t');
  const statusOptions = statuses
    .map(
      (s) =>
        `<option value="${esc(s)}" ${s === (r.fields['processingStatus'] ?? '').toLowerCase() ? 'SELECTED' : ''}>${esc(s)}</option>`,
    )
    .join('');
  const security = ['0', '1', '5']
    .map(
      (v) =>
        `<option value="${v}" ${v === (r.fields['recordSecurity'] ?? '0') ? 'selected' : ''}>${v}</option>`,
    )
    .join('');
  // With no identifier rows, the legacy column is shown as a row keyed `ocnid-0` (rec. 15a; compare 03e).
  const legacy = r.fields['otherCatalogNumbers'] ?? '';
  const rows =
    identifiers.length > 0
      ? identifiers.map((i) => [String(i.id), i.name, i.value])
      : legacy !== ''
        ? [['ocnid-0', '', legacy]]
        : [];
  const idRows = [...rows, ['newidentifier', '', '']]
    .map(
      ([key, name, val]) =>
        `<input name="idkey[]" type="hidden" value="${esc(key)}" /><input class="idNameInput" name="idname[]" type="text" value="${esc(name)}" /><input class="idValueInput" name="idvalue[]" type="text" value="${esc(val)}" />`,
    )
    .join('\n\t');
  return `<form id="fullform" name="fullform" action="occurrenceeditor.php" method="post">
	<input type="text" id="catalognumber" name="catalognumber" value="${esc(r.fields['catalogNumber'])}" />
	${idRows}
	${inputs}
	${textareas}
	<select name="processingstatus"><option value=''>No Set Status</option><option value=''>-------------------</option>${statusOptions}</select>
	<select name="${version === '3.4' ? 'recordsecurity' : 'localitysecurity'}">${security}</select>
	<div id="pkDiv"><hr/><div style="float:left;">Key: ${r.occid}</div><div style="float:left;margin-left:50px;">${esc(w.modified)}: ${esc(r.fields['dateLastModified'])}</div></div>
	<input type="hidden" name="collid" value="${r.collid}" />
	<input type="hidden" name="occid" value="${r.occid}" />
</form>`;
}

export function editorPage(input: EditorPageInput): string {
  const w = input.wording;
  // The portal paints the line red only when it contains "ERROR" (occurrenceeditor.php; INDEX §16–17).
  const status = input.actionStatus
    ? `<div id="statusdiv" style="margin:5px 0px 5px 15px;">
					<b>Action Status: </b>
					<span style="color:${input.actionStatus.message.includes('ERROR') ? 'red' : 'green'};">${esc(input.actionStatus.message)} </span>
				</div>`
    : '';
  const r = input.record;
  const form =
    input.lockedRecord !== undefined
      ? lockBox(w, input.lockedRecord)
      : r
        ? fullForm(w, input.version, r, input.identifiers ?? [], input.statuses)
        : '';
  const images = (input.images ?? [])
    .map((m, i) => `imgArr[${i + 1}] = "${m.url}";\nimgLgArr[${i + 1}] = "${m.originalUrl}";`)
    .join('\n');
  return page(
    w,
    w.editor,
    `\t<script type="text/javascript">\n\tfunction enteredByCurrentUser(){\n\t\tvar f = document.queryform;\n\t\tresetQueryForm(f);\n\t\tf.q_recordenteredby.value = "${esc(input.username)}";\n\t}\n\t</script>\n\t<script type="text/javascript">\n\t\tlet imgArr = [];\n\t\tlet imgLgArr = [];\n${images}\n\t</script>\n\t<div role="main" id="innertext">\n\t\t${editorHeading(w, input.collectionName)}\n\t\t${status}\n${queryForm(input.statuses)}${customFieldList()}\n${form}\n\t</div>`,
  );
}

/** The table view's columns in the order it prints them (`$headerMapBase`, rec. 03a, 15d). */
const COLUMN_ORDER = [
  'institutionCode',
  'collectionCode',
  'ownerInstitutionCode',
  'catalogNumber',
  'otherCatalogNumbers',
  'family',
  'sciname',
  'scientificNameAuthorship',
  'recordedBy',
  'recordNumber',
  'eventDate',
  'identifiedBy',
  'country',
  'stateProvince',
  'county',
  'locality',
  'decimalLatitude',
  'decimalLongitude',
  'geodeticDatum',
  'minimumElevationInMeters',
  'habitat',
  'dateLastModified',
  'processingStatus',
  'recordSecurity',
  'basisOfRecord',
  'continent',
];

export interface TablePageInput {
  wording: Wording;
  collectionName: string;
  rows: { record: FakeRecord; otherCatalogNumbers: string | null }[];
  offset: number;
  total: number;
  /** The user administers the collection: the page carries the batch update form (rec. 24a–24c). */
  administrator: boolean;
}

/** The table view's batch update, printed for SuperAdmin and CollAdmin only (rec. 24a, 24b), hidden until asked for. */
const BATCH_UPDATE = `<div id="batchupdatediv" style="width:600px;clear:both;display:none;">
	<form name="batchupdateform" action="occurrencetabledisplay.php" method="post" onsubmit="return false;">
		<fieldset>
			<legend><b>Batch Update</b></legend>
		</fieldset>
	</form>
</div>`;

/** `occurrencetabledisplay.php`: only columns that hold data appear; the count sits in a `div.navpath` (§5.3). */
export function tablePage({
  wording: w,
  collectionName,
  rows,
  offset,
  total,
  administrator,
}: TablePageInput): string {
  const value = (row: TablePageInput['rows'][number], column: string) =>
    column === 'otherCatalogNumbers'
      ? row.otherCatalogNumbers
      : column === 'recordSecurity' && row.record.fields[column] === '0'
        ? null
        : (row.record.fields[column] ?? null);
  const columns = COLUMN_ORDER.filter((c) => rows.some((row) => (value(row, c) ?? '') !== '')).map(
    (c) => [c, w.columns[c] ?? ''] as const,
  );
  const cell = (column: string, v: string | null) => {
    if (v === null || v === '') return '<td>&nbsp;</td>';
    if (column === 'sciname') return `<td><i>${esc(v)}</i> </td>`;
    if (column === 'locality' && v.length > 60) return `<td>${esc(v.slice(0, 60))}...</td>`;
    return `<td>${esc(v)}</td>`;
  };
  const body = rows
    .map((row, i) => {
      const { occid, collid } = row.record;
      const href = `occurrenceeditor.php?csmode=0&amp;occindex=${offset + i}&amp;occid=${occid}&amp;collid=${collid}`;
      return `<tr${i % 2 ? ' class="alt"' : ' '}>\n<td><a href="${href}" title="open in same window" aria-label="${occid}">${occid}</a></td>\n${columns.map(([c]) => cell(c, value(row, c))).join('\n')}\n</tr>`;
    })
    .join('\n');
  const end = Math.min(offset + rows.length, total);
  const navpath = `<div class="navpath"> ${w.paging(offset + 1, total === 0 ? 0 : end, total)}  * Click on the Symbiota identifier in the first column to open the editor.</div>`;
  const table =
    total === 0 || rows.length === 0
      ? `<div style="clear:both;padding:20px;font-weight:bold;font-size:120%;">\n\t\t\t\t\t${esc(w.noRecords)}\t\t\t\t</div>`
      : `<table id="defaulttable" class="styledtable table-scroll" title="Occurrence Table View">
	<thead>
		<tr>
			<th>Symbiota ID</th>
			${columns.map(([, label]) => `<th>${label}</th>`).join('')}
		</tr>
	</thead>
	<tbody>
${body}
	</tbody>
</table>`;
  return page(
    w,
    'Occurrence Table View',
    `<div class='navpath'><a href="../../index.php">Home</a> &gt;&gt; <b>Occurrence Table View</b></div>
<div id="titleDiv"><h1>${esc(collectionName)}</h1></div>
${administrator ? BATCH_UPDATE : ''}
<div style="display:flex;width:850px;clear:both;">
	${navpath}
</div>
${table}`,
  );
}

/** `dupesearch.php` after a merge request: success shows only in `onload` (rec. 10a, 10b). */
export function mergePage(w: Wording, targetOccid: number | null, error: string | null): string {
  const onload = targetOccid === null ? '' : `gotoMergedOccur(${targetOccid});`;
  const errorDiv = error ? `<div style="margin:20px;color:red;">${esc(error)}</div>` : '';
  return page(
    w,
    'Duplicate Record Search',
    `\t\t<div id="innertext">\n\t\t\t${errorDiv}<h2>${esc(w.mergeNothingLeft)}</h2>\t\t</div>`,
    ` onload="${onload}"`,
  );
}

/**
 * The record page's other catalog numbers: the identifier rows, each under its name, or the old column
 * when there are none (`OccurrenceIndividual::setAdditionalIdentifiers`; rec. 25d, 25q).
 */
function otherCatalogNumbersBlock(w: Wording, record: FakeRecord, identifiers: FakeIdentifier[]): string {
  const legacy = record.fields['otherCatalogNumbers'] ?? '';
  const shown =
    identifiers.length > 0
      ? identifiers.map((i) => [i.name || w.otherCatalogNumbers, i.value] as const)
      : legacy.trim() !== ''
        ? [[w.otherCatalogNumbers, legacy] as const]
        : [];
  if (shown.length === 0) return '';
  return `<div id="assoccatnum-div" class="assoccatnum-div bottom-breathing-room-rel-sm">
								${shown.map(([label, value]) => `<div><label>${esc(label)}:</label> ${esc(value)}</div>`).join('')}							</div>`;
}

export function individualPage(
  w: Wording,
  record: FakeRecord,
  identifiers: FakeIdentifier[],
  collectionName: string,
  comments: FakeComment[],
  authorOf: (uid: number) => string,
): string {
  const list = comments
    .map(
      (c) => `<div style="margin:15px;">
								<div><b>${esc(authorOf(c.uid))}</b> <span style="color:gray;">posted ${esc(c.posted)}</span></div><div style="margin:10px;">${esc(c.text)}</div>${c.reviewStatus === 2 ? '<div style="color:red;">Comment not public due to pending abuse report (viewable to administrators only)</div>' : ''}
							</div>
							<hr style="color:gray;"/>`,
    )
    .join('\n');
  const header =
    comments.length === 0
      ? `<div>${esc(w.noComments)}</div>`
      : `<div><label>${esc(w.comments(comments.length))}</label></div><hr style="color:gray;"/>`;
  return page(
    w,
    'Full Record Details',
    `<div id="popup-innertext">
	<div id="title1-div" class="title1-div">${esc(collectionName)}</div>
	<div id="cat-div"><label>Catalog Number / Barcode: </label>${esc(record.fields['catalogNumber'])}</div>
	${otherCatalogNumbersBlock(w, record, identifiers)}
	<div id="commenttab">
		${header}${list}
		<form name="commentform" action="index.php" method="post">
			<textarea name="commentstr" id="commentstr"></textarea>
			<input name="occid" type="hidden" value="${record.occid}" />
			<button type="submit" name="formsubmit" value="submitComment">Submit Comment</button>
		</form>
	</div>
</div>`,
  );
}

/** The login page; after a failed login its message, which Portuguese leaves empty and green (INDEX §16–17). */
export function loginPage(w: Wording, failed: boolean): string {
  const message = failed
    ? `<div style='color:${w.loginFailed ? 'red' : 'green'};margin: 1em 1em 0em 1em;'>${esc(w.loginFailed)}<ERR/></div>`
    : '';
  return page(
    w,
    'Login',
    `<div id="innertext">${message}
	<form id="loginform" name="loginform" action="index.php" method="post">
		<input id="login" name="login" type="text" /><input id="password" name="password" type="password" />
		<input type="checkbox" value="1" name="remember" id="remember" />
		<button name="action" type="submit" value="login">Login</button>
	</form>
</div>`,
  );
}

/** `includes/imagetab.php`: one edit form per image with its id and URLs (rec. 15c; 3.1 names them origurl, tnurl). */
export function imageTabPage(media: FakeMedia[], version: PortalVersion): string {
  const [original, thumbnail] = version === '3.4' ? ['originalUrl', 'thumbnailUrl'] : ['origurl', 'tnurl'];
  const forms = media
    .map(
      (m) => `<form name="img${m.mediaId}editform" action="occurrenceeditor.php" method="post">
	<input name="url" type="text" value="${esc(m.url)}" />
	<input name="${original}" type="text" value="${esc(m.originalUrl)}" />
	<input name="${thumbnail}" type="text" value="${esc(m.thumbnailUrl)}" />
	<input type="hidden" name="occid" value="${m.occid}" />
	<input type="hidden" name="imgid" value="${m.mediaId}" />
</form>`,
    )
    .join('\n');
  return `<div id="imagediv">${forms}</div>`;
}

/** The web server's own page for a URL nothing is routed to (a portal without API v2's rewrite rules). */
export const notFoundPage = () =>
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n';

/** API v2's error page when its token login dies on an unkeyed portal (rec. 14a, 14f). */
export const apiServerErrorPage = () =>
  '<!DOCTYPE html>\n<html lang="en">\n<head><title>An Error Occurred: Internal Server Error</title></head>\n<body><div class="container"><h1>Oops! An Error Occurred</h1><h2>The server returned a "500 Internal Server Error".</h2></div></body>\n</html>\n';
