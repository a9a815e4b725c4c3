'use strict';
// simlab run report: draws a simulated run on a canvas. Data: gzipped columnar JSON in #data
// (unpacked with the browser's own DecompressionStream; nothing is fetched). Times are µs.
(function () {
  const START = performance.now();
  const errors = [];
  const summary = document.getElementById('summary');
  const S = {}; // what the page rendered, mirrored into #summary for tests and scripts
  function writeSummary() {
    S.errors = errors.length;
    S.errorText = errors.join(' | ');
    for (const k of Object.keys(S)) summary.dataset[k] = String(S[k]);
    summary.textContent = JSON.stringify(S);
  }
  window.addEventListener('error', e => { errors.push(String(e.message)); writeSummary(); });
  window.addEventListener('unhandledrejection', e => { errors.push('unhandled rejection: ' + e.reason); writeSummary(); });

  const meta = JSON.parse(document.getElementById('meta').textContent);
  document.getElementById('title').textContent = meta.test + '  seed ' + meta.seed;
  const verdict = document.getElementById('verdict');
  verdict.textContent = meta.passed ? 'PASSED' : 'FAILED';
  verdict.className = meta.passed ? 'pass' : 'fail';
  if (meta.failure) {
    const f = document.getElementById('failure');
    f.hidden = false;
    f.textContent = meta.failure;
  }
  const links = document.getElementById('links');
  function addLink(label, node) {
    const span = document.createElement('span');
    span.append(label, node, '  ');
    links.append(span);
  }
  if (meta.replay) { const c = document.createElement('code'); c.textContent = meta.replay; addLink('replay: ', c); }
  if (meta.hash) { const c = document.createElement('code'); c.textContent = meta.hash; addLink('trace-hash: ', c); }
  if (meta.history) {
    const a = document.createElement('a');
    a.href = meta.history; a.textContent = 'linearizability view'; a.id = 'historyLink';
    addLink('', a);
  }

  async function loadData() {
    const b64 = document.getElementById('data').textContent.replace(/\s+/g, '');
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }

  function undelta(a) {
    const out = new Float64Array(a.length);
    let s = 0;
    for (let i = 0; i < a.length; i++) { s += a[i]; out[i] = s; }
    return out;
  }

  // first index i with arr[i] >= v (arr sorted ascending)
  function lowerBound(arr, v) {
    let lo = 0, hi = arr.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (arr[m] < v) lo = m + 1; else hi = m; }
    return lo;
  }

  // no red or grey: those mean lost and unreachable
  const PALETTE = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e',
    '#393b79', '#637939', '#0b6e4f', '#5e3c99'];
  const ROLE_COLORS = { leader: '#9bd89f', candidate: '#ffd666', follower: '#dfe7f3', dead: '#999' };
  const OUTCOME = ['replied', 'request lost', 'unreachable', 'reply lost', 'no reply (dead, cut off or refused)', 'pending at the end'];
  const MAX_ARROWS = 2500;
  const MAX_POINTS = 6000;
  const LEFT = 104;
  const AXIS_H = 22, NET_H = 30, ANN_ROWS = 4, ANN_ROW_H = 13;

  function trim(x) { return x.includes('.') ? x.replace(/0+$/, '').replace(/\.$/, '') : x; }
  function fmtTime(us) {
    if (Math.abs(us) >= 1e6) return trim((us / 1e6).toFixed(4)) + ' s';
    if (Math.abs(us) >= 1000) return trim((us / 1000).toFixed(3)) + ' ms';
    return Math.round(us) + ' µs';
  }

  function main(D) {
    const strs = D.strs;
    const lanes = D.lanes;
    const C = D.calls;
    C.t = undelta(C.t);
    const nCalls = C.t.length;
    let maxDur = 0;
    C.endAt = new Float64Array(nCalls);
    for (let i = 0; i < nCalls; i++) {
      const dur = Math.max(0, C.d[i], C.ra[i], C.e[i], C.rs[i]);
      C.endAt[i] = C.t[i] + dur;
      if (dur > maxDur) maxDur = dur;
    }
    const EV = D.ev; EV.t = undelta(EV.t);
    const ST = D.st; ST.t = undelta(ST.t);
    const AN = D.an;
    const B = D.bands;
    const OPS = D.ops;
    const END = Math.max(D.end, 1);

    // role/term segments per lane, merged from statuses
    const segs = lanes.map(() => ({ a: [], b: [], role: [], term: [], st: [] }));
    for (let i = 0; i < ST.t.length; i++) {
      const s = segs[ST.n[i]];
      if (!s) continue;
      const role = ST.r[i] < 0 ? '' : strs[ST.r[i]];
      const k = s.a.length;
      if (k > 0) s.b[k - 1] = ST.t[i];
      if (k > 0 && s.role[k - 1] === role && s.term[k - 1] === ST.term[i]) { s.b[k - 1] = END; s.st[k - 1] = i; continue; }
      s.a.push(ST.t[i]); s.b.push(END); s.role.push(role); s.term.push(ST.term[i]); s.st.push(i);
    }
    // point events per lane, for the detail view
    const evByLane = lanes.map(() => []);
    for (let i = 0; i < EV.t.length; i++) if (EV.n[i] >= 0) evByLane[EV.n[i]].push(i);
    const evT = evByLane.map(list => Float64Array.from(list, i => EV.t[i]));
    const opsByLane = lanes.map(() => []);
    for (let i = 0; i < OPS.n.length; i++) if (OPS.n[i] >= 0) opsByLane[OPS.n[i]].push(i);
    const types = [...new Set(C.ty)].sort((a, b) => strs[a] < strs[b] ? -1 : 1);
    const typeColor = {};
    types.forEach((t, i) => { typeColor[t] = PALETTE[i % PALETTE.length]; });

    const hiddenLanes = new Set();
    const hiddenTypes = new Set();
    const canvas = document.getElementById('view');
    const ctx = canvas.getContext('2d');
    const view = { a: 0, b: END * 1.01 };
    let hits = [];
    let layout = null;

    // ---- filters and legend ----
    const nodeFilters = document.getElementById('nodeFilters');
    lanes.forEach((name, i) => {
      const l = document.createElement('label');
      const cb = document.createElement('input');
      cb.type = 'checkbox'; cb.checked = true; cb.dataset.lane = i;
      cb.addEventListener('change', () => { if (cb.checked) hiddenLanes.delete(i); else hiddenLanes.add(i); render(); });
      l.append(cb, ' ' + name);
      nodeFilters.append(l);
    });
    const typeFilters = document.getElementById('typeFilters');
    types.forEach(t => {
      const l = document.createElement('label');
      const cb = document.createElement('input');
      cb.type = 'checkbox'; cb.checked = true;
      cb.addEventListener('change', () => { if (cb.checked) hiddenTypes.delete(t); else hiddenTypes.add(t); render(); });
      const sw = document.createElement('i');
      sw.style.cssText = 'display:inline-block;width:10px;height:10px;background:' + typeColor[t];
      l.append(cb, ' ', sw, ' ' + strs[t]);
      typeFilters.append(l);
    });
    const legend = document.getElementById('legend');
    const legendItems = [['leader', ROLE_COLORS.leader], ['candidate', ROLE_COLORS.candidate], ['follower', ROLE_COLORS.follower],
      ['crashed', '#666'], ['cut off', '#f3b0b0'], ['unreliable', '#f5a623'], ['reordering', '#b08be0'], ['client op', '#cfe3ff']];
    for (const [name, color] of legendItems) {
      const s = document.createElement('span');
      const i = document.createElement('i'); i.style.background = color;
      s.append(i, name);
      legend.append(s);
    }
    const s2 = document.createElement('span');
    s2.textContent = '→ request  ⇢ reply  ✕ lost';
    legend.append(s2);

    function computeLayout() {
      const rows = [];
      let y = AXIS_H + NET_H + ANN_ROWS * ANN_ROW_H + 14;
      lanes.forEach((name, i) => {
        if (hiddenLanes.has(i)) return;
        const h = i < D.servers ? 44 : 26;
        rows.push({ lane: i, y, h });
        y += h;
      });
      const byLane = new Map(rows.map(r => [r.lane, r]));
      return { rows, byLane, height: y + 12 };
    }

    function resize() {
      layout = computeLayout();
      const main = document.getElementById('main');
      const w = Math.max(400, main.clientWidth - document.getElementById('details').offsetWidth - 2);
      const dpr = window.devicePixelRatio || 1;
      canvas.style.width = w + 'px';
      canvas.style.height = layout.height + 'px';
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(layout.height * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    }

    function W() { return canvas.width / (window.devicePixelRatio || 1); }
    function X(t) { return LEFT + (t - view.a) / (view.b - view.a) * (W() - LEFT - 8); }
    function T(x) { return view.a + (x - LEFT) / (W() - LEFT - 8) * (view.b - view.a); }
    function laneMid(l) { const r = layout.byLane.get(l); return r ? r.y + r.h / 2 + 3 : null; }

    function render() {
      if (!layout) resize();
      const w = W();
      const h = layout.height;
      hits = [];
      ctx.clearRect(0, 0, w, h);
      ctx.font = '11px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      const x0 = LEFT, x1 = w - 8;
      document.getElementById('range').textContent = fmtTime(Math.max(0, view.a)) + ' – ' + fmtTime(view.b)
        + '  (span ' + fmtTime(view.b - view.a) + ')';

      // lanes: background, role/term segments, bands, labels
      for (const r of layout.rows) {
        ctx.fillStyle = r.lane < D.servers ? '#fbfbfb' : '#fff';
        ctx.fillRect(x0, r.y, x1 - x0, r.h - 2);
        const s = segs[r.lane];
        let k = Math.max(0, lowerBound(s.b, view.a));
        for (; k < s.a.length && s.a[k] <= view.b; k++) {
          const xa = Math.max(x0, X(s.a[k])), xb = Math.min(x1, X(s.b[k]));
          if (xb < xa) continue;
          const color = ROLE_COLORS[s.role[k]] || '#e0e0e0';
          ctx.fillStyle = color;
          ctx.globalAlpha = 0.45;
          ctx.fillRect(xa, r.y, Math.max(1, xb - xa), r.h - 2);
          ctx.globalAlpha = 1;
          ctx.fillRect(xa, r.y, Math.max(1, xb - xa), 6);
          if (xb - xa > 26 && s.term[k] >= 0) {
            ctx.fillStyle = '#333';
            const label = (s.role[k] === 'leader' ? 'L ' : s.role[k] === 'candidate' ? 'C ' : '') + 'T' + s.term[k];
            ctx.fillText(label, xa + 3, r.y + 13);
          }
          hits.push({ kind: 'status', lane: r.lane, x1: xa, x2: xb, y1: r.y, y2: r.y + r.h, st: s.st[k], seg: k });
        }
        ctx.strokeStyle = '#e4e4e4';
        ctx.beginPath(); ctx.moveTo(x0, r.y + r.h - 1); ctx.lineTo(x1, r.y + r.h - 1); ctx.stroke();
      }
      let bandsDrawn = 0;
      for (let i = 0; i < B.k.length; i++) {
        if (B.b[i] < view.a || B.a[i] > view.b) continue;
        const kind = strs[B.k[i]];
        const xa = Math.max(x0, X(B.a[i])), xb = Math.min(x1, X(B.b[i]));
        if (B.n[i] >= 0) {
          const r = layout.byLane.get(B.n[i]);
          if (!r) continue;
          ctx.fillStyle = kind === 'crash' ? '#555' : kind === 'cut' ? '#e57373' : '#9c6ade';
          ctx.globalAlpha = kind === 'crash' ? 0.7 : 0.3;
          ctx.fillRect(xa, r.y + 6, Math.max(1, xb - xa), r.h - 8);
          ctx.globalAlpha = 1;
          if (kind === 'crash' && xb - xa > 40) { ctx.fillStyle = '#fff'; ctx.fillText('crashed', xa + 3, r.y + r.h / 2 + 3); }
          hits.push({ kind: 'band', i, x1: xa, x2: xb, y1: r.y, y2: r.y + r.h });
        } else {
          const yb = AXIS_H + (kind === 'partition' ? 12 : kind === 'reorder' ? 6 : 0);
          const hb = kind === 'partition' ? 16 : 5;
          ctx.fillStyle = kind === 'unreliable' ? '#f5a623' : kind === 'reorder' ? '#b08be0' : '#f3c4c4';
          ctx.fillRect(xa, yb, Math.max(1, xb - xa), hb);
          if (kind === 'partition' && xb - xa > 30) {
            ctx.fillStyle = '#8a1c1c';
            ctx.save(); ctx.beginPath(); ctx.rect(xa, yb, xb - xa, hb); ctx.clip();
            ctx.fillText('partition ' + strs[B.w[i]], xa + 3, yb + 8);
            ctx.restore();
          }
          hits.push({ kind: 'band', i, x1: xa, x2: xb, y1: yb, y2: yb + hb });
        }
        bandsDrawn++;
      }

      // client operations
      let opsDrawn = 0;
      for (const r of layout.rows) {
        for (const i of opsByLane[r.lane]) {
          const b = OPS.b[i] < 0 ? END : OPS.b[i];
          if (b < view.a || OPS.a[i] > view.b) continue;
          const xa = Math.max(x0, X(OPS.a[i])), xb = Math.min(x1, X(b));
          ctx.fillStyle = OPS.b[i] < 0 ? '#ffd6d6' : '#cfe3ff';
          ctx.strokeStyle = OPS.b[i] < 0 ? '#c62828' : '#3d6fb8';
          if (xb - xa < 4) { ctx.fillStyle = ctx.strokeStyle; }
          ctx.fillRect(xa, r.y + 5, Math.max(3, xb - xa), r.h - 8);
          if (xb - xa >= 4) ctx.strokeRect(xa, r.y + 5, xb - xa, r.h - 8);
          if (xb - xa > 50) {
            ctx.fillStyle = '#123';
            ctx.save(); ctx.beginPath(); ctx.rect(xa, r.y, xb - xa, r.h); ctx.clip();
            const out = OPS.o[i] < 0 ? '(no return)' : strs[OPS.o[i]];
            ctx.fillText(strs[OPS.i[i]] + ' → ' + out, xa + 3, r.y + r.h / 2 + 2);
            ctx.restore();
          }
          hits.push({ kind: 'op', i, x1: xa, x2: Math.max(xa + 3, xb), y1: r.y, y2: r.y + r.h });
          opsDrawn++;
        }
      }

      // point events (timers, applies, crashes) when zoomed in far enough
      let pointsDrawn = 0;
      const showTimers = document.getElementById('showTimers').checked;
      let points = 0;
      for (const r of layout.rows) points += lowerBound(evT[r.lane], view.b) - lowerBound(evT[r.lane], view.a);
      if (showTimers && points <= MAX_POINTS) {
        for (const r of layout.rows) {
          const list = evByLane[r.lane];
          for (let k = lowerBound(evT[r.lane], view.a); k < list.length && EV.t[list[k]] <= view.b; k++) {
            const i = list[k];
            const kind = strs[EV.k[i]], what = EV.w[i] < 0 ? '' : strs[EV.w[i]];
            const x = X(EV.t[i]);
            const yb = r.y + r.h - 3;
            if (kind === 'timer') {
              ctx.strokeStyle = what === 'election' ? '#e67e00' : what === 'heartbeat' ? '#2e7d32' : '#888';
              ctx.beginPath(); ctx.moveTo(x, yb); ctx.lineTo(x, yb - (what === 'election' ? 9 : 5)); ctx.stroke();
            } else if (kind === 'apply') {
              ctx.fillStyle = '#1b5e20'; ctx.fillRect(x - 1, yb - 3, 3, 3);
            } else {
              ctx.fillStyle = kind === 'crash' ? '#000' : kind === 'restart' ? '#1565c0' : '#6a1b9a';
              ctx.beginPath(); ctx.arc(x, yb - 4, 3, 0, 7); ctx.fill();
            }
            hits.push({ kind: 'event', i, x1: x - 2, x2: x + 2, y1: yb - 10, y2: yb + 2 });
            pointsDrawn++;
          }
        }
      }

      // messages: arrows when few enough are visible, per-pixel counts otherwise
      const lo = lowerBound(C.t, view.a - maxDur), hi = lowerBound(C.t, view.b + 1);
      let visible = 0;
      for (let i = lo; i < hi; i++) {
        if (C.endAt[i] < view.a || hiddenTypes.has(C.ty[i])) continue;
        if (!layout.byLane.has(C.f[i]) && !layout.byLane.has(C.to[i])) continue;
        visible++;
      }
      const showReplies = document.getElementById('showReplies').checked;
      let arrows = 0, buckets = 0;
      const aggregated = visible > MAX_ARROWS;
      if (aggregated) {
        const BW = 2;
        const nb = Math.ceil((x1 - x0) / BW) + 1;
        const counts = new Map(), lost = new Map(), unreach = new Map();
        let max = 1;
        for (let i = lo; i < hi; i++) {
          if (C.t[i] < view.a || hiddenTypes.has(C.ty[i]) || !layout.byLane.has(C.f[i])) continue;
          const b = Math.floor((X(C.t[i]) - x0) / BW);
          if (b < 0 || b >= nb) continue;
          let arr = counts.get(C.f[i]);
          if (!arr) {
            arr = new Uint32Array(nb); counts.set(C.f[i], arr);
            lost.set(C.f[i], new Uint32Array(nb)); unreach.set(C.f[i], new Uint32Array(nb));
          }
          arr[b]++;
          if (arr[b] > max) max = arr[b];
          if (C.o[i] === 1 || C.o[i] === 3) lost.get(C.f[i])[b]++;
          else if (C.o[i] === 2) unreach.get(C.f[i])[b]++;
        }
        const lm = Math.log(1 + max);
        for (const [lane, arr] of counts) {
          const r = layout.byLane.get(lane);
          const la = lost.get(lane), ua = unreach.get(lane);
          const hmax = (r.h - 10) * 0.6;
          const base = r.y + r.h - 3;
          for (let b = 0; b < nb; b++) {
            if (!arr[b]) continue;
            const hh = Math.max(1, hmax * Math.log(1 + arr[b]) / lm);
            // stacked: delivered (blue) on top of unreachable (grey) on top of lost (red)
            const hl = la[b] ? Math.max(1, hh * la[b] / arr[b]) : 0;
            const hu = ua[b] ? Math.max(1, hh * ua[b] / arr[b]) : 0;
            ctx.fillStyle = '#3f6fb5';
            ctx.fillRect(x0 + b * BW, base - hh, BW, hh);
            if (hu) { ctx.fillStyle = '#9e9e9e'; ctx.fillRect(x0 + b * BW, base - hl - hu, BW, hu); }
            if (hl) { ctx.fillStyle = '#d32f2f'; ctx.fillRect(x0 + b * BW, base - hl, BW, hl); }
            buckets++;
          }
        }
        ctx.fillStyle = '#555';
        ctx.fillStyle = 'rgba(255,255,255,0.8)';
        const note = visible + ' messages in view: bars count requests sent per ' + BW
          + ' px, log scale (blue delivered, grey unreachable, red lost). Zoom in for arrows.';
        const ny = layout.rows.length ? layout.rows[0].y - 7 : AXIS_H + NET_H + ANN_ROWS * ANN_ROW_H + 7;
        ctx.fillRect(x0, ny - 6, ctx.measureText(note).width + 8, 12);
        ctx.fillStyle = '#444';
        ctx.fillText(note, x0 + 4, ny);
      } else {
        ctx.lineWidth = 1;
        for (let i = lo; i < hi; i++) {
          if (C.endAt[i] < view.a || hiddenTypes.has(C.ty[i])) continue;
          const yf = laneMid(C.f[i]), yt = laneMid(C.to[i]);
          if (yf === null && yt === null) continue;
          const color = typeColor[C.ty[i]];
          const o = C.o[i];
          const xs = X(C.t[i]);
          if (C.d[i] >= 0 && yf !== null && yt !== null) {
            arrow(xs, yf, X(C.t[i] + C.d[i]), yt, color, false);
            hits.push({ kind: 'call', i, part: 'request', x1: xs, y1: yf, x2: X(C.t[i] + C.d[i]), y2: yt });
            arrows++;
          } else if (yf !== null && (o === 1 || o === 2)) {
            const ym = yt === null ? yf + 8 : (yf + yt) / 2;
            // a lost request ends where the caller hears of it (≤ 26 ms); an unreachable one is a short stub
            // (its "no reply" can come seconds later, which would cross the whole view)
            const xe = o === 2 ? xs + 8 : Math.max(xs + 6, X(C.t[i] + Math.max(0, C.e[i]) / 2));
            line(xs, yf, xe, ym, o === 1 ? '#d32f2f' : '#999', o === 2);
            cross(xe, ym, o === 1 ? '#d32f2f' : '#777');
            hits.push({ kind: 'call', i, part: 'request', x1: xs, y1: yf, x2: xe, y2: ym });
            arrows++;
          }
          if (showReplies && C.rs[i] >= 0 && yf !== null && yt !== null) {
            const xr = X(C.t[i] + C.rs[i]);
            if (o === 0) {
              arrow(xr, yt, X(C.t[i] + C.ra[i]), yf, color, true);
              hits.push({ kind: 'call', i, part: 'reply', x1: xr, y1: yt, x2: X(C.t[i] + C.ra[i]), y2: yf });
            } else if (o === 3) {
              const ym = (yf + yt) / 2;
              line(xr, yt, xr + 8, ym, '#d32f2f', true);
              cross(xr + 8, ym, '#d32f2f');
              hits.push({ kind: 'call', i, part: 'reply', x1: xr, y1: yt, x2: xr + 8, y2: ym });
            }
            arrows++;
          }
          if (o === 4 && C.e[i] >= 0 && yf !== null) {
            cross(X(C.t[i] + C.e[i]), yf - 8, '#999');
          }
        }
      }

      // annotations: ticks and labels in their rows, lines across the lanes for the important ones
      const showAnn = document.getElementById('showAnn').checked;
      const annTop = AXIS_H + NET_H;
      const rowEnd = new Array(ANN_ROWS).fill(-1e9);
      const alo = lowerBound(AN.t, view.a), ahi = lowerBound(AN.t, view.b + 1);
      const many = ahi - alo > 1500;
      let annDrawn = 0, annLabelled = 0;
      for (let i = alo; i < ahi; i++) {
        const text = strs[AN.w[i]];
        const x = X(AN.t[i]);
        const failed = text.startsWith('FAILED');
        const color = failed ? '#c62828' : text.startsWith('phase') ? '#0d47a1' : text.includes('passed') ? '#2e7d32'
          : text.startsWith('check') ? '#607d8b' : AN.n[i] >= 0 ? '#6a1b9a' : '#e65100';
        ctx.fillStyle = color; ctx.strokeStyle = color;
        let row = -1;
        if (!many || failed) {
          const wtext = Math.min(ctx.measureText(text).width, 260);
          // near the right edge the label goes to the left of its tick
          const left = x + wtext + 4 > x1 && x - wtext - 4 > x0;
          const start = left ? x - wtext - 4 : x;
          for (let k = 0; k < ANN_ROWS; k++) if (rowEnd[k] < start - 4) { row = k; break; }
          if (row >= 0) {
            rowEnd[row] = left ? x + 2 : x + wtext + 8;
            const y = annTop + row * ANN_ROW_H + 7;
            ctx.fillRect(x - 1, y - 5, 2, 10);
            const tx = left ? x - wtext - 3 : x + 3;
            ctx.save(); ctx.beginPath(); ctx.rect(tx - 1, y - 7, wtext + 2, 14); ctx.clip();
            ctx.fillText(text, tx, y);
            ctx.restore();
            hits.push({ kind: 'ann', i, x1: Math.min(tx, x) - 3, x2: Math.max(tx + wtext, x) + 3, y1: y - 6, y2: y + 6 });
            annLabelled++;
          }
        }
        if (row < 0) {
          ctx.fillRect(x, annTop + ANN_ROWS * ANN_ROW_H - 4, 1, 4);
          hits.push({ kind: 'ann', i, x1: x - 2, x2: x + 2, y1: annTop, y2: annTop + ANN_ROWS * ANN_ROW_H });
        }
        if (AN.n[i] >= 0) {
          const r = layout.byLane.get(AN.n[i]);
          if (r) { ctx.beginPath(); ctx.moveTo(x, r.y + 8); ctx.lineTo(x + 4, r.y + 12); ctx.lineTo(x, r.y + 16); ctx.lineTo(x - 4, r.y + 12); ctx.fill(); }
        }
        if (showAnn && (failed || (!many && (text.startsWith('phase') || text.startsWith('crash')
            || text.startsWith('restart') || text.startsWith('nemesis'))))) {
          ctx.globalAlpha = failed ? 0.8 : 0.25;
          ctx.beginPath(); ctx.moveTo(x + 0.5, annTop); ctx.lineTo(x + 0.5, layout.height - 10); ctx.stroke();
          ctx.globalAlpha = 1;
        }
        annDrawn++;
      }

      // axis and lane names last, over everything
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, AXIS_H);
      ctx.fillRect(0, 0, LEFT - 2, h);
      drawAxis(x0, x1);
      ctx.fillStyle = '#222';
      for (const r of layout.rows) {
        ctx.font = (r.lane < D.servers ? '600 ' : '') + '12px system-ui, sans-serif';
        ctx.fillText(lanes[r.lane], 6, r.y + r.h / 2);
      }
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = '#666';
      ctx.fillText('network', 6, AXIS_H + 10);
      ctx.fillText('annotations', 6, annTop + 10);

      Object.assign(S, {
        ready: 1, lanes: layout.rows.length, lanesTotal: lanes.length, servers: D.servers, calls: nCalls,
        visibleMessages: visible, arrows, aggregated: aggregated ? 1 : 0, buckets, annotations: AN.t.length,
        annotationsDrawn: annDrawn, annotationsLabelled: annLabelled, statuses: ST.t.length, ops: OPS.n.length,
        opsDrawn, bands: B.k.length, bandsDrawn, points: pointsDrawn, events: EV.t.length,
        viewStart: Math.round(view.a), viewEnd: Math.round(view.b), end: END,
      });
      writeSummary();
    }

    function drawAxis(x0, x1) {
      const span = view.b - view.a;
      const target = span / Math.max(2, (x1 - x0) / 90);
      const steps = [1, 2, 5];
      let step = 1;
      outer: for (let p = 1; p < 1e12; p *= 10) for (const s of steps) { if (s * p >= target) { step = s * p; break outer; } }
      ctx.strokeStyle = '#999'; ctx.fillStyle = '#333';
      ctx.beginPath(); ctx.moveTo(x0, AXIS_H - 1); ctx.lineTo(x1, AXIS_H - 1); ctx.stroke();
      for (let t = Math.ceil(view.a / step) * step; t <= view.b; t += step) {
        const x = X(t);
        ctx.beginPath(); ctx.moveTo(x, AXIS_H - 6); ctx.lineTo(x, AXIS_H - 1); ctx.stroke();
        ctx.fillText(fmtTime(t), x + 2, 8);
      }
    }

    function line(xa, ya, xb, yb, color, dashed) {
      ctx.strokeStyle = color;
      ctx.setLineDash(dashed ? [3, 3] : []);
      ctx.beginPath(); ctx.moveTo(xa, ya); ctx.lineTo(xb, yb); ctx.stroke();
      ctx.setLineDash([]);
    }
    function arrow(xa, ya, xb, yb, color, dashed) {
      line(xa, ya, xb, yb, color, dashed);
      const ang = Math.atan2(yb - ya, xb - xa);
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.moveTo(xb, yb);
      ctx.lineTo(xb - 6 * Math.cos(ang - 0.4), yb - 6 * Math.sin(ang - 0.4));
      ctx.lineTo(xb - 6 * Math.cos(ang + 0.4), yb - 6 * Math.sin(ang + 0.4));
      ctx.fill();
    }
    function cross(x, y, color) {
      ctx.strokeStyle = color; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(x - 3, y - 3); ctx.lineTo(x + 3, y + 3); ctx.moveTo(x + 3, y - 3); ctx.lineTo(x - 3, y + 3); ctx.stroke();
      ctx.lineWidth = 1;
    }

    // ---- details on click ----
    const details = document.getElementById('details');
    function show(title, obj) {
      details.innerHTML = '';
      const h = document.createElement('h3'); h.textContent = title;
      const pre = document.createElement('pre'); pre.textContent = JSON.stringify(obj, null, 2);
      details.append(h, pre);
      S.selected = title; writeSummary();
    }
    function parseFields(idx) {
      if (idx < 0) return null;
      try { return JSON.parse(strs[idx]); } catch (e) { return strs[idx]; }
    }
    function distToSeg(px, py, h) {
      const dx = h.x2 - h.x1, dy = h.y2 - h.y1;
      const l2 = dx * dx + dy * dy;
      let t = l2 === 0 ? 0 : ((px - h.x1) * dx + (py - h.y1) * dy) / l2;
      t = Math.max(0, Math.min(1, t));
      const cx = h.x1 + t * dx, cy = h.y1 + t * dy;
      return Math.hypot(px - cx, py - cy);
    }
    function pick(px, py) {
      let best = null, bestD = 6;
      for (const h of hits) {
        if (h.kind !== 'call') continue;
        const d = distToSeg(px, py, h);
        if (d < bestD) { best = h; bestD = d; }
      }
      if (best) return best;
      const order = ['ann', 'event', 'op', 'band', 'status'];
      for (const k of order) {
        for (let j = hits.length - 1; j >= 0; j--) {
          const h = hits[j];
          if (h.kind === k && px >= h.x1 - 1 && px <= h.x2 + 1 && py >= h.y1 && py <= h.y2) return h;
        }
      }
      return null;
    }
    function describe(h) {
      const i = h.i;
      if (h.kind === 'call') {
        const o = {
          type: strs[C.ty[i]], from: lanes[C.f[i]], to: lanes[C.to[i]], sent: fmtTime(C.t[i]),
          delivered: C.d[i] < 0 ? null : fmtTime(C.t[i] + C.d[i]),
          replySent: C.rs[i] < 0 ? null : fmtTime(C.t[i] + C.rs[i]),
          replyArrived: C.ra[i] < 0 ? null : fmtTime(C.t[i] + C.ra[i]),
          callerToldNoReply: C.e[i] < 0 ? null : fmtTime(C.t[i] + C.e[i]),
          outcome: OUTCOME[C.o[i]], requestBytes: C.b[i], request: parseFields(C.q[i]), reply: parseFields(C.p[i]),
        };
        show(strs[C.ty[i]] + ' ' + h.part + ' ' + lanes[C.f[i]] + ' → ' + lanes[C.to[i]], o);
      } else if (h.kind === 'ann') {
        show('annotation', { at: fmtTime(AN.t[i]), node: AN.n[i] < 0 ? 'harness' : lanes[AN.n[i]], text: strs[AN.w[i]] });
      } else if (h.kind === 'event') {
        show(strs[EV.k[i]] + ' ' + (EV.w[i] < 0 ? '' : strs[EV.w[i]]), { at: fmtTime(EV.t[i]), node: lanes[EV.n[i]], kind: strs[EV.k[i]], what: EV.w[i] < 0 ? null : strs[EV.w[i]] });
      } else if (h.kind === 'op') {
        show('client operation', { client: lanes[OPS.n[i]], invoked: fmtTime(OPS.a[i]), returned: OPS.b[i] < 0 ? null : fmtTime(OPS.b[i]), input: strs[OPS.i[i]], output: OPS.o[i] < 0 ? null : strs[OPS.o[i]] });
      } else if (h.kind === 'band') {
        show(strs[B.k[i]], { node: B.n[i] < 0 ? 'network' : lanes[B.n[i]], from: fmtTime(B.a[i]), to: fmtTime(B.b[i]), what: strs[B.w[i]] });
      } else if (h.kind === 'status') {
        const s = segs[h.lane];
        show(lanes[h.lane] + ' status', { from: fmtTime(s.a[h.seg]), until: fmtTime(s.b[h.seg]), role: s.role[h.seg], term: s.term[h.seg], lastStatus: strs[ST.w[h.st]] });
      }
    }

    // ---- zoom and pan ----
    function zoom(factor, px) {
      const t = T(px === undefined ? (LEFT + W()) / 2 : px);
      const span = Math.max(10, Math.min(END * 4, (view.b - view.a) * factor));
      const frac = (t - view.a) / (view.b - view.a);
      view.a = t - frac * span; view.b = view.a + span;
      render();
    }
    canvas.addEventListener('wheel', e => {
      e.preventDefault();
      const r = canvas.getBoundingClientRect();
      zoom(Math.exp(e.deltaY * 0.0015), e.clientX - r.left);
    }, { passive: false });
    let drag = null;
    canvas.addEventListener('mousedown', e => { drag = { x: e.clientX, a: view.a, b: view.b, moved: false }; canvas.classList.add('dragging'); });
    window.addEventListener('mousemove', e => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (!drag.moved) return;
      const dt = dx / (W() - LEFT - 8) * (drag.b - drag.a);
      view.a = drag.a - dt; view.b = drag.b - dt;
      render();
    });
    window.addEventListener('mouseup', e => {
      if (!drag) return;
      const moved = drag.moved;
      drag = null; canvas.classList.remove('dragging');
      if (!moved) {
        const r = canvas.getBoundingClientRect();
        const h = pick(e.clientX - r.left, e.clientY - r.top);
        if (h) describe(h);
      }
    });
    canvas.addEventListener('dblclick', e => { const r = canvas.getBoundingClientRect(); zoom(0.25, e.clientX - r.left); });
    function fit() { view.a = -END * 0.005; view.b = END * 1.01; render(); }
    document.getElementById('fit').onclick = fit;
    document.getElementById('zin').onclick = () => zoom(0.5);
    document.getElementById('zout').onclick = () => zoom(2);
    for (const id of ['showReplies', 'showTimers', 'showAnn']) document.getElementById(id).onchange = render;
    window.addEventListener('keydown', e => {
      if (e.key === '+' || e.key === '=') zoom(0.5);
      else if (e.key === '-') zoom(2);
      else if (e.key === '0') fit();
      else if (e.key === 'ArrowLeft') { const d = (view.b - view.a) * 0.2; view.a -= d; view.b -= d; render(); }
      else if (e.key === 'ArrowRight') { const d = (view.b - view.a) * 0.2; view.a += d; view.b += d; render(); }
    });
    window.addEventListener('resize', () => { resize(); render(); });
    const reLayout = () => { resize(); render(); };
    nodeFilters.addEventListener('change', reLayout);

    // ?t0=&t1= (µs) opens a window of the run; tests and links use it
    const q = new URLSearchParams(location.search);
    if (q.has('t0') && q.has('t1')) { view.a = Number(q.get('t0')); view.b = Number(q.get('t1')); }
    else fit();
    resize();
    render();
    S.loadMs = Math.round(performance.now() - START);
    S.navLoadMs = Math.round(performance.now());
    writeSummary();
    // for tests: pick the first drawn arrow and show it, proving the click path works
    window.simlabReport = { render, zoom, fit, view, pickFirstArrow: () => { const h = hits.find(x => x.kind === 'call'); if (h) describe(h); return !!h; } };
    if (q.has('selectFirst')) window.simlabReport.pickFirstArrow();
  }

  loadData().then(main).catch(e => {
    errors.push('report failed: ' + (e && e.stack || e));
    writeSummary();
    console.error('simlab report failed: ' + (e && e.stack || e));
  });
})();
