/*
 * ceph-sync web console: plain JavaScript, no build step. It calls the REST API of the same application with
 * the user's credentials (HTTP Basic, kept in sessionStorage for this tab) and shows every API error (problem
 * details) to the user. Views: runs, a run (stages, steps, branch and its changes), inventory, branches, settings.
 */
(function () {
  'use strict';

  // the resources in job order, as GET api/sync/resources lists them (read once, after signing in)
  let STAGES = [];
  const ACTIVE = ['STARTING', 'STARTED', 'STOPPING'];
  const MODELS = [
    { path: 'clusters', label: 'Clusters' },
    { path: 'health-checks', label: 'Health checks' },
    { path: 'osds', label: 'OSDs' },
    { path: 'pools', label: 'Pools' },
    { path: 'daemons', label: 'Daemons' },
    { path: 'filesystems', label: 'Filesystems' },
    { path: 'crush-rules', label: 'CRUSH rules' },
    { path: 'flags', label: 'Flags' }
  ];
  const AUTH_KEY = 'ceph-sync.auth';

  const state = { auth: sessionStorage.getItem(AUTH_KEY), me: null, timer: null, endpoints: null, endpointsAt: 0, renderSeq: 0 };

  // ------------------------------------------------------------------------------------------------ helpers

  const $ = (sel, root) => (root || document).querySelector(sel);

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'html') el.innerHTML = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  function fmtTime(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    const options = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    if (d.getFullYear() !== new Date().getFullYear()) options.year = 'numeric';
    return d.toLocaleString(undefined, options);
  }

  function fmtDuration(seconds) {
    if (seconds === null || seconds === undefined || isNaN(seconds)) return '—';
    if (seconds < 60) return seconds.toFixed(seconds < 10 ? 1 : 0) + ' s';
    const m = Math.floor(seconds / 60), s = Math.round(seconds % 60);
    if (m < 60) return m + ' min ' + s + ' s';
    return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  function fmtBytes(n) {
    if (n === null || n === undefined) return '—';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let i = 0, v = Number(n);
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)) + ' ' + units[i];
  }

  function statusClass(status) {
    switch (String(status || '').toUpperCase()) {
      case 'COMPLETED': case 'OK': case 'HEALTH_OK': case 'MERGED': case 'ACTIVE': case 'RUNNING': case 'UP': case 'IN': case 'READY':
        return 'ok';
      case 'FAILED': case 'ERROR': case 'HEALTH_ERR': case 'ABANDONED': case 'DOWN': case 'STOPPED_DAEMON':
        return 'err';
      case 'STOPPED': case 'STOPPING': case 'HEALTH_WARN': case 'WARN': case 'OUT': case 'CONFLICT': case 'STANDBY':
        return 'warn';
      case 'STARTING': case 'STARTED': case 'MERGING': case 'PROVISIONING': case 'SYNCING': case 'FETCHED':
        return 'run';
      default:
        return '';
    }
  }

  function badge(text, cls) {
    return h('span', { class: 'badge ' + (cls === undefined ? statusClass(text) : cls), 'data-status': text }, text === null || text === undefined ? '—' : String(text));
  }

  function jsonHtml(value) {
    const text = JSON.stringify(value, null, 2);
    if (text === undefined) return '';
    const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return esc.replace(/("(\\u[a-fA-F0-9]{4}|\\[^u]|[^\\"])*"(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)/g, (m) => {
      if (/^"/.test(m)) return /:$/.test(m) ? '<span class="k">' + m + '</span>' : '<span class="s">' + m + '</span>';
      if (/true|false|null/.test(m)) return '<span class="b">' + m + '</span>';
      return '<span class="n">' + m + '</span>';
    });
  }

  /** Replaces an element's children, skipping the null/false ones (optional parts of a page). */
  function fill(el, ...children) {
    el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    return el;
  }

  function jsonBlock(value) {
    return h('pre', { class: 'json', html: jsonHtml(value) });
  }

  function toast(title, detail, kind) {
    const t = h('div', { class: 'toast ' + (kind || ''), role: kind === 'err' ? 'alert' : 'status' }, h('strong', {}, title), detail ? h('div', {}, detail) : null);
    $('#toasts').append(t);
    setTimeout(() => t.remove(), kind === 'err' ? 9000 : 4000);
  }

  /** An error from the API: problem details {type, title, status, detail}, or whatever came back. */
  class ApiError extends Error {
    constructor(status, body) {
      const problem = body && typeof body === 'object' ? body : {};
      super(problem.detail || problem.title || (typeof body === 'string' && body.length < 300 ? body : 'HTTP ' + status));
      this.status = status;
      this.title = problem.title || ('HTTP ' + status);
      this.detail = problem.detail || (typeof body === 'string' ? body.slice(0, 300) : '');
      this.body = body;
    }
  }

  function showError(e, where) {
    if (e instanceof ApiError) {
      if (e.status === 401) { signOut('Your session ended or the credentials were refused: ' + (e.detail || e.title)); return; }
      toast(e.status + ' ' + e.title, e.detail, 'err');
    } else {
      toast(where || 'Error', String(e && e.message || e), 'err');
    }
  }

  function problemBox(e) {
    if (!e) return null;
    const title = e instanceof ApiError ? e.status + ' ' + e.title : 'Error';
    return h('div', { class: 'form-error', role: 'alert', 'data-test': 'problem' }, h('strong', {}, title), e.detail || e.message || String(e));
  }

  // -------------------------------------------------------------------------------------------------- API

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (state.auth) headers['Authorization'] = 'Basic ' + state.auth;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (e) {
      throw new Error('the server did not answer (' + e.message + ')');
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (notJson) { data = text; }
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  const isAdmin = () => !!(state.me && state.me.roles.includes('ceph-sync-admin'));

  /**
   * A run adds the endpoints it reads to the list (as it starts): once a run seen running has ended, the list
   * is read again at its next use.
   */
  function noteRuns(jobs) {
    const active = new Set(jobs.filter((j) => ACTIVE.includes(j.status)).map((j) => j.id));
    if ([...(state.activeRuns || [])].some((id) => !active.has(id))) state.endpoints = null;
    state.activeRuns = active;
  }

  /** The endpoints rows belong to; re-read after a few seconds, and after a run ended (noteRuns). */
  async function endpoints() {
    const now = Date.now();
    if (!state.endpoints || now - state.endpointsAt > 5000) {
      const page = await api('GET', 'api/plugins/proxbox/endpoints/proxmox/?limit=1000');
      state.endpoints = page.results || [];
      state.endpointsAt = now;
    }
    return state.endpoints;
  }

  function endpointName(id) {
    const e = (state.endpoints || []).find((x) => x.id === id);
    return e ? e.name : (id === null || id === undefined ? '—' : '#' + id);
  }

  // ---------------------------------------------------------------------------------------- login, chrome

  function encodeBasic(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let bin = '';
    bytes.forEach((b) => { bin += String.fromCharCode(b); });
    return btoa(bin);
  }

  function showLogin(message) {
    stopPolling();
    $('#nav').hidden = true;
    $('#whoami').hidden = true;
    $('#view').hidden = true;
    $('#view-login').hidden = false;
    const err = $('#login-error');
    err.hidden = !message;
    err.textContent = message || '';
    $('#login-user').focus();
  }

  function signOut(message) {
    state.auth = null;
    state.me = null;
    state.endpoints = null;
    sessionStorage.removeItem(AUTH_KEY);
    showLogin(message);
  }

  async function signIn(event) {
    event.preventDefault();
    const user = $('#login-user').value.trim();
    const password = $('#login-password').value;
    state.auth = encodeBasic(user, password);
    try {
      state.me = await api('GET', 'api/whoami');
      await loadResources();
    } catch (e) {
      state.auth = null;
      const err = $('#login-error');
      err.hidden = false;
      err.textContent = e instanceof ApiError ? (e.status === 401 ? 'Unknown user or wrong password.' : e.title + ': ' + e.detail) : String(e.message || e);
      return;
    }
    sessionStorage.setItem(AUTH_KEY, state.auth);
    $('#login-password').value = '';
    enterConsole();
  }

  async function loadResources() {
    STAGES = (await api('GET', 'api/sync/resources')).map((r) => r.name);
  }

  function enterConsole() {
    $('#view-login').hidden = true;
    $('#nav').hidden = false;
    $('#whoami').hidden = false;
    const name = $('#whoami-name');
    name.replaceChildren(h('span', { class: 'user' }, state.me.username), ' ',
      ...state.me.roles.map((r) => h('span', { class: 'role' }, r.replace('ceph-sync-', ''))));
    if (!state.me.roles.length) toast('No role', 'User ' + state.me.username + ' has neither ceph-sync-reader nor ceph-sync-admin: the API will refuse its calls.', 'err');
    $('#view').hidden = false;
    route();
  }

  // ------------------------------------------------------------------------------------------------ router

  function stopPolling() {
    if (state.timer) { clearTimeout(state.timer); state.timer = null; }
  }

  function poll(fn, ms) {
    stopPolling();
    const seq = state.renderSeq;
    state.timer = setTimeout(() => { if (seq === state.renderSeq) fn(); }, ms);
  }

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, '');
    const [path, query] = raw.split('?');
    return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '') };
  }

  function route() {
    if (!state.me) return;
    stopPolling();
    state.renderSeq++;
    closeModal();
    const { parts, params } = parseHash();
    const section = parts[0] || 'runs';
    document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === section));
    const view = $('#view');
    view.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    const views = {
      runs: () => (parts[1] ? runView(view, Number(parts[1])) : runsView(view, params)),
      inventory: () => inventoryView(view, parts[1] || 'clusters', params),
      branches: () => (parts[1] ? branchView(view, Number(parts[1])) : branchesView(view)),
      settings: () => settingsView(view)
    };
    (views[section] || views.runs)().catch((e) => {
      view.replaceChildren(h('div', { class: 'card' }, h('h2', {}, 'Could not load this page'), problemBox(e)));
      if (e instanceof ApiError && e.status === 401) showError(e);
    });
  }

  // --------------------------------------------------------------------------------------------------- runs

  function stageList(job) {
    const doc = job.data && job.data.ceph_sync;
    const stages = (doc && doc.response && doc.response.stages) || [];
    return STAGES.map((r) => stages.find((s) => s.resource === r) || { resource: r, status: 'pending' });
  }

  function stagesBar(job, big) {
    const stages = stageList(job);
    const counted = stages.filter((s) => s.status !== 'skipped');
    const done = counted.filter((s) => s.status === 'ok').length;
    const bar = h('div', { class: 'stages-bar' + (big ? ' big' : ''), role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': counted.length, 'aria-valuenow': done, 'data-test': 'progress' },
      stages.map((s) => h('span', { class: s.status, title: s.resource + ': ' + s.status })));
    return h('div', { class: 'progress-cell' }, bar, h('small', {}, done + '/' + counted.length));
  }

  function duration(job) {
    if (job.started) {
      const end = job.completed ? new Date(job.completed) : new Date();
      return (end - new Date(job.started)) / 1000;
    }
    return null;
  }

  function resourcesOf(job) {
    const params = job.data && job.data.ceph_sync && job.data.ceph_sync.params;
    const list = (params && params.resources) || [];
    return list.length === STAGES.length ? 'full' : list.join(', ');
  }

  async function runsView(view, params) {
    const limit = 20;
    const offset = Number(params.get('offset') || 0);
    const page = await api('GET', 'api/sync/jobs?limit=' + limit + '&offset=' + offset);
    const jobs = page.results || [];
    noteRuns(jobs);
    const active = jobs.some((j) => ACTIVE.includes(j.status));
    const rows = jobs.map((job) => h('tr', { class: 'clickable', 'data-test': 'run-row', 'data-id': job.id, onclick: () => { location.hash = '#/runs/' + job.id; } },
      h('td', {}, h('a', { href: '#/runs/' + job.id }, '#' + job.id)),
      h('td', {}, badge(job.status)),
      h('td', { class: 'hide-sm' }, resourcesOf(job)),
      h('td', { class: 'hide-sm' }, fmtTime(job.started || job.created)),
      h('td', { class: 'num' }, fmtDuration(duration(job))),
      h('td', {}, stagesBar(job)),
      h('td', { class: 'hide-sm' }, job.branch ? h('span', { class: 'mono' }, job.branch.name) : h('span', { class: 'muted' }, 'main'))));
    const table = jobs.length
      ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'runs' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Run'), h('th', {}, 'Status'), h('th', { class: 'hide-sm' }, 'Resources'), h('th', { class: 'hide-sm' }, 'Started'),
          h('th', { class: 'num' }, 'Duration'), h('th', {}, 'Stages'), h('th', { class: 'hide-sm' }, 'Writes to'))),
        h('tbody', {}, rows)))
      : h('div', { class: 'card empty' }, 'No sync has run yet.', isAdmin() ? ' Start one with “Start sync”.' : '');
    fill(view,
      h('div', { class: 'page-head' }, h('h1', {}, 'Sync runs'), active ? h('span', { class: 'live' }, 'live') : null, h('span', { class: 'spacer' }),
        isAdmin() ? h('button', { class: 'btn primary', 'data-test': 'start-sync', onclick: startDialog }, 'Start sync') : null),
      table,
      pager(page, limit, offset, (o) => '#/runs?offset=' + o));
    poll(() => runsView(view, params).catch((e) => showError(e)), active ? 2000 : 10000);
  }

  function pager(page, limit, offset, link) {
    if (!page.count || page.count <= limit) return null;
    return h('div', { class: 'pager' },
      (offset + 1) + '–' + Math.min(offset + limit, page.count) + ' of ' + page.count,
      page.previous ? h('a', { class: 'btn small', href: link(Math.max(0, offset - limit)) }, '‹ Newer') : null,
      page.next ? h('a', { class: 'btn small', href: link(offset + limit) }, 'Older ›') : null);
  }

  async function startDialog() {
    let eps = [];
    try { eps = await endpoints(); } catch (e) { showError(e); }
    const full = h('input', { type: 'checkbox', id: 'res-full', checked: true, 'data-test': 'resource-full' });
    const boxes = STAGES.map((r) => h('input', { type: 'checkbox', value: r, checked: true, 'data-test': 'resource-' + r }));
    full.addEventListener('change', () => boxes.forEach((b) => { b.checked = full.checked; }));
    boxes.forEach((b) => b.addEventListener('change', () => { full.checked = boxes.every((x) => x.checked); }));
    const epBoxes = eps.map((e) => h('input', { type: 'checkbox', value: e.id, 'data-test': 'endpoint-' + e.id }));
    const error = h('div');
    const start = h('button', { class: 'btn primary', 'data-test': 'start-confirm' }, 'Start');
    start.addEventListener('click', async () => {
      const resources = full.checked ? ['full'] : boxes.filter((b) => b.checked).map((b) => b.value);
      const endpointIds = epBoxes.filter((b) => b.checked).map((b) => Number(b.value));
      start.disabled = true;
      try {
        const job = await api('POST', 'api/sync/jobs', { resources, endpoints: endpointIds });
        toast('Sync started', 'Run #' + job.id, 'ok');
        closeModal();
        location.hash = '#/runs/' + job.id;
      } catch (e) {
        error.replaceChildren(problemBox(e));
        start.disabled = false;
      }
    });
    openModal('Start a sync', [
      h('h3', {}, 'Resources'),
      h('label', { class: 'check' }, full, 'Full sync (every resource, in order)'),
      h('div', { class: 'checklist' }, STAGES.map((r, i) => h('label', { class: 'check' }, boxes[i], r))),
      h('h3', {}, 'Endpoints'),
      eps.length ? h('div', { class: 'checklist' }, eps.map((e, i) => h('label', { class: 'check' }, epBoxes[i], e.name))) : null,
      h('p', { class: 'muted small' }, eps.length ? 'None ticked: every endpoint the source lists.' : 'Every endpoint the source lists (none known yet).'),
      error,
      h('div', { class: 'actions' }, h('button', { class: 'btn', onclick: closeModal }, 'Cancel'), start)
    ]);
  }

  async function runView(view, id) {
    const job = await api('GET', 'api/sync/jobs/' + id);
    noteRuns([job]);
    try { await endpoints(); } catch (ignored) { /* names fall back to ids */ }
    const doc = (job.data && job.data.ceph_sync) || {};
    const active = ACTIVE.includes(job.status);
    const actions = [];
    if (isAdmin() && ['FAILED', 'STOPPED'].includes(job.status)) {
      actions.push(h('button', { class: 'btn primary', 'data-test': 'restart', onclick: (ev) => act(ev.target, 'POST', 'api/sync/jobs/' + id + '/restart', 'Restarted') }, 'Restart'));
    }
    if (isAdmin() && ['STARTING', 'STARTED'].includes(job.status)) {
      actions.push(h('button', { class: 'btn danger', 'data-test': 'stop', onclick: (ev) => act(ev.target, 'POST', 'api/sync/jobs/' + id + '/stop', 'Stopping') }, 'Stop'));
    }
    const stageRows = [];
    for (const s of stageList(job)) {
      const r = s.response || {};
      stageRows.push(h('tr', { 'data-test': 'stage-' + s.resource },
        h('td', {}, s.resource), h('td', {}, badge(s.status)),
        ...['fetched', 'created', 'updated', 'deleted', 'unchanged'].map((k) => h('td', { class: 'num' + (k === 'fetched' || k === 'unchanged' ? ' hide-sm' : '') }, r[k] === undefined ? '—' : r[k])),
        h('td', { class: 'num hide-sm' }, s.runtime_seconds === undefined ? '—' : s.runtime_seconds.toFixed(2)),
        h('td', { class: 'wrap hide-sm' }, (r.endpoints || []).map((e) => h('span', { title: e.error || '' }, badge(e.name, e.status === 'ok' ? 'ok' : e.status === 'error' ? 'err' : 'run'), ' ')))));
      if (s.error) stageRows.push(h('tr', { class: 'error-row' }, h('td', { colspan: 9 }, h('strong', {}, s.resource + ': '), s.error)));
    }
    const steps = (job.steps || []).map((s) => h('tr', {},
      h('td', {}, s.name), h('td', {}, badge(s.status)),
      h('td', { class: 'num' }, s.read), h('td', { class: 'num' }, s.written), h('td', { class: 'num' }, s.skipped), h('td', { class: 'num' }, s.rollbacks),
      h('td', { class: 'hide-sm' }, fmtTime(s.started)), h('td', { class: 'hide-sm' }, fmtTime(s.ended))));
    const branchCard = h('div', { class: 'card', 'data-test': 'branch-card' }, h('h2', {}, 'Branch'),
      job.branch ? h('p', { class: 'muted' }, 'Loading the branch…') : h('p', { class: 'muted' }, 'This run wrote to main (branching was off).'));
    fill(view,
      h('div', { class: 'crumbs' }, h('a', { href: '#/runs' }, '‹ All runs')),
      h('div', { class: 'page-head' }, h('h1', {}, 'Run #' + job.id), h('span', { 'data-test': 'run-status' }, badge(job.status)), active ? h('span', { class: 'live' }, 'live') : null,
        h('span', { class: 'spacer' }), actions),
      h('div', { class: 'card' },
        stagesBar(job, true),
        h('dl', { class: 'facts', style: 'margin-top:1rem' },
          fact('Resources', resourcesOf(job)), fact('Instance', job.instance_id), fact('Created', fmtTime(job.created)), fact('Started', fmtTime(job.started)),
          fact('Ended', fmtTime(job.completed)), fact('Duration', fmtDuration(duration(job))), fact('Run time (all executions)', fmtDuration(doc.runtime_seconds)),
          fact('Exit status', job.exit_status || '—')),
        doc.error ? h('div', { class: 'run-error' }, h('div', { class: 'form-error' }, h('strong', {}, 'Run error'), doc.error)) : null),
      h('h3', {}, 'Stages'),
      h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'stages' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Resource'), h('th', {}, 'Status'), h('th', { class: 'num hide-sm' }, 'Fetched'), h('th', { class: 'num' }, 'Created'),
          h('th', { class: 'num' }, 'Updated'), h('th', { class: 'num' }, 'Deleted'), h('th', { class: 'num hide-sm' }, 'Unchanged'), h('th', { class: 'num hide-sm' }, 'Seconds'), h('th', { class: 'hide-sm' }, 'Endpoints'))),
        h('tbody', {}, stageRows))),
      h('h3', {}, 'Batch steps of this execution'),
      steps.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Step'), h('th', {}, 'Status'), h('th', { class: 'num' }, 'Read'), h('th', { class: 'num' }, 'Written'),
          h('th', { class: 'num' }, 'Skipped'), h('th', { class: 'num' }, 'Rollbacks'), h('th', { class: 'hide-sm' }, 'Started'), h('th', { class: 'hide-sm' }, 'Ended'))),
        h('tbody', {}, steps))) : h('div', { class: 'card empty' }, 'No step has run in this execution yet.'),
      h('div', { style: 'height:1rem' }),
      branchCard);
    if (job.branch) fillBranch(branchCard, job.branch).catch((e) => branchCard.append(problemBox(e)));
    if (active) poll(() => runView(view, id).catch((e) => showError(e)), 1500);
  }

  function fact(label, value) {
    return h('div', {}, h('dt', {}, label), h('dd', {}, value === null || value === undefined ? '—' : value));
  }

  async function act(button, method, path, done) {
    button.disabled = true;
    try {
      const job = await api(method, path);
      toast(done, job && job.id ? 'Run #' + job.id + ' is ' + job.status : '', 'ok');
      if (job && job.id && String(job.id) !== parseHash().parts[1]) location.hash = '#/runs/' + job.id;
      else route();
    } catch (e) {
      button.disabled = false;
      showError(e);
    }
  }

  // ----------------------------------------------------------------------------------------------- branches

  async function findBranch(ref) {
    const page = await api('GET', 'api/plugins/branching/branches/?limit=1000');
    return (page.results || []).find((b) => b.schema_id === ref.schema_id || b.name === ref.name) || null;
  }

  async function fillBranch(card, ref) {
    const branch = await findBranch(ref);
    card.replaceChildren(h('h2', {}, 'Branch'));
    if (!branch) {
      card.append(h('dl', { class: 'facts' }, fact('Name', ref.name), fact('Schema id', ref.schema_id), fact('Status', badge(ref.status))),
        h('p', { class: 'muted' }, 'The branch API does not list this branch.'));
      return;
    }
    await branchDetails(card, branch);
  }

  async function branchDetails(card, branch) {
    const changes = await api('GET', 'api/plugins/branching/changes/?branch_id=' + branch.id + '&limit=1000');
    const list = changes.results || [];
    const conflicts = list.filter((c) => c.has_conflicts || (c.conflicts && c.conflicts.length)).length;
    const result = h('div', { 'data-test': 'merge-result' });
    const ack = h('input', { type: 'checkbox', 'data-test': 'acknowledge' });
    const open = !['merged', 'merging', 'archived', 'deleted'].includes(branch.status);
    const merge = async (commit, button) => {
      button.disabled = true;
      result.replaceChildren(h('p', { class: 'muted' }, commit ? 'Merging…' : 'Dry run…'));
      try {
        const answer = await api('POST', 'api/plugins/branching/branches/' + branch.id + '/merge/', { commit, acknowledge_conflicts: ack.checked });
        result.replaceChildren(h('div', { class: 'form-ok' }, h('strong', {}, commit ? 'Merged' : 'Dry run: what a merge would do'), summarizeMerge(answer, commit)),
          h('details', { class: 'payload' }, h('summary', {}, 'Answer'), jsonBlock(answer)));
        if (commit) toast('Branch merged', branch.name, 'ok');
      } catch (e) {
        fill(result, problemBox(e), e.body && e.body.conflicts ? h('details', { class: 'payload', open: true }, h('summary', {}, 'Conflicts'), jsonBlock(e.body.conflicts)) : null);
      } finally {
        button.disabled = false;
      }
    };
    const rows = list.map((c) => h('tr', { class: 'clickable', onclick: () => openModal('Change: ' + c.action + ' ' + (c.object_repr || c.object_type), changeDetails(c)) },
      h('td', {}, badge(c.action, c.action === 'delete' ? 'err' : c.action === 'create' ? 'ok' : 'run')),
      h('td', {}, (c.object_type || '').replace(/^netbox_ceph\.ceph/, '')),
      h('td', { class: 'wrap' }, c.object_repr || c.object_id),
      h('td', { class: 'hide-sm' }, endpointName(c.endpoint)),
      h('td', {}, c.has_conflicts || (c.conflicts && c.conflicts.length) ? badge((c.conflicts || []).join(', ') || 'conflict', 'warn') : h('span', { class: 'muted' }, '—'))));
    fill(card,
      h('div', { class: 'page-head', style: 'margin-bottom:.5rem' }, h('h2', { style: 'margin:0' }, 'Branch ', h('a', { href: '#/branches/' + branch.id, class: 'mono' }, branch.name)),
        badge(branch.status), h('span', { class: 'spacer' })),
      h('dl', { class: 'facts' }, fact('Schema id', h('code', {}, branch.schema_id)), fact('Created', fmtTime(branch.created)), fact('Merged', fmtTime(branch.merged_time)),
        fact('Changes', list.length), fact('Conflicts', conflicts)),
      isAdmin() && open ? h('div', { class: 'toolbar', style: 'margin-top:1rem' },
        h('button', { class: 'btn', 'data-test': 'dry-run', onclick: (ev) => merge(false, ev.target) }, 'Dry-run merge'),
        h('button', { class: 'btn primary', 'data-test': 'merge', onclick: (ev) => merge(true, ev.target) }, 'Merge'),
        h('label', { class: 'check' }, ack, 'Acknowledge conflicts (the branch’s values win)')) : null,
      result,
      h('h3', {}, 'Changes'),
      list.length ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'changes' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Action'), h('th', {}, 'Model'), h('th', {}, 'Object'), h('th', { class: 'hide-sm' }, 'Endpoint'), h('th', {}, 'Conflicts'))),
        h('tbody', {}, rows))) : h('p', { class: 'muted' }, 'No change in this branch.'));
  }

  function summarizeMerge(answer, commit) {
    if (!answer || typeof answer !== 'object') return '';
    const changes = (answer.changes || []).length;
    const conflicts = (answer.conflicts || []).length;
    return commit
      ? changes + ' change(s) applied to main' + (conflicts ? ', ' + conflicts + ' conflict(s) acknowledged' : '')
      : changes + ' change(s) would be applied to main · ' + conflicts + ' conflict(s)';
  }

  function changeDetails(c) {
    return [
      h('dl', { class: 'kv' }, h('dt', {}, 'Action'), h('dd', {}, c.action), h('dt', {}, 'Model'), h('dd', {}, c.object_type),
        h('dt', {}, 'Object'), h('dd', {}, (c.object_repr || '') + ' (id ' + c.object_id + ')'), h('dt', {}, 'Endpoint'), h('dd', {}, endpointName(c.endpoint)),
        h('dt', {}, 'Conflicting fields'), h('dd', {}, (c.conflicts || []).join(', ') || '—')),
      h('h3', {}, 'Original (main when the branch opened)'), jsonBlock(c.original),
      h('h3', {}, 'In the branch'), jsonBlock(c.modified)
    ];
  }

  async function branchesView(view) {
    const page = await api('GET', 'api/plugins/branching/branches/?limit=100');
    const list = page.results || [];
    view.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, 'Branches')),
      list.length ? h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'branches' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Status'), h('th', {}, 'Schema id'), h('th', { class: 'hide-sm' }, 'Created'), h('th', { class: 'hide-sm' }, 'Merged'))),
        h('tbody', {}, list.map((b) => h('tr', { class: 'clickable', onclick: () => { location.hash = '#/branches/' + b.id; } },
          h('td', {}, h('a', { href: '#/branches/' + b.id, class: 'mono' }, b.name)), h('td', {}, badge(b.status)), h('td', {}, h('code', {}, b.schema_id)),
          h('td', { class: 'hide-sm' }, fmtTime(b.created)), h('td', { class: 'hide-sm' }, fmtTime(b.merged_time)))))))
        : h('div', { class: 'card empty' }, 'No branch yet. With branching on (Settings), every sync writes into its own branch and merges it when it succeeds.'));
  }

  async function branchView(view, id) {
    const branch = await api('GET', 'api/plugins/branching/branches/' + id + '/');
    try { await endpoints(); } catch (ignored) { /* ids then */ }
    const card = h('div', { class: 'card' });
    view.replaceChildren(h('div', { class: 'crumbs' }, h('a', { href: '#/branches' }, '‹ All branches')), card);
    await branchDetails(card, branch);
  }

  // ---------------------------------------------------------------------------------------------- inventory

  function usage(used, total, percent) {
    const p = percent !== null && percent !== undefined ? Number(percent) : (used !== null && total ? used / total * 100 : null);
    if (p === null || isNaN(p)) return h('span', { class: 'muted' }, '—');
    const cls = p >= 85 ? 'err' : p >= 70 ? 'warn' : '';
    const label = total ? fmtBytes(used) + ' / ' + fmtBytes(total) : (used !== null && used !== undefined ? fmtBytes(used) + ' · ' : '') + p.toFixed(1) + ' %';
    return h('div', { class: 'usage', title: label + ' (' + p.toFixed(1) + ' %)' },
      h('div', { class: 'track' }, h('div', { class: 'fill ' + cls, style: 'width:' + Math.min(100, Math.max(0, p)).toFixed(1) + '%' })),
      h('small', { class: 'long' }, label), h('small', { class: 'short' }, p.toFixed(0) + ' %'));
  }

  const COLUMNS = {
    'health-checks': [['Check', (r) => h('code', {}, r.name)], ['Severity', (r) => badge(r.severity)], ['Summary', (r) => r.summary, 'wrap'],
      ['Endpoint', (r) => endpointName(r.endpoint), 'hide-sm'], ['First seen', (r) => fmtTime(r.first_seen_at), 'hide-sm']],
    osds: [['OSD', (r) => h('strong', {}, r.name)], ['Host', (r) => r.host, 'hide-sm'], ['Up', (r) => badge(r.up ? 'up' : 'down', r.up ? 'ok' : 'err')],
      ['In', (r) => badge(r.in_cluster ? 'in' : 'out', r.in_cluster ? 'ok' : 'warn')], ['Class', (r) => r.device_class || '—', 'hide-sm'],
      ['Weight', (r) => (r.weight === null || r.weight === undefined ? '—' : Number(r.weight).toFixed(3)), 'num hide-sm'],
      ['Usage', (r) => usage(r.used_bytes, r.total_bytes)], ['PGs', (r) => (r.pgs === null || r.pgs === undefined ? '—' : r.pgs), 'num hide-sm'],
      ['Endpoint', (r) => endpointName(r.endpoint), 'hide-sm']],
    pools: [['Pool', (r) => h('strong', {}, r.name)], ['Id', (r) => r.pool_id, 'num hide-sm'], ['Size', (r) => r.size + ' / ' + r.min_size, 'hide-sm'],
      ['PGs', (r) => r.pg_num, 'num hide-sm'], ['Autoscale', (r) => r.pg_autoscale_mode || '—', 'hide-sm'], ['CRUSH rule', (r) => r.crush_rule || '—', 'hide-sm'],
      ['Application', (r) => r.application || '—'], ['Usage', (r) => usage(r.used_bytes, null, r.percent_used)], ['Endpoint', (r) => endpointName(r.endpoint), 'hide-sm']],
    daemons: [['Type', (r) => h('code', {}, r.daemon_type)], ['Name', (r) => h('strong', {}, r.name)], ['Host', (r) => r.host || '—'],
      ['State', (r) => badge(r.state, r.state === 'stopped' ? 'err' : undefined)], ['Version', (r) => r.version || '—', 'hide-sm'], ['Endpoint', (r) => endpointName(r.endpoint), 'hide-sm']],
    filesystems: [['Filesystem', (r) => h('strong', {}, r.name)], ['Metadata pool', (r) => (r.metadata_pool === null ? '—' : '#' + r.metadata_pool)],
      ['Data pools', (r) => (r.data_pools || []).join(', ')], ['Standbys wanted', (r) => (r.standby_count_wanted === null || r.standby_count_wanted === undefined ? '—' : r.standby_count_wanted), 'num hide-sm'],
      ['Endpoint', (r) => endpointName(r.endpoint), 'hide-sm']],
    'crush-rules': [['Rule', (r) => h('strong', {}, r.name)], ['Id', (r) => (r.rule_id === null ? '—' : r.rule_id), 'num'], ['Type', (r) => r.rule_type || '—'],
      ['Device class', (r) => r.device_class || '—', 'hide-sm'], ['Steps', (r) => (r.steps || []).join(' → '), 'wrap hide-sm'], ['Endpoint', (r) => endpointName(r.endpoint), 'hide-sm']],
    flags: [['Flag', (r) => h('code', {}, r.name)], ['Set', (r) => (r.enabled ? badge('set', 'warn') : badge('unset', ''))], ['Endpoint', (r) => endpointName(r.endpoint), 'hide-sm']]
  };

  async function inventoryView(view, model, params) {
    if (!MODELS.some((m) => m.path === model)) model = 'clusters';
    await endpoints();
    const endpoint = params.get('endpoint') || '';
    const q = params.get('q') || '';
    const limit = 50;
    const offset = Number(params.get('offset') || 0);
    const link = (changes) => {
      const p = new URLSearchParams({ endpoint, q, offset: String(offset), ...changes });
      p.delete('model');
      for (const [k, v] of [...p.entries()]) if (!v || (k === 'offset' && v === '0')) p.delete(k);
      const s = p.toString();
      return '#/inventory/' + (changes.model || model) + (s ? '?' + s : '');
    };
    const filters = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    if (endpoint) filters.set('endpoint', endpoint);
    if (q) filters.set('q', q);
    const page = await api('GET', 'api/plugins/ceph/' + model + '/?' + filters);
    const rows = page.results || [];

    const select = h('select', { 'aria-label': 'Endpoint', 'data-test': 'endpoint-filter' }, h('option', { value: '' }, 'All endpoints'),
      state.endpoints.map((e) => h('option', { value: e.id, selected: String(e.id) === endpoint }, e.name)));
    select.addEventListener('change', () => { location.hash = link({ endpoint: select.value, offset: '0' }); });
    const search = h('input', { type: 'search', placeholder: 'Name contains…', value: q, 'aria-label': 'Search', 'data-test': 'search' });
    search.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') location.hash = link({ q: search.value.trim(), offset: '0' }); });

    const tabs = h('nav', { class: 'tabs', 'data-test': 'inventory-tabs' }, MODELS.map((m) => h('a', {
      href: '#/inventory/' + m.path + (endpoint ? '?endpoint=' + endpoint : ''), class: m.path === model ? 'active' : '', 'data-test': 'tab-' + m.path
    }, m.label)));

    let body;
    if (!rows.length) {
      body = h('div', { class: 'card empty' }, 'Nothing here yet' + (endpoint || q ? ' for this filter.' : ': run a sync first.'));
    } else if (model === 'clusters') {
      body = await clusterCards(rows);
    } else {
      const cols = COLUMNS[model];
      body = h('div', { class: 'table-wrap' }, h('table', { 'data-test': 'inventory' },
        h('thead', {}, h('tr', {}, cols.map(([label, , cls]) => h('th', { class: cls || '' }, label)))),
        h('tbody', {}, rows.map((r) => h('tr', { class: 'clickable', 'data-test': 'row', 'data-name': r.name, onclick: () => rowDetails(model, r) },
          cols.map(([, cell, cls]) => h('td', { class: cls || '' }, cell(r))))))));
    }
    fill(view,
      h('div', { class: 'page-head' }, h('h1', {}, 'Inventory'), h('span', { class: 'muted' }, page.count + ' ' + MODELS.find((m) => m.path === model).label.toLowerCase())),
      tabs,
      h('div', { class: 'toolbar' }, select, search, h('span', { class: 'spacer' })),
      body,
      pager(page, limit, offset, (o) => link({ offset: String(o) })));
  }

  async function clusterCards(clusters) {
    const checks = await api('GET', 'api/plugins/ceph/health-checks/?limit=1000');
    const byCluster = new Map();
    for (const c of checks.results || []) {
      if (!byCluster.has(c.cluster)) byCluster.set(c.cluster, []);
      byCluster.get(c.cluster).push(c);
    }
    return h('div', { class: 'cluster-grid' }, clusters.map((c) => {
      const mine = byCluster.get(c.id) || [];
      const status = c.status || {};
      const osdmap = status.osdmap || {};
      const pgmap = status.pgmap || {};
      return h('div', { class: 'card cluster-card', 'data-test': 'cluster', onclick: (ev) => { if (!ev.target.closest('.checks')) rowDetails('clusters', c); } },
        h('div', { class: 'head' }, h('h2', {}, c.name), badge(c.health), h('span', { class: 'muted small' }, endpointName(c.endpoint))),
        h('dl', { class: 'facts', style: 'margin-top:.75rem' },
          fact('fsid', h('code', {}, c.fsid || '—')), fact('Quorum', (c.quorum_names || []).join(', ') || '—'),
          fact('OSDs', osdmap.num_osds !== undefined ? osdmap.num_up_osds + ' up · ' + osdmap.num_in_osds + ' in / ' + osdmap.num_osds : '—'),
          fact('Data', pgmap.bytes_total ? usage(pgmap.bytes_used, pgmap.bytes_total) : '—'),
          fact('Last seen', fmtTime(c.last_seen_at))),
        mine.length ? h('ul', { class: 'checks', 'data-test': 'health-checks' }, mine.map((k) => h('li', { onclick: () => rowDetails('health-checks', k) },
          badge(k.severity), h('code', {}, k.name), h('span', { class: 'summary' }, k.summary))))
          : h('p', { class: 'muted', style: 'margin:.75rem 0 0' }, 'No health check is raised.'));
    }));
  }

  function rowDetails(model, row) {
    const payloadKey = ['status', 'metadata', 'raw'].find((k) => row[k] && typeof row[k] === 'object');
    const fields = Object.entries(row).filter(([k, v]) => k !== payloadKey && !(v && typeof v === 'object' && !Array.isArray(v)));
    const other = Object.entries(row).filter(([k, v]) => k !== payloadKey && v && typeof v === 'object' && !Array.isArray(v));
    const show = (k, v) => {
      if (v === null || v === undefined) return h('span', { class: 'muted' }, '—');
      if (k === 'endpoint') return endpointName(v) + ' (#' + v + ')';
      if (/bytes/.test(k)) return fmtBytes(v) + ' (' + v + ')';
      if (Array.isArray(v)) return v.length && typeof v[0] === 'object' ? jsonBlock(v) : v.join(', ') || '—';
      if (typeof v === 'boolean') return v ? 'yes' : 'no';
      if (/(_at|created|last_updated)$/.test(k)) return fmtTime(v);
      return String(v);
    };
    const content = [
      model === 'osds' ? h('div', { style: 'margin-bottom:1rem' }, usage(row.used_bytes, row.total_bytes)) : null,
      model === 'pools' ? h('div', { style: 'margin-bottom:1rem' }, usage(row.used_bytes, null, row.percent_used)) : null,
      h('dl', { class: 'kv', 'data-test': 'row-fields' }, fields.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, show(k, v))])),
      ...other.map(([k, v]) => h('details', { class: 'payload' }, h('summary', {}, k), jsonBlock(v))),
      payloadKey ? h('details', { class: 'payload', open: true, 'data-test': 'payload' }, h('summary', {}, payloadKey + ' — the source’s payload, as kept'), jsonBlock(row[payloadKey])) : null
    ];
    openModal(MODELS.find((m) => m.path === model).label.replace(/s$/, '') + ': ' + row.name, content);
  }

  // ----------------------------------------------------------------------------------------------- settings

  async function settingsView(view) {
    const page = await api('GET', 'api/plugins/ceph/settings/');
    const s = (page.results || [])[0] || page;
    const admin = isAdmin();
    const enabled = h('input', { type: 'checkbox', id: 'set-branching', checked: !!s.branching_enabled, disabled: !admin, 'data-test': 'branching-enabled' });
    const prefix = h('input', { id: 'set-prefix', value: s.branch_name_prefix || '', disabled: !admin, maxlength: 64, 'data-test': 'branch-prefix' });
    const policy = h('select', { id: 'set-policy', disabled: !admin, 'data-test': 'conflict-policy' },
      ['fail', 'acknowledge'].map((p) => h('option', { value: p, selected: s.branch_on_conflict === p }, p)));
    const interval = h('input', { id: 'set-interval', type: 'number', min: 1, step: 1, placeholder: 'off', value: s.sync_interval_minutes === null || s.sync_interval_minutes === undefined ? '' : s.sync_interval_minutes, disabled: !admin, 'data-test': 'interval' });
    const result = h('div', { 'data-test': 'settings-result' });
    const save = h('button', { class: 'btn primary', type: 'submit', disabled: !admin, 'data-test': 'save-settings' }, 'Save');
    const form = h('form', { class: 'card' },
      h('h2', {}, 'Branching'),
      h('div', { class: 'form-grid two' },
        h('label', { class: 'check full' }, enabled, 'Write every sync into its own branch, merged when it succeeds'),
        h('label', {}, 'Branch name prefix', prefix, h('span', { class: 'hint' }, 'Branches are named {prefix}-{job}-{epoch seconds}.')),
        h('label', {}, 'On conflict', policy, h('span', { class: 'hint' }, 'fail: keep the branch open and fail the run; acknowledge: the branch’s values win.'))),
      h('h2', { style: 'margin-top:1.5rem' }, 'Schedule'),
      h('div', { class: 'form-grid two' },
        h('label', {}, 'Full sync every … minutes', interval, h('span', { class: 'hint' }, 'Empty: no schedule. A tick is skipped while another run is still running.'))),
      h('div', { class: 'toolbar', style: 'margin-top:1.25rem' }, save, admin ? null : h('span', { class: 'muted small' }, 'Changing settings needs role ceph-sync-admin.')),
      result);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const minutes = interval.value.trim();
      const body = {
        branching_enabled: enabled.checked,
        branch_name_prefix: prefix.value.trim(),
        branch_on_conflict: policy.value,
        sync_interval_minutes: minutes === '' ? null : Number(minutes)
      };
      save.disabled = true;
      try {
        const saved = await api('PATCH', 'api/plugins/ceph/settings/', body);
        result.replaceChildren(h('div', { class: 'form-ok' }, 'Saved. ', saved.sync_interval_minutes ? 'A full sync starts every ' + saved.sync_interval_minutes + ' minute(s).' : 'No schedule.'));
      } catch (e) {
        result.replaceChildren(problemBox(e));
      } finally {
        save.disabled = !admin;
      }
    });
    view.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, 'Settings')), form);
  }

  // -------------------------------------------------------------------------------------------------- modal

  function openModal(title, content) {
    $('#modal-title').textContent = title;
    $('#modal-body').replaceChildren(...[].concat(content).filter(Boolean));
    $('#modal').hidden = false;
  }

  function closeModal() {
    $('#modal').hidden = true;
    $('#modal-body').replaceChildren();
  }

  // --------------------------------------------------------------------------------------------------- boot

  $('#login-form').addEventListener('submit', signIn);
  $('#logout').addEventListener('click', () => signOut());
  $('#modal-close').addEventListener('click', closeModal);
  $('#modal').addEventListener('click', (ev) => { if (ev.target.id === 'modal') closeModal(); });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closeModal(); });
  window.addEventListener('hashchange', route);

  if (state.auth) {
    api('GET', 'api/whoami').then(async (me) => { state.me = me; await loadResources(); enterConsole(); }).catch(() => signOut());
  } else {
    showLogin();
  }
}());
