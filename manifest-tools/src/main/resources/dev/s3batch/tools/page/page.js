'use strict';
// The report page. Everything read from the report reaches the document through textContent,
// never as markup; the charts draw in a canvas (tooltips too: renderMode richText).
(function () {
  const PAGE = 50;
  const $ = (id) => document.getElementById(id);
  const state = { from: 0, query: '', total: 0 };

  function show(id, text) {
    $(id).textContent = text;
  }

  function fail(message) {
    const el = $('error');
    el.textContent = message;
    el.hidden = false;
  }

  async function json(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!r.ok) {
      throw new Error(url + ': ' + r.status + ' ' + (await r.text()).trim());
    }
    return r.json();
  }

  function chart(id, title, counts, horizontal) {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    const names = entries.map((e) => e[0]);
    const values = entries.map((e) => e[1]);
    const el = $(id);
    const c = echarts.init(el, null, { renderer: 'canvas' });
    const category = { type: 'category', data: names, axisLabel: { width: horizontal ? 320 : 220, overflow: 'truncate', interval: 0 } };
    const value = { type: 'value', minInterval: 1 };
    c.on('finished', () => el.setAttribute('data-rendered', String(entries.length)));
    c.setOption({
      animation: false,
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      grid: { left: horizontal ? 340 : 50, right: 30, top: 40, bottom: 40 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({}, category, { inverse: true }) : value,
      series: [{ type: 'bar', data: values, itemStyle: { color: horizontal ? '#c0392b' : '#3465a4' } }],
    });
    window.addEventListener('resize', () => c.resize());
  }

  function cell(row, text, title) {
    const td = document.createElement('td');
    td.textContent = text;
    if (title) {
      td.title = title;
    }
    row.appendChild(td);
  }

  async function loadRows() {
    const q = encodeURIComponent(state.query);
    const page = await json('api/failed?from=' + state.from + '&size=' + PAGE + '&q=' + q);
    state.total = page.total;
    const body = $('rows');
    body.replaceChildren();
    for (const r of page.rows) {
      const tr = document.createElement('tr');
      tr.className = 'failed-row';
      cell(tr, r.bucket);
      cell(tr, r.key, 'as encoded in the report: ' + r.encodedKey);
      cell(tr, r.versionId);
      cell(tr, r.httpStatusCode);
      cell(tr, r.errorCode);
      cell(tr, r.message);
      body.appendChild(tr);
    }
    const last = state.from + page.rows.length;
    show('count', state.query
      ? page.total + ' failed task(s) match “' + state.query + '”'
      : page.total + ' failed task(s)');
    show('pageinfo', page.total === 0 ? '' : 'rows ' + (state.from + 1) + '–' + last + ' of ' + page.total);
    $('prev').disabled = state.from === 0;
    $('next').disabled = last >= page.total;
    document.body.setAttribute('data-rows-loaded', String(Date.now()));
  }

  function reload() {
    loadRows().catch((e) => fail(e.message));
  }

  async function start() {
    const s = await json('api/summary');
    show('job', s.job);
    show('manifest', s.manifest);
    show('created', s.reportCreationDate);
    show('files', String(s.resultFiles));
    show('total', String(s.total));
    show('failed', String(s.failed));
    show('succeeded', String(s.total - s.failed));
    show('unprocessed', String(s.unprocessed));
    if (s.md5Problems.length > 0) {
      const p = $('problems');
      p.textContent = 'This report fails its check; downloads are refused:\n' + s.md5Problems.join('\n');
      p.hidden = false;
    }
    chart('chart-status', 'Tasks by status', s.byStatus, false);
    chart('chart-errors', 'Tasks by error code / HTTP status', s.byErrorCode, false);
    chart('chart-classes', 'Failed tasks by message class', s.byMessageClass, true);
    document.body.setAttribute('data-summary-loaded', 'true');
    await loadRows();
  }

  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    state.query = $('q').value.trim();
    state.from = 0;
    reload();
  });
  $('clear').addEventListener('click', () => {
    $('q').value = '';
    state.query = '';
    state.from = 0;
    reload();
  });
  $('prev').addEventListener('click', () => {
    state.from = Math.max(0, state.from - PAGE);
    reload();
  });
  $('next').addEventListener('click', () => {
    state.from += PAGE;
    reload();
  });
  start().catch((e) => fail(e.message));
})();
