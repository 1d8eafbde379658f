/// The report's style sheet, inlined in every HTML report (no external resources).
enum HTMLStyle {
  static let css = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0969da;
      --active: #bf3989; --return: #1a7f37; --visited: #8250df; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
    header { padding: 18px 28px 10px; border-bottom: 1px solid var(--line); background: var(--panel); }
    header h1 { margin: 0 0 4px; font-size: 22px; }
    header p { margin: 2px 0; color: var(--muted); }
    nav { padding: 8px 28px; border-bottom: 1px solid var(--line); }
    nav a { margin-right: 16px; color: var(--accent); text-decoration: none; }
    main { padding: 0 28px 40px; max-width: 1400px; }
    section { margin-top: 26px; }
    h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 15px; margin: 18px 0 4px; }
    code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
    .badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; font-weight: 600; }
    .pass { background: #dafbe1; color: #1a7f37; } .fail { background: #ffebe9; color: #cf222e; }
    .warn { color: #9a6700; font-weight: 600; }
    .diagram { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; padding: 6px; }
    svg.topology { display: block; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    svg.topology .node rect { fill: #fff; stroke: #57606a; stroke-width: 1.5; }
    svg.topology .node text.label { font-size: 12px; fill: var(--ink); }
    svg.topology .node text.kind { font-size: 10px; fill: var(--muted); font-family: system-ui, sans-serif; }
    svg.topology .kind-client rect { fill: #ddf4ff; stroke: #0969da; }
    svg.topology .kind-service rect { fill: #dafbe1; stroke: #1a7f37; }
    svg.topology .kind-external rect { fill: #fff8c5; stroke: #9a6700; }
    svg.topology .kind-loadBalancer rect { fill: #fbefff; stroke: #8250df; }
    svg.topology .kind-gateway rect { fill: #ffeff7; stroke: #bf3989; }
    svg.topology .kind-managedService rect { fill: #fff1e5; stroke: #bc4c00; }
    svg.topology .node.visited rect { stroke: var(--visited); stroke-width: 2.5; }
    svg.topology .node.current rect { stroke: var(--active); stroke-width: 4; }
    svg.topology .edge path { fill: none; stroke: #8c959f; }
    svg.topology .edge.backward path { stroke-dasharray: 6 4; }
    svg.topology .edge rect.count { fill: #fff; stroke: #d1d9e0; }
    svg.topology .edge text.count { font-size: 11px; fill: var(--ink); }
    svg.topology marker path { fill: #8c959f; }
    svg.topology marker.marker-active path { fill: var(--active); }
    svg.topology marker.marker-return path { fill: var(--return); }
    svg.topology .edge.visited path { stroke: var(--visited); }
    svg.topology .edge.active path { stroke: var(--active); stroke-width: 4; }
    svg.topology .edge.returning path { stroke: var(--return); stroke-width: 4; stroke-dasharray: 8 5; }
    .legend-kinds span { margin-right: 14px; font-size: 12px; color: var(--muted); }
    .stepper { margin-top: 10px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
    .controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .controls button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px;
      background: var(--panel); cursor: pointer; }
    .controls button:hover { border-color: var(--accent); }
    .controls select { font: inherit; max-width: 60ch; }
    #step-counter { color: var(--muted); min-width: 6em; }
    .outcome { margin: 8px 0 4px; color: var(--muted); }
    .frame-now { margin: 8px 0; padding: 8px 10px; background: var(--panel); border-left: 4px solid var(--active);
      min-height: 2.6em; }
    ol.frames { position: relative; max-height: 300px; overflow-y: auto; margin: 0; padding: 0 0 0 3.2em;
      border-top: 1px solid var(--line); }
    ol.frames li { padding: 2px 4px; cursor: pointer; }
    ol.frames li.done { color: var(--muted); }
    ol.frames li.current { background: #ffeff7; color: var(--ink); }
    .t { display: inline-block; min-width: 7em; color: var(--muted); }
    .k { display: inline-block; min-width: 6.5em; font-weight: 600; }
    .k-request { color: var(--active); } .k-response { color: var(--return); }
    .k-denied, .k-failed { color: #cf222e; } .k-permitted, .k-answered { color: #1a7f37; }
    .a { color: #0550ae; margin-right: 6px; }
    table { border-collapse: collapse; margin: 6px 0; }
    th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid #eaeef2; vertical-align: top; }
    th { color: var(--muted); font-weight: 600; }
    td.num, th.num { text-align: right; padding-right: 14px; }
    .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; vertical-align: -1px; }
    svg.bar { display: block; width: 100%; height: 28px; border-radius: 4px; }
    svg.timechart { display: block; width: 100%; max-width: 1000px; height: auto; font-size: 11px; }
    svg.timechart .axis { stroke: #57606a; } svg.timechart .grid { stroke: #57606a; }
    svg.timechart .tick { fill: var(--muted); }
    svg.timechart .marker line { stroke: #9a6700; stroke-dasharray: 4 3; }
    svg.timechart .marker path { fill: #9a6700; }
    .scroll { max-height: 360px; overflow-y: auto; }
    .timeline td.time { white-space: nowrap; color: var(--muted); }
    .timeline tr.event td { font-weight: 600; }
    table.compare { min-width: 100%; }
    table.compare th, table.compare td { padding: 4px 14px 4px 8px; }
    table.compare tr.section th { background: var(--panel); color: var(--ink); padding-top: 10px; }
    table.compare td.good { background: #dafbe1; } table.compare td.bad { background: #ffebe9; }
    ul.notes li { margin: 2px 0; }
    pre { background: var(--panel); padding: 10px; overflow-x: auto; font-size: 12px; }
    footer { padding: 14px 28px; color: var(--muted); border-top: 1px solid var(--line); font-size: 12px; }
    """
}
