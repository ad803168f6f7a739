extension HTMLWriter {
  /// The rules that colour each label and let its checkbox hide its highlighting. Only class
  /// names (`l0`) and checked colours (``HTMLLabelStyle/isPlainColor(_:)``) appear here.
  func labelRules(_ styles: [HTMLLabelStyle], toggles: Bool) -> String {
    var rules = ""
    for style in styles {
      let name = style.className
      rules += ".\(name){--c:\(style.color)}\n"
      guard toggles else { continue }
      rules += "#show-\(name):not(:checked)~main mark.\(name){background:none;padding:0}\n"
      rules += "#show-\(name):not(:checked)~main mark.\(name)::after{content:none}\n"
      rules += "#show-\(name):not(:checked)~main tr.\(name){opacity:.5}\n"
      rules += "#show-\(name):not(:checked)~header label.\(name){opacity:.55;"
      rules += "text-decoration:line-through}\n"
      rules += "#show-\(name):focus-visible~header label.\(name){outline:2px solid var(--link)}\n"
    }
    return rules
  }

  /// The style sheet every page starts with: layout, marks, badges and details, legend,
  /// tables; light and dark colours (`prefers-color-scheme`) and print.
  static let styleSheet = """
    :root{color-scheme:light dark;--bg:#fbfaf6;--fg:#1f1f1f;--muted:#62605b;--rule:#dcd9d0;\
    --panel:#f2efe6;--mix:#ffffff;--tip-bg:#26262a;--tip-fg:#f7f5ef;--link:#1b5fb0;\
    --badge-fg:#151515;\
    --font:"Noto Sans Devanagari","Noto Sans",Mukta,Hind,"Nirmala UI",Mangal,\
    "Kohinoor Devanagari","Devanagari Sangam MN","Lohit Devanagari",system-ui,sans-serif}
    @media (prefers-color-scheme:dark){:root{--bg:#161719;--fg:#e9e7e1;--muted:#a5a39c;\
    --rule:#3b3c40;--panel:#202125;--mix:#202125;--tip-bg:#f2efe6;--tip-fg:#1f1f1f;\
    --link:#8ab4f8}}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:62rem;padding:1.5rem 1.25rem 4rem;background:var(--bg);\
    color:var(--fg);font-family:var(--font);line-height:1.6}
    a{color:var(--link)}
    h1{font-size:1.45rem;margin:0 0 .2rem;overflow-wrap:anywhere}
    h2{font-size:1.15rem;margin:2.5rem 0 .2rem;overflow-wrap:anywhere}
    .meta,.up{color:var(--muted);font-size:.9rem;margin:0 0 .8rem}
    .toggle{position:absolute;width:1px;height:1px;margin:0;opacity:0;pointer-events:none}
    .legend{display:flex;flex-wrap:wrap;gap:.45rem;margin:.8rem 0 1.2rem}
    .legend>*{display:inline-flex;align-items:center;gap:.4rem;padding:.15rem .65rem;\
    border:1px solid var(--rule);border-radius:1rem;font-size:.85rem;user-select:none}
    .legend>label{cursor:pointer}
    .swatch{display:inline-block;width:.85em;height:.85em;border-radius:.2em;background:var(--c)}
    .n{color:var(--muted);font-variant-numeric:tabular-nums}
    .toc ol{margin:.3rem 0 1rem;padding-left:1.6rem}
    article{white-space:pre-wrap;overflow-wrap:break-word;font-size:1.15rem;line-height:2.4;\
    padding:.9rem 1.2rem;background:var(--panel);border-radius:.5rem}
    mark{position:relative;color:inherit;background:var(--c);\
    background:color-mix(in srgb,var(--c) 62%,var(--mix));padding:.12em .25em;\
    border-radius:.3em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
    mark::after{content:attr(data-label);margin-left:.35em;padding:.1em .3em;\
    border-radius:.25em;background:var(--c);color:var(--badge-fg);\
    font:600 .55rem/1 system-ui,sans-serif;letter-spacing:.04em;vertical-align:.3em;\
    white-space:nowrap}
    mark::before{content:attr(data-details);display:none;position:absolute;z-index:10;\
    left:0;top:calc(100% + .35em);width:max-content;max-width:min(24rem,80vw);\
    padding:.45rem .65rem;border-radius:.4rem;background:var(--tip-bg);color:var(--tip-fg);\
    box-shadow:0 .2rem .8rem rgb(0 0 0/.3);font:400 .85rem/1.5 var(--font);\
    white-space:pre-line;unicode-bidi:isolate;pointer-events:none}
    mark:hover::before,mark:focus::before,mark:focus-within::before{display:block}
    mark.cont::before,mark.cont::after{content:none}
    mark a{color:inherit;text-decoration:none}
    mark:focus,mark a:focus-visible{outline:2px solid var(--link);outline-offset:1px}
    mark:target{outline:3px solid var(--link);outline-offset:2px}
    .ctl{unicode-bidi:isolate}
    .ctl::before{content:attr(data-cp);font:.6rem/1 ui-monospace,monospace;\
    border:1px dotted currentColor;padding:0 .15em;color:var(--muted)}
    table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
    caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;\
    border-bottom:1px solid var(--rule)}
    th{color:var(--muted);font-weight:600}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    td>.en,td>.des{display:block;color:var(--muted);font-size:.85em}
    .badge{padding:.1em .4em;border-radius:.25em;background:var(--c);color:var(--badge-fg);\
    font:600 .72rem/1.4 system-ui,sans-serif;letter-spacing:.04em}
    .where a{display:inline-block;min-width:1.6em;text-align:center}
    code{font-size:.85em;overflow-wrap:anywhere}
    @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--panel:#fff;--mix:#fff;--link:#000}
    body{max-width:none;padding:0}
    mark::before,.toggle{display:none!important}
    article{padding:0}
    mark,mark::after,.badge,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    .document+.document{break-before:page}
    tr{break-inside:avoid}
    a{text-decoration:none}}

    """
}
