package simlab.linearizability.html;

/** The inline stylesheet and script of the report; kept here so the page needs no other file. */
final class HtmlAssets {
    private HtmlAssets() {
    }

    static final String CSS = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1.verdict { padding: .3em .6em; border-radius: 6px; display: inline-block; }
            .ok { color: #14632e; } h1.ok { background: #d9f2df; }
            .bad { color: #9b1c1c; } h1.bad { background: #fbe0e0; }
            .unknown { color: #7a5b00; } h1.unknown { background: #fff3c4; }
            .legend { margin: .8em 0 1.2em; } .legend .sample { position: static; display: inline-block;
              width: 22px; margin: 0 .4em 0 1.2em; vertical-align: middle; }
            .hint { margin-left: 1.5em; color: #666; }
            .timeline { overflow-x: auto; border: 1px solid #ddd; padding: 6px 0; background: #fafafa; }
            .row { position: relative; border-bottom: 1px dotted #e3e3e3; }
            .client { position: absolute; left: 6px; top: 4px; font-size: 12px; color: #555; }
            .bar { position: absolute; top: 3px; height: 18px; border-radius: 3px; font-size: 11px;
              text-align: center; color: #fff; overflow: hidden; cursor: default; white-space: nowrap; }
            .bar.lin { background: #2f8f4e; } .bar.fail { background: #d32f2f; font-weight: bold; }
            .bar.other { background: #9e9e9e; } .bar:hover { outline: 2px solid #222; }
            table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ddd;
              padding: 2px 8px; text-align: left; vertical-align: top; } code { word-break: break-all; }
            tr.failrow td { background: #fbe0e0; color: #9b1c1c; font-weight: bold; }
            .tip { position: fixed; max-width: 40em; background: #222; color: #fff; padding: 6px 9px;
              border-radius: 4px; font-size: 12px; white-space: pre-wrap; pointer-events: none; z-index: 9; }
            section.partition { margin-bottom: 2em; }
            """;

    /** Shows a bar's data-tip next to the pointer; the title attribute is the no-script fallback. */
    static final String JS = """
            (function () {
              var tip = document.getElementById('tip');
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
              });
            })();
            """;
}
