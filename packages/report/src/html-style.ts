/** The report's stylesheet, inlined into report.html. */
export const REPORT_CSS = `
:root{--fg:#1d2430;--muted:#5b6577;--line:#d9dee7;--bg:#fff;--soft:#f5f7fa;--accent:#0072B2;--neg:#b3261e;--pos:#1a7f37}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--soft)}
main{max-width:1360px;margin:0 auto;padding:24px 20px 64px}
header.top{background:#14213d;color:#fff;padding:22px 0 18px}
header.top .in{max-width:1360px;margin:0 auto;padding:0 20px}
header.top h1{margin:0 0 4px;font-size:26px;letter-spacing:.2px}
header.top p{margin:0;color:#c9d3e6;max-width:900px}
nav{margin-top:12px;display:flex;gap:14px;flex-wrap:wrap}
nav a{color:#9fc6ff;text-decoration:none;font-size:13px}
.glance{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px;margin-top:18px}
.g{display:block;background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px;color:inherit;text-decoration:none}
.g:hover,.g:focus{border-color:var(--accent);box-shadow:0 1px 4px rgba(0,114,178,.18)}
.gv{font-size:24px;font-weight:700;font-variant-numeric:tabular-nums}
.gk{font-size:13px;font-weight:600;margin-top:2px}
.gd{font-size:12px;color:var(--muted)}
section{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:18px 0}
h2{margin:0 0 12px;font-size:19px}
h3{margin:18px 0 8px;font-size:15px}
h4{margin:12px 0 4px;font-size:13px}
.muted{color:var(--muted);fill:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin:6px 0 10px}
th,td{padding:4px 7px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;overflow-wrap:break-word}
th{vertical-align:bottom}
th{background:var(--soft);font-weight:600;cursor:pointer;user-select:none}
.scroll th{position:sticky;top:0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.neg{color:var(--neg)}td.pos{color:var(--pos)}
.scroll{overflow-y:auto;overflow-x:hidden;max-height:460px;border:1px solid var(--line);border-radius:6px}
.scroll table{margin:0}
.grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:14px}
.grid4{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.card.own{border-color:#1d2430}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 10px;background:#fff}
.card p{margin:4px 0 0;font-size:12px;color:var(--muted)}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:13px}
.kv div:nth-child(odd){color:var(--muted)}
.badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;background:#fde7e4;color:var(--neg)}
.badge.ok{background:#e3f4e8;color:var(--pos)}
.sig{color:var(--accent);font-weight:700}
svg.chart{width:100%;height:auto;display:block}
figure.ts{margin:0;min-width:0}
figure.ts+figure.ts{margin-top:14px}
figure.ts.live .fallback{display:none}
.chart-note{margin:8px 4px;font-size:13px}
.uplot{width:100%!important;font-family:inherit}
.uplot .u-title{text-align:left;font-size:13px;font-weight:600;padding:2px 0 2px 8px}
.uplot table.u-legend{width:auto;margin:0}
.uplot .u-legend{font-size:11.5px;text-align:left;line-height:1.35;padding:2px 0 0 4px}
.uplot .u-legend .u-series{padding:0 6px 0 0}
.uplot .u-legend .u-series>*{padding:1px 3px}
.uplot .u-legend .u-value{font-variant-numeric:tabular-nums;font-weight:600}
.uplot .u-legend th{font-weight:500;background:none;cursor:pointer;color:var(--fg)}
.uplot .u-legend td,.uplot .u-legend th{border:0;white-space:nowrap}
.uplot .u-select{background:rgba(0,114,178,.12)}
.hint{font-size:11.5px;color:var(--muted);margin:2px 0 8px}
table.monthly{font-size:12px}
table.monthly td,table.monthly th{padding:3px 5px}
svg .ct{font-size:13px;font-weight:600;fill:var(--fg)}
svg .lg{font-size:11px;fill:var(--fg)}
svg .yt{font-size:10.5px;fill:var(--muted);text-anchor:end}
svg .xt{font-size:10.5px;fill:var(--muted);text-anchor:middle}
svg .al{font-size:11px;fill:var(--muted);text-anchor:middle}
svg .mk{font-size:10.5px;fill:#b3261e;font-weight:600}
svg .grid{stroke:#eceff4;stroke-width:1}
svg .axis{stroke:#9aa4b5;stroke-width:1}
svg .zero{stroke:#6b7688;stroke-width:1;stroke-dasharray:3 3}
svg .marker{stroke:#b3261e;stroke-width:1.2;stroke-dasharray:4 3}
details summary{cursor:pointer;color:var(--accent);margin:6px 0}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
code{font-size:12px;background:var(--soft);padding:1px 4px;border-radius:4px}
`;

/** Sorts a table by a clicked header (numbers by value, text alphabetically); the only script of the report. */
export const REPORT_JS = `
(function(){
  function key(td){var v=td.getAttribute('data-v');if(v!==null&&v!=='')return parseFloat(v);return td.textContent.trim();}
  document.querySelectorAll('table.sortable').forEach(function(t){
    t.querySelectorAll('th').forEach(function(th,i){
      th.addEventListener('click',function(){
        var body=t.tBodies[0];if(!body)return;
        var asc=th.getAttribute('data-sort')!=='asc';
        t.querySelectorAll('th').forEach(function(h){h.removeAttribute('data-sort');});
        th.setAttribute('data-sort',asc?'asc':'desc');
        var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);
          if(typeof x==='number'&&typeof y==='number'){if(isNaN(x))return 1;if(isNaN(y))return -1;return asc?x-y:y-x;}
          return asc?String(x).localeCompare(String(y)):String(y).localeCompare(String(x));});
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  var d=document.getElementById('aftershock-data');
  if(d){try{window.aftershockResult=JSON.parse(d.textContent);}catch(e){console.warn('report data unreadable');}}
})();
`;
