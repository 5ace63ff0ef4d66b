// Turns the node's answers into table rows. Text is always set with textContent (names come from users), and a
// table is rebuilt only when its data changed, so a button is not replaced under the pointer by a refresh that
// brought nothing new.

const lastRendered = new Map();

/** Builds an element: attributes (data-* and others) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a table's rows when <data> differs from what it shows; the section's "empty" line follows. */
export function fillTable(tableId, data, toRows) {
  const key = JSON.stringify(data);
  if (lastRendered.get(tableId) === key) return;
  lastRendered.set(tableId, key);
  const table = document.getElementById(tableId);
  const rows = toRows(data);
  table.tBodies[0].replaceChildren(...rows);
  const empty = table.parentElement.querySelector('.empty');
  if (empty) empty.hidden = rows.length > 0;
}

/** Forgets what the tables show (e.g. after the API key changed, everything is drawn again). */
export function forgetRendered() {
  lastRendered.clear();
}

export function formatBytes(bytes) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

function number(value) {
  return el('td', { className: 'num' }, Number(value).toLocaleString('en-US'));
}

function bytesCell(value) {
  return el('td', { className: 'num', title: `${value} bytes` }, formatBytes(value));
}

export function fileSystemRows(fileSystems) {
  return fileSystems.map((fs) => el('tr', { 'data-fs': fs.Name },
    el('td', {}, fs.Name, ...fs.Errors.map((e) => el('div', { className: 'error' }, e))),
    number(fs.FileCount),
    bytesCell(fs.TotalSize),
    number(fs.ConflictCount)));
}

export function destinationRows(fileSystems) {
  return fileSystems.flatMap((fs) => fs.Destinations.map((d) => el('tr', {
    'data-fs': fs.Name, 'data-destination': `${d.ServerUrl}/fs/${d.FileSystem}`,
  },
  el('td', {}, fs.Name),
  el('td', {}, el('code', {}, `${d.ServerUrl}/fs/${d.FileSystem}`)),
  el('td', {}, d.Enabled ? 'yes' : 'no'),
  el('td', { className: 'num', 'data-active': d.Active }, d.Active),
  el('td', { className: 'num', 'data-pending': d.Pending }, d.Pending),
  el('td', { className: 'num' }, d.MaxRuns ?? '–'))));
}

export function reportRows(fileSystems) {
  return fileSystems.flatMap((fs) => fs.LastReports.map(({ Destination, Report }) => el('tr', {
    'data-fs': fs.Name, 'data-file': Report.FileName,
  },
  el('td', {}, fs.Name),
  el('td', {}, el('code', {}, Destination)),
  el('td', {}, Report.FileName),
  el('td', {}, Report.Type),
  bytesCell(Report.BytesTransfered),
  bytesCell(Report.BytesCopied),
  el('td', { className: 'error' }, Report.Exception?.Message ?? ''))));
}

/** Conflict rows with one Resolve button per strategy; <onResolve>(fs, fileName, strategy, button). */
export function conflictRows(fileSystems, onResolve) {
  return fileSystems.flatMap((fs) => fs.Conflicts.map((c) => {
    const resolve = (strategy, label, title) => el('button', {
      type: 'button', 'data-strategy': strategy, title,
      onclick: (event) => onResolve(fs.Name, c.FileName, strategy, event.currentTarget),
    }, label);
    // RemoteVersion does not clear the conflict: it stays listed until that server pushes the file again.
    const waiting = c.ResolveUsingRemote === true;
    return el('tr', { 'data-fs': fs.Name, 'data-conflict': c.FileName, 'data-waiting-for-remote': waiting ? 'true' : undefined },
      el('td', {}, fs.Name),
      el('td', {}, c.FileName),
      el('td', {}, el('code', {}, c.RemoteServerUrl)),
      el('td', {},
        resolve('CurrentVersion', 'Resolve: keep current', 'Keep this node\'s version; the conflict is cleared.'),
        waiting
          ? el('span', { className: 'muted waiting' }, ' remote version accepted: applied on the next synchronization from that server')
          : resolve('RemoteVersion', 'Resolve: take remote', 'Accept the remote version; the next synchronization from that server overwrites this file.')));
  }));
}

function phaseCell(phase) {
  return el('td', {}, el('span', { className: 'state', 'data-state': phase?.state }, phase?.state ?? '?'));
}

/** Synchronizer rows, newest first; <triggeredHere> holds the ids this page created. */
export function synchronizerRows(synchronizers, triggeredHere) {
  return synchronizers.map((s) => el('tr', {
    'data-synchronizer-id': s.id, 'data-state': s.state, 'data-triggered-here': triggeredHere.has(s.id) ? 'true' : undefined,
  },
  el('td', {}, el('code', {}, s.id)),
  el('td', {}, el('span', { className: 'state', 'data-state': s.state }, s.state)),
  phaseCell(s.push),
  phaseCell(s.pull),
  el('td', {}, ...phaseNotes('push', s.push), ...phaseNotes('pull', s.pull))));
}

/** A phase's error and the conflicts it met (both extensions of the PLM shape; absent when there are none). */
function phaseNotes(name, phase) {
  const notes = [];
  if (phase?.error_message) notes.push(el('div', { className: 'error' }, `${name}: ${phase.error_message}`));
  if (Array.isArray(phase?.conflicts) && phase.conflicts.length > 0) {
    notes.push(el('div', { className: 'muted' }, `${name} conflicts: ${phase.conflicts.join(', ')}`));
  }
  return notes;
}

/** One line of the live activity list (newest on top, at most <keep> lines). */
export function addActivity(message, keep = 50) {
  const list = document.getElementById('activity');
  const time = new Date().toLocaleTimeString('en-GB');
  list.prepend(el('li', {}, `${time} ${message.resource} ${message.event ?? ''} ${describe(message.data)}`));
  while (list.children.length > keep) list.lastElementChild.remove();
}

function describe(data) {
  if (!data || typeof data !== 'object') return '';
  if (data.id && data.state) return `${data.id} ${data.state}`;
  if (data.Action) return `${data.Direction ?? ''} ${data.Action} ${data.Type ?? ''} ${data.FileName ?? ''} ${data.DestinationFileSystemUrl ?? ''}`;
  if (data.Status) return `conflict ${data.Status} ${data.FileName ?? ''} ${data.SourceServerUrl ?? ''}`;
  if (data.error_message) return data.error_message;
  return JSON.stringify(data).slice(0, 200);
}
