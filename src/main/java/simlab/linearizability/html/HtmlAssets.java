package simlab.linearizability.html;

/** The inline stylesheet and script of the report; kept here so the page needs no other file. */
final class HtmlAssets {
  private HtmlAssets() {}

  static final String CSS =
      """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1.verdict { padding: .3em .6em; border-radius: 6px; display: inline-block; }
            .ok { color: #14632e; } h1.ok { background: #d9f2df; }
            .bad { color: #9b1c1c; } h1.bad { background: #fbe0e0; }
            .unknown { color: #7a5b00; } h1.unknown { background: #fff3c4; }
            p.failures { font-weight: bold; } p.failures a { color: inherit; }
            .legend { margin: .8em 0 1.2em; } .legend .sample { position: static; display: inline-block;
              width: 22px; margin: 0 .4em 0 1.2em; vertical-align: middle; }
            .hint { margin-left: 1.5em; color: #666; }
            .timeline { border: 1px solid #ddd; padding: 6px 0 2px; background: #fafafa; }
            .row { display: flex; height: 24px; border-bottom: 1px dotted #e3e3e3; }
            .client { flex: none; width: 72px; padding: 3px 0 0 6px; font-size: 12px; color: #555; }
            .track { position: relative; flex: 1; margin-right: 12px; }
            .bar { position: absolute; top: 3px; height: 18px; min-width: 8px; box-sizing: border-box;
              border-radius: 3px; font-size: 11px; text-align: center; color: #fff; overflow: hidden;
              cursor: pointer; white-space: nowrap; }
            .bar.lin { background-color: #2f8f4e; } .bar.fail { background-color: #d32f2f; font-weight: bold; }
            .bar.other { background-color: #9e9e9e; } .bar:hover { outline: 2px solid #222; z-index: 2; }
            .bar.open { background-image: linear-gradient(to right, transparent 40%, rgba(250,250,250,.8));
              border-right: 2px dashed #555; border-radius: 3px 0 0 3px; }
            .row.axis { border-bottom: none; height: 20px; }
            .tick { position: absolute; top: 2px; font-size: 11px; color: #666; white-space: nowrap;
              transform: translateX(-50%); border-left: 1px solid #aaa; padding-left: 3px; }
            .tick.first { transform: none; } .tick.last { transform: translateX(-100%); border-left: none;
              border-right: 1px solid #aaa; padding: 0 3px 0 0; }
            table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ddd;
              padding: 2px 8px; text-align: left; vertical-align: top; } code { word-break: break-all; }
            tr.failrow td { background: #fbe0e0; color: #9b1c1c; font-weight: bold; }
            tr.hit td { outline: 2px solid #1565c0; }
            .tip { position: fixed; max-width: 40em; background: #222; color: #fff; padding: 6px 9px;
              border-radius: 4px; font-size: 12px; white-space: pre-wrap; pointer-events: none; z-index: 9; }
            section.partition { margin-bottom: 1.2em; }
            section.partition > details > summary { cursor: pointer; margin-bottom: .4em; }
            summary h2 { display: inline; font-size: 1.2em; }
            details.steps { margin-top: .4em; }
            """;

  /**
   * Shows a bar's data-tip next to the pointer (the title attribute is the no-script fallback); a
   * click on a bar opens and highlights its row in the table.
   */
  static final String JS =
      """
            (function () {
              var tip = document.getElementById('tip');
              var hit = null;
              document.querySelectorAll('.bar[data-tip]').forEach(function (bar) {
                bar.addEventListener('mouseenter', function () {
                  tip.textContent = bar.getAttribute('data-tip');
                  tip.hidden = false;
                  bar.removeAttribute('title');
                });
                bar.addEventListener('mousemove', function (e) {
                  tip.style.left = (e.clientX + 14) + 'px';
                  tip.style.top = (e.clientY + 14) + 'px';
                });
                bar.addEventListener('mouseleave', function () { tip.hidden = true; });
                bar.addEventListener('click', function () {
                  var row = document.getElementById(bar.getAttribute('data-row') || '');
                  if (!row) { return; }
                  for (var d = row.closest('details'); d; d = d.parentElement.closest('details')) { d.open = true; }
                  if (hit) { hit.classList.remove('hit'); }
                  hit = row;
                  row.classList.add('hit');
                  row.scrollIntoView({ block: 'center' });
                });
              });
            })();
            """;
}
