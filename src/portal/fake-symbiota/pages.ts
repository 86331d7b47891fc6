import type { FakeComment, FakeIdentifier, FakeRecord } from './state';

/** HTML built like the real 3.4.14 pages in the parts a client reads (see tests/contract/recorded). */
const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const page = (title: string, body: string, bodyAttrs = '') => `<!DOCTYPE html>
<html lang="en">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
	<title>Demo Herbarium Portal (fake) ${esc(title)}</title>
</head>
<body${bodyAttrs}>
${body}
</body>
</html>
`;

const editorHeading = (collectionName: string) =>
  `<div id="titleDiv">\n\t\t\t<h1 class="page-heading" style="font-size: 1.5rem;"> Occurrence Editor: ${esc(collectionName)} </h1>\t\t</div>`;

export function notAuthorizedPage(collectionName: string): string {
  return page(
    'Occurrence Editor',
    `\t<div role="main" id="innertext">\n\t\t${editorHeading(collectionName)}\n\t\t<div style="margin:30px;"><b>ERROR:</b> Sorry, you are not authorized to edit occurrences within this collection. Contact collection administrator if you think this is incorrect</div>\t</div>`,
  );
}

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
  collectionName: string;
  statuses: string[];
  actionStatus?: { ok: boolean; message: string };
  record?: FakeRecord;
  identifiers?: FakeIdentifier[];
}

export function editorPage(input: EditorPageInput): string {
  const status = input.actionStatus
    ? `<div id="statusdiv" style="margin:5px 0px 5px 15px;">
					<b>Action Status: </b>
					<span style="color:${input.actionStatus.ok ? 'green' : 'red'};">${esc(input.actionStatus.message)} </span>
				</div>`
    : '';
  const r = input.record;
  const form = r
    ? `<form id="fullform" name="fullform" action="occurrenceeditor.php" method="post">
	<input type="text" id="catalognumber" name="catalognumber" value="${esc(r.fields['catalogNumber'])}" />
	${(input.identifiers ?? []).map((i) => `<input name="idkey[]" type="hidden" value="${i.id}" /><input name="idname[]" type="text" value="${esc(i.name)}" /><input name="idvalue[]" type="text" value="${esc(i.value)}" />`).join('\n\t')}
	<input name="idkey[]" type="hidden" value="newidentifier" /><input name="idname[]" type="text" value="" /><input name="idvalue[]" type="text" value="" />
	<input type="hidden" name="collid" value="${r.collid}" />
	<input type="hidden" name="occid" value="${r.occid}" />
</form>`
    : '';
  return page(
    'Occurrence Editor',
    `\t<div role="main" id="innertext">\n\t\t${editorHeading(input.collectionName)}\n\t\t${status}\n${queryForm(input.statuses)}\n${form}\n\t</div>`,
  );
}

const COLUMN_LABELS: [string, string][] = [
  ['catalogNumber', 'Catalog Number'],
  ['otherCatalogNumbers', 'Additional Identifiers'],
  ['family', 'Family'],
  ['sciname', 'Scientific Name'],
  ['scientificNameAuthorship', 'Author'],
  ['recordedBy', 'Collector'],
  ['recordNumber', 'Collector Number'],
  ['eventDate', 'Date'],
  ['identifiedBy', 'Identified By'],
  ['country', 'Country'],
  ['stateProvince', 'State/Province'],
  ['county', 'County'],
  ['locality', 'Locality'],
  ['decimalLatitude', 'Latitude'],
  ['decimalLongitude', 'Longitude'],
  ['geodeticDatum', 'Datum'],
  ['minimumElevationInMeters', 'Elev. Min. (m)'],
  ['habitat', 'Habitat'],
  ['dateLastModified', 'Date Last Modified'],
  ['processingStatus', 'Processing Status'],
  ['basisOfRecord', 'Basis Of Record'],
  ['continent', 'Continent'],
];

export interface TablePageInput {
  collectionName: string;
  rows: { record: FakeRecord; otherCatalogNumbers: string | null }[];
  offset: number;
  total: number;
}

/** `occurrencetabledisplay.php`: only columns that hold data appear; the count sits in a `div.navpath` (§5.3). */
export function tablePage({ collectionName, rows, offset, total }: TablePageInput): string {
  const value = (row: TablePageInput['rows'][number], column: string) =>
    column === 'otherCatalogNumbers' ? row.otherCatalogNumbers : (row.record.fields[column] ?? null);
  const columns = COLUMN_LABELS.filter(([c]) => rows.some((row) => (value(row, c) ?? '') !== ''));
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
  const navpath = `<div class="navpath"> | ${offset + 1}-${total === 0 ? 0 : end} of ${total} records |  * Click on the Symbiota identifier in the first column to open the editor.</div>`;
  const table =
    total === 0 || rows.length === 0
      ? `<div style="clear:both;padding:20px;font-weight:bold;font-size:120%;">\n\t\t\t\t\tNo records found matching the query\t\t\t\t</div>`
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
    'Occurrence Table View',
    `<div class='navpath'><a href="../../index.php">Home</a> &gt;&gt; <b>Occurrence Table View</b></div>
<div id="titleDiv"><h1>${esc(collectionName)}</h1></div>
<div style="display:flex;width:850px;clear:both;">
	${navpath}
</div>
${table}`,
  );
}

/** `dupesearch.php` after a merge request: success shows only in `onload` (rec. 10a, 10b). */
export function mergePage(targetOccid: number | null, error: string | null): string {
  const onload = targetOccid === null ? '' : `gotoMergedOccur(${targetOccid});`;
  const errorDiv = error ? `<div style="margin:20px;color:red;">${esc(error)}</div>` : '';
  return page(
    'Duplicate Record Search',
    `\t\t<div id="innertext">\n\t\t\t${errorDiv}<h2>No duplicate records have been located</h2>\t\t</div>`,
    ` onload="${onload}"`,
  );
}

export function individualPage(
  record: FakeRecord,
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
      ? '<div>No comments have been submitted</div>'
      : `<div><label>${comments.length} Comments</label></div><hr style="color:gray;"/>`;
  return page(
    'Full Record Details',
    `<div id="popup-innertext">
	<div id="title1-div" class="title1-div">${esc(collectionName)}</div>
	<div id="cat-div"><label>Catalog Number / Barcode: </label>${esc(record.fields['catalogNumber'])}</div>
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

export function loginPage(error: string | null): string {
  return page(
    'Login',
    `<div id="innertext">${error ? `<div style="color:red;">${esc(error)}</div>` : ''}
	<form id="loginform" name="loginform" action="index.php" method="post">
		<input id="login" name="login" type="text" /><input id="password" name="password" type="password" />
		<input type="checkbox" value="1" name="remember" id="remember" />
		<button name="action" type="submit" value="login">Login</button>
	</form>
</div>`,
  );
}
