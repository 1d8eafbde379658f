/// The report's only script, inlined: the request step-through. Each `.stepper` element drives
/// the diagram named by its `data-prefix` (`node-N`/`edge-N` ids), one frame at a time, forward
/// and back, with buttons, a click on a frame, or the keyboard (← → Home End, space to play).
enum HTMLScript {
  static let javascript = """
    (function () {
      "use strict";
      var steppers = Array.prototype.slice.call(document.querySelectorAll(".stepper"));
      var focused = null;
      steppers.forEach(function (root) {
        var prefix = root.getAttribute("data-prefix") || "";
        var svg = document.getElementById(prefix + "topology");
        var select = root.querySelector("select.trace-select");
        var lists = Array.prototype.slice.call(root.querySelectorAll("ol.frames"));
        var outcomes = Array.prototype.slice.call(root.querySelectorAll("p.outcome"));
        var counter = root.querySelector(".step-counter");
        var now = root.querySelector(".frame-now");
        var playButton = root.querySelector("button.play");
        var trace = 0, frame = 0, timer = null;
        if (!svg || lists.length === 0) { return; }
        function items() { return lists[trace].querySelectorAll("li"); }
        function mark(id, name) {
          var element = document.getElementById(prefix + id);
          if (element) { element.classList.add(name); }
        }
        // The crossed edge: forwards with the arrow at the callee, answers with it at the caller.
        function light(edge, back) {
          var element = document.getElementById(prefix + "edge-" + edge);
          if (!element) { return; }
          element.classList.add(back ? "returning" : "active");
          var path = element.querySelector("path");
          if (back) {
            path.removeAttribute("marker-end");
            path.setAttribute("marker-start", "url(#" + prefix + "arrow-return)");
          } else {
            path.setAttribute("marker-end", "url(#" + prefix + "arrow-active)");
          }
        }
        function show() {
          var all = items();
          svg.querySelectorAll(".current, .visited, .active, .returning").forEach(function (element) {
            element.classList.remove("current", "visited", "active", "returning");
          });
          svg.querySelectorAll(".edge path").forEach(function (path) {
            path.setAttribute("marker-end", "url(#" + prefix + "arrow)");
            path.removeAttribute("marker-start");
          });
          if (all.length === 0) { counter.textContent = "no steps"; now.textContent = ""; return; }
          frame = Math.max(0, Math.min(frame, all.length - 1));
          for (var i = 0; i < all.length; i++) {
            var item = all[i];
            item.classList.toggle("current", i === frame);
            item.classList.toggle("done", i < frame);
            if (i > frame) { continue; }
            var node = Number(item.getAttribute("data-node"));
            var edge = Number(item.getAttribute("data-edge"));
            if (node >= 0) { mark("node-" + node, i === frame ? "current" : "visited"); }
            if (edge >= 0) {
              mark("edge-" + edge, "visited");
              if (i === frame) { light(edge, item.getAttribute("data-move") === "response"); }
            }
          }
          var current = all[frame];
          now.innerHTML = current.innerHTML;
          counter.textContent = "step " + (frame + 1) + " of " + all.length;
          var list = lists[trace];
          if (current.offsetTop < list.scrollTop) {
            list.scrollTop = current.offsetTop;
          } else if (current.offsetTop + current.offsetHeight > list.scrollTop + list.clientHeight) {
            list.scrollTop = current.offsetTop + current.offsetHeight - list.clientHeight;
          }
        }
        function go(target) { frame = target; show(); }
        function stop() {
          if (timer !== null) { clearInterval(timer); timer = null; playButton.textContent = "play"; }
        }
        function play() {
          if (timer !== null) { stop(); return; }
          if (frame >= items().length - 1) { frame = 0; }
          playButton.textContent = "pause";
          timer = setInterval(function () {
            if (frame >= items().length - 1) { stop(); return; }
            go(frame + 1);
          }, 700);
        }
        function choose(index) {
          stop();
          trace = index;
          lists.forEach(function (list, i) { list.hidden = i !== trace; });
          outcomes.forEach(function (line, i) { line.hidden = i !== trace; });
          go(0);
        }
        root.steps = {
          first: function () { stop(); go(0); },
          back: function () { stop(); go(frame - 1); },
          forward: function () { stop(); go(frame + 1); },
          last: function () { stop(); go(items().length - 1); },
          play: play,
          open: function (index, step) {
            if (index >= lists.length) { return; }
            if (select) { select.selectedIndex = index; }
            choose(index);
            go(step);
          }
        };
        root.querySelectorAll("button[data-step]").forEach(function (button) {
          button.addEventListener("click", function () { focused = root; root.steps[button.getAttribute("data-step")](); });
        });
        lists.forEach(function (list) {
          list.addEventListener("click", function (event) {
            var item = event.target.closest("li");
            if (!item) { return; }
            focused = root;
            stop();
            go(Array.prototype.indexOf.call(list.children, item));
          });
        });
        if (select) { select.addEventListener("change", function () { focused = root; choose(select.selectedIndex); }); }
        root.addEventListener("pointerdown", function () { focused = root; });
        choose(0);
      });
      // A link may open a request at a step: report.html#request=2&step=5 (counting from 1).
      var wanted = {};
      location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
        var parts = pair.split("=");
        if (parts.length === 2 && /^[0-9]+$/.test(parts[1])) { wanted[parts[0]] = Number(parts[1]); }
      });
      if (steppers[0] && steppers[0].steps && (wanted.request || wanted.step)) {
        steppers[0].steps.open(Math.max((wanted.request || 1) - 1, 0), Math.max((wanted.step || 1) - 1, 0));
      }
      // Record the drawn size of every diagram (the browser test reads it back).
      document.querySelectorAll("svg.topology").forEach(function (svg) {
        var box = svg.getBBox();
        svg.setAttribute("data-rendered", Math.round(box.width) + "x" + Math.round(box.height));
      });
      document.addEventListener("keydown", function (event) {
        var root = focused || steppers[0];
        if (!root || !root.steps) { return; }
        var tag = event.target && event.target.tagName;
        if (tag === "SELECT" || tag === "INPUT" || tag === "TEXTAREA") { return; }
        if (tag === "BUTTON" && (event.key === " " || event.key === "Enter")) { return; }
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        var actions = { ArrowRight: "forward", ArrowLeft: "back", Home: "first", End: "last", " ": "play" };
        var action = actions[event.key];
        if (!action) { return; }
        event.preventDefault();
        root.steps[action]();
      });
    })();
    """
}
