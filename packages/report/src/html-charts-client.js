/* global uPlot, ResizeObserver, window, document, console */
// The report's chart script: turns each <figure class="ts"> (an SVG fallback and a JSON spec) into an interactive
// uPlot chart with a readout of the hovered session, drag-to-zoom, shift-drag to pan and double-click to reset.
// Plain ES2017 for the browser; embedded into report.html as is.
(function () {
  'use strict';
  if (typeof uPlot === 'undefined') return;
  var MINUS = '\u2212';
  var charts = [];
  window.aftershockCharts = charts;

  function signed(s) { return s.charAt(0) === '-' ? MINUS + s.slice(1) : s; }
  function group(s) { return s.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function fmt(kind, v, digits) {
    if (v === null || v === undefined || !isFinite(v)) return '\u2013';
    if (kind === 'pct') return signed((v * 100).toFixed(digits === undefined ? 2 : digits)) + '%';
    if (kind === 'money') {
      var p = Math.abs(v).toFixed(digits === undefined ? 2 : digits).split('.');
      return (v < 0 ? MINUS : '') + '$' + group(p[0]) + (p[1] ? '.' + p[1] : '');
    }
    if (kind === 'int') return signed(group(Math.round(v).toFixed(0)));
    return signed(v.toFixed(digits === undefined ? 2 : digits));
  }
  // Axis labels: just enough digits for ticks `step` apart (as the SVG's).
  function tick(kind, v, step) {
    if (kind === 'pct') return fmt(kind, v, Math.max(0, Math.min(4, -Math.floor(Math.log10(Math.abs(step) * 100 || 1) + 1e-9))));
    if (kind === 'money') return fmt(kind, v, Math.abs(step) < 1 ? 2 : 0);
    if (kind === 'int') {
      var a = Math.abs(v);
      return a >= 1e9 ? fmt('num', v / 1e9, 1) + 'B' : a >= 1e6 ? fmt('num', v / 1e6, 1) + 'M' : a >= 1e3 ? fmt('num', v / 1e3, 0) + 'k' : fmt('int', v);
    }
    return fmt(kind, v, Math.max(0, Math.min(4, -Math.floor(Math.log10(Math.abs(step) || 1) + 1e-9))));
  }
  function isoDay(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }
  function offset(n) { return n > 0 ? '+' + n : n < 0 ? MINUS + -n : '0'; }
  function rgba(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }

  // Vertical markers (day 0) and the zero line, drawn over the plot.
  function overlay(spec) {
    return function (u) {
      var ctx = u.ctx, b = u.bbox, px = uPlot.pxRatio;
      ctx.save();
      ctx.setLineDash([4 * px, 3 * px]);
      ctx.lineWidth = px;
      if (spec.z) {
        var y0 = u.valToPos(0, 'y', true);
        if (y0 > b.top && y0 < b.top + b.height) {
          ctx.strokeStyle = '#6b7688';
          ctx.beginPath(); ctx.moveTo(b.left, y0); ctx.lineTo(b.left + b.width, y0); ctx.stroke();
        }
      }
      (spec.m || []).forEach(function (m) {
        var x = u.valToPos(m.x, 'x', true);
        if (x < b.left || x > b.left + b.width) return;
        ctx.strokeStyle = '#b3261e';
        ctx.beginPath(); ctx.moveTo(x, b.top); ctx.lineTo(x, b.top + b.height); ctx.stroke();
        ctx.fillStyle = '#b3261e';
        ctx.font = '600 ' + 11 * px + 'px system-ui, sans-serif';
        var right = x > b.left + b.width - 160 * px;
        ctx.textAlign = right ? 'right' : 'left';
        ctx.fillText(m.l, x + (right ? -4 : 4) * px, b.top + 12 * px);
      });
      ctx.restore();
    };
  }

  // Shift-drag pans the time axis inside the data's range; a plain drag zooms (uPlot's own selection).
  function panning(data) {
    var lo = data[0][0], hi = data[0][data[0].length - 1];
    return function (u, _targ, handler) {
      return function (e) {
        if (!e.shiftKey) return handler(e);
        var x0 = e.clientX, min0 = u.scales.x.min, max0 = u.scales.x.max, w = u.over.getBoundingClientRect().width || 1;
        function move(ev) {
          var d = ((ev.clientX - x0) / w) * (max0 - min0);
          var min = min0 - d, max = max0 - d;
          if (min < lo) { max += lo - min; min = lo; }
          if (max > hi) { min -= max - hi; max = hi; }
          u.setScale('x', { min: Math.max(lo, min), max: Math.min(hi, max) });
        }
        function up() { document.removeEventListener('mousemove', move); document.removeEventListener('mouseup', up); }
        document.addEventListener('mousemove', move);
        document.addEventListener('mouseup', up);
        return null;
      };
    };
  }

  function build(fig, spec) {
    var date = spec.k === 'date';
    var data = [spec.x];
    var series = [{
      label: date ? 'session' : 'day',
      value: function (_u, v, _s, i) {
        if (v === null || v === undefined) return '\u2013';
        return date ? isoDay(v) : offset(v) + (spec.d && i !== null && spec.d[i] ? ' (' + spec.d[i] + ')' : '');
      },
    }];
    var hasVol = false;
    spec.s.forEach(function (s) {
      data.push(s.v);
      var o = {
        label: s.n,
        stroke: s.c,
        width: s.w === undefined ? 2 : s.w,
        show: !s.hide,
        scale: s.k === 'bars' ? 'vol' : 'y',
        spanGaps: false,
        value: function (_u, v, _si, i) { return fmt(s.f, s.r && i !== null ? s.r[i] : v); },
      };
      if (s.dash) o.dash = s.dash;
      if (s.a) o.fill = rgba(s.c, 0.18);
      if (s.k === 'bars') {
        hasVol = true;
        o.paths = uPlot.paths.bars({ size: [0.6, 40] });
        o.fill = rgba(s.c, 0.3);
        o.stroke = rgba(s.c, 0.5);
        o.width = 0;
        o.points = { show: false };
      } else if (s.k === 'points') {
        o.paths = function () { return null; };
        o.points = { show: true, size: 10, width: 2, stroke: s.c, fill: s.o ? '#fff' : s.c };
      } else if (spec.dots) {
        o.points = { show: true, size: 5, fill: s.c };
      }
      series.push(o);
    });
    var bands = spec.band ? [{ series: [spec.band[0] + 1, spec.band[1] + 1], fill: rgba(spec.s[spec.band[0]].c, 0.16) }] : undefined;
    var scales = { x: { time: date }, y: {} };
    if (hasVol) scales.vol = { range: function (_u, _min, max) { return [0, (max || 1) * 4]; } };
    var axes = [
      {
        values: date
          ? function (_u, splits) { return splits.map(function (v) { return isoDay(v); }); }
          : function (_u, splits) { return splits.map(function (v) { return Number.isInteger(v) ? offset(v) : ''; }); },
        label: spec.xl,
        labelSize: spec.xl ? 24 : 0,
        size: 36,
        grid: { stroke: '#eceff4', width: 1 },
        ticks: { stroke: '#9aa4b5', width: 1, size: 4 },
      },
      {
        values: function (_u, splits) {
          var step = splits.length > 1 ? splits[1] - splits[0] : 1;
          return splits.map(function (v) { return tick(spec.f, v, step); });
        },
        label: spec.yl,
        labelSize: 22,
        size: spec.ys || (spec.f === 'money' ? 76 : 56),
        grid: { stroke: '#eceff4', width: 1 },
        ticks: { stroke: '#9aa4b5', width: 1, size: 4 },
      },
    ];
    if (date) {
      // Sessions are days: tick every 1/3/6 months or year as the range allows; no time of day.
      axes[0].space = 70;
      axes[0].incrs = [86400, 86400 * 7, 86400 * 30, 86400 * 91, 86400 * 182, 86400 * 365];
      data[0] = spec.x.map(function (d) { return d * 86400; });
      axes[0].values = function (_u, splits) { return splits.map(function (v) { return isoDay(v / 86400); }); };
      series[0].value = function (_u, v) { return v === null || v === undefined ? '\u2013' : isoDay(v / 86400); };
    } else {
      scales.x.distr = 1;
      axes[0].incrs = [1, 2, 5, 10, 20, 50, 100];
    }
    var host = document.createElement('div');
    host.className = 'live-chart';
    fig.appendChild(host);
    var opts = {
      title: spec.t,
      width: Math.max(240, fig.clientWidth),
      height: spec.h,
      series: series,
      scales: scales,
      axes: axes,
      legend: { live: true },
      cursor: {
        drag: { x: true, y: false, setScale: true, dist: 4 },
        bind: { mousedown: panning(data) },
        points: { size: 7 },
      },
      hooks: { draw: [overlay(spec)] },
    };
    if (date) opts.tzDate = function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); };
    if (bands) opts.bands = bands;
    if (spec.sync) opts.cursor.sync = { key: spec.sync, scales: ['x', null] };
    var u = new uPlot(opts, data, host);
    fig.classList.add('live');
    charts.push({ el: fig, chart: u, title: spec.t });
    return u;
  }

  var figs = document.querySelectorAll('figure.ts');
  Array.prototype.forEach.call(figs, function (fig) {
    var el = fig.querySelector('script.ts-spec');
    if (!el) return;
    try {
      build(fig, JSON.parse(el.textContent));
    } catch (e) {
      fig.classList.remove('live');
      console.warn('chart not drawn: ' + (e && e.message));
    }
  });
  // Follow the page width (and charts that were hidden in a closed <details> when the page opened).
  if (typeof ResizeObserver !== 'undefined') {
    var ro = new ResizeObserver(function (entries) {
      entries.forEach(function (en) {
        charts.forEach(function (c) {
          var w = Math.floor(en.contentRect.width);
          if (c.el === en.target && w > 0 && w !== c.chart.width) c.chart.setSize({ width: w, height: c.chart.height });
        });
      });
    });
    charts.forEach(function (c) { ro.observe(c.el); });
  }
})();
