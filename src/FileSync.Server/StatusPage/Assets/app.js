// The status page: loads /status/summary and /storage/synchronizers, follows the notifications WebSocket, and
// refreshes every few seconds as well (file counts have no notifications, and the socket may be down).

import { apiKey, call, encodeFileName, isMissingRoute, onAuthNeeded } from './api.js';
import { NotificationSocket } from './live.js';
import {
  addActivity, conflictRows, destinationRows, fileSystemRows, fillTable, forgetRendered, reportRows, synchronizerRows,
} from './render.js';

const REFRESH_MS = 5000;
const EVENT_SETTLE_MS = 250;
const SYNCHRONIZERS_SHOWN = 20;
const SYNCHRONIZERS_RESOURCE = '/storage/synchronizers';

const state = {
  synchronizers: [],
  triggeredHere: new Set(),
  waitingForKey: false,
  refreshTimer: null,
};

const $ = (id) => document.getElementById(id);

const socket = new NotificationSocket(notificationsUrl, showConnection, onNotification);

function notificationsUrl() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const key = apiKey.get();
  return `${scheme}://${location.host}/v0/notifications${key ? `?api_key=${encodeURIComponent(key)}` : ''}`;
}

function showConnection(connection) {
  const indicator = $('connection');
  indicator.dataset.state = connection;
  indicator.textContent = { live: 'live', connecting: 'connecting…', offline: 'offline (polling)' }[connection] ?? connection;
}

function showPageError(message) {
  const line = $('page-error');
  line.textContent = message;
  line.hidden = !message;
}

// ---- data ------------------------------------------------------------------------------------------------

async function refreshSummary() {
  const answer = await call('GET', '/status/summary');
  if (!answer.ok) {
    if (answer.status !== 401 && answer.status !== 403) showPageError(`The node's status could not be read: ${answer.message}`);
    return;
  }
  showPageError('');
  const summary = answer.data;
  $('node-identity').textContent = `${summary.ServerUrl} · server id ${summary.ServerId}`;
  $('refreshed').textContent = `updated ${new Date(summary.GeneratedAt).toLocaleTimeString('en-GB')}`;
  fillTable('file-systems', summary.FileSystems, fileSystemRows);
  fillTable('destinations', summary.FileSystems, destinationRows);
  fillTable('reports', summary.FileSystems, reportRows);
  fillTable('conflicts', summary.FileSystems, (fileSystems) => conflictRows(fileSystems, resolveConflict));
  for (const fs of summary.FileSystems) socket.subscribe(`/fs/${fs.Name}/synchronization`);
}

async function refreshSynchronizers() {
  const answer = await call('GET', '/storage/synchronizers');
  if (isMissingRoute(answer)) {
    setSynchronizersAvailable(false, 'Storage synchronizers are not available on this node.');
    return;
  }
  if (!answer.ok) {
    setSynchronizersAvailable(true, answer.message);
    return;
  }
  setSynchronizersAvailable(true, '');
  state.synchronizers = synchronizerList(answer.data).slice(0, SYNCHRONIZERS_SHOWN);
  drawSynchronizers();
}

/** GET /storage/synchronizers is an extension of the PLM API: accept a bare list or one wrapped in an object. */
function synchronizerList(data) {
  if (Array.isArray(data)) return data;
  for (const key of ['synchronizers', 'items', 'Items']) if (Array.isArray(data?.[key])) return data[key];
  return [];
}

function setSynchronizersAvailable(available, message) {
  $('trigger-sync').disabled = !available;
  $('synchronizers-status').textContent = message;
}

function drawSynchronizers() {
  fillTable('synchronizers', state.synchronizers, (list) => synchronizerRows(list, state.triggeredHere));
}

/** Puts a synchronizer (from a POST answer or a notification) in the list: replaced in place, or added on top. */
function upsertSynchronizer(synchronizer) {
  if (!synchronizer?.id) return;
  const index = state.synchronizers.findIndex((s) => s.id === synchronizer.id);
  if (index >= 0) state.synchronizers[index] = synchronizer;
  else state.synchronizers = [synchronizer, ...state.synchronizers].slice(0, SYNCHRONIZERS_SHOWN);
  drawSynchronizers();
}

// ---- actions ---------------------------------------------------------------------------------------------

async function triggerSynchronizer() {
  const button = $('trigger-sync');
  button.disabled = true;
  try {
    const answer = await call('POST', '/storage/synchronizers');
    if (isMissingRoute(answer)) {
      setSynchronizersAvailable(false, 'Storage synchronizers are not available on this node.');
      return;
    }
    if (!answer.ok || !answer.data?.synchronizer) {
      $('synchronizers-status').textContent = `Trigger failed: ${answer.message || 'the answer carried no synchronizer.'}`;
      return;
    }
    const synchronizer = answer.data.synchronizer;
    state.triggeredHere.add(synchronizer.id);
    $('synchronizers-status').textContent = `Triggered ${synchronizer.id}`;
    upsertSynchronizer(synchronizer);
  } finally {
    button.disabled = false;
  }
}

async function resolveConflict(fileSystem, fileName, strategy, button) {
  button.disabled = true;
  const path = `/fs/${encodeURIComponent(fileSystem)}/synchronization/ResolveConflict/${encodeFileName(fileName)}?strategy=${strategy}`;
  const answer = await call('PATCH', path);
  if (!answer.ok) {
    showPageError(`Resolving ${fileName} failed: ${answer.message}`);
    button.disabled = false;
    return;
  }
  await refreshSummary();
}

// ---- live updates ----------------------------------------------------------------------------------------

let summaryRefreshPending = null;

/** Many file events arrive together during a synchronization: one summary refresh for each burst. */
function refreshSummarySoon() {
  if (summaryRefreshPending) return;
  summaryRefreshPending = setTimeout(() => {
    summaryRefreshPending = null;
    refreshSummary();
  }, EVENT_SETTLE_MS);
}

function onNotification(message) {
  addActivity(message);
  if (message.resource === SYNCHRONIZERS_RESOURCE && (message.event === 'sync.started' || message.event === 'sync.completed')) {
    upsertSynchronizer(message.data);
  } else if (typeof message.resource === 'string' && message.resource.startsWith('/fs/')) {
    refreshSummarySoon();
  }
}

// ---- API key ---------------------------------------------------------------------------------------------

function askForKey(rejected) {
  if (state.waitingForKey) return;
  state.waitingForKey = true;
  if (rejected) apiKey.clear();
  $('api-key-error').textContent = rejected ? 'The node rejected that key.' : '';
  $('api-key-form').hidden = false;
  $('api-key').focus();
}

function useKey(event) {
  event.preventDefault();
  apiKey.set($('api-key').value.trim());
  $('api-key').value = '';
  $('api-key-form').hidden = true;
  state.waitingForKey = false;
  forgetRendered();
  socket.restart();
  refreshAll();
}

// ---- start -----------------------------------------------------------------------------------------------

async function refreshAll() {
  await Promise.all([refreshSummary(), refreshSynchronizers()]);
}

function start() {
  onAuthNeeded(askForKey);
  $('api-key-form').addEventListener('submit', useKey);
  $('trigger-sync').addEventListener('click', triggerSynchronizer);
  socket.subscribe(SYNCHRONIZERS_RESOURCE);
  socket.start();
  refreshAll();
  state.refreshTimer = setInterval(() => {
    if (!state.waitingForKey) refreshAll();
  }, REFRESH_MS);
}

start();
