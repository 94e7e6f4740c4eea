/* Interphase report: the interactive 3D views (drawn with 3Dmol.js) and what links the page to them:
 * the motif timeline and event table of an MD run, the energy profile of a band. Each view's data is the
 * JSON in <script id="v3d-data-ID"> (see Viewer3d.java); nothing is fetched. A view is set up when it
 * comes near the screen; its element tells what it shows in data-seq, data-shown, data-highlight. */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var views = {};

  function q(sel, root) { return (root || document).querySelector(sel); }

  function make(tag, attrs, parent, text) {
    var e = tag.indexOf('svg:') === 0 ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function fmt(x, digits) { return x === null || x === undefined ? '–' : Number(x).toFixed(digits); }

  /* The rotation that turns the picture's right, up and toward-viewer directions into x, y, z, as a quaternion. */
  function quaternion(m) {
    var t = m[0][0] + m[1][1] + m[2][2], s;
    if (t > 0) {
      s = 0.5 / Math.sqrt(t + 1);
      return [(m[2][1] - m[1][2]) * s, (m[0][2] - m[2][0]) * s, (m[1][0] - m[0][1]) * s, 0.25 / s];
    }
    if (m[0][0] > m[1][1] && m[0][0] > m[2][2]) {
      s = 2 * Math.sqrt(1 + m[0][0] - m[1][1] - m[2][2]);
      return [0.25 * s, (m[0][1] + m[1][0]) / s, (m[0][2] + m[2][0]) / s, (m[2][1] - m[1][2]) / s];
    }
    if (m[1][1] > m[2][2]) {
      s = 2 * Math.sqrt(1 + m[1][1] - m[0][0] - m[2][2]);
      return [(m[0][1] + m[1][0]) / s, 0.25 * s, (m[1][2] + m[2][1]) / s, (m[0][2] - m[2][0]) / s];
    }
    s = 2 * Math.sqrt(1 + m[2][2] - m[0][0] - m[1][1]);
    return [(m[0][2] + m[2][0]) / s, (m[1][2] + m[2][1]) / s, 0.25 * s, (m[1][0] - m[0][1]) / s];
  }

  function View(root) {
    this.root = root;
    this.id = root.getAttribute('data-viewer');
    this.data = JSON.parse(document.getElementById('v3d-data-' + this.id).textContent);
    this.seq = null;
    this.pos = 0;
    this.timer = null;
    this.picked = null;
    this.drawn = false;
  }

  View.prototype.init = function () {
    if (this.viewer) { return; }
    var box = q('.v3d-canvas', this.root);
    this.viewer = $3Dmol.createViewer(box, { backgroundColor: 'white', orthographic: true, antialias: true });
    if (!this.viewer) {
      q('.v3d-info', this.root).textContent = 'This browser cannot draw 3D (no WebGL); the picture above shows the same structure.';
      return;
    }
    this.bar();
    if (this.data.timeline) { this.timeline(); }
    if (this.data.profile) { this.profile(); }
    var s = this.data.sequences[this.data.start];
    this.show(this.data.start, s.at);
    this.root.setAttribute('data-ready', '1');
  };

  /* The controls under the view: what to show, previous / next / play, the frame's label, reset, legend. */
  View.prototype.bar = function () {
    var self = this, bar = q('.v3d-bar', this.root), keys = Object.keys(this.data.sequences);
    this.menu = make('select', { 'aria-label': 'what the 3D view shows' }, bar);
    keys.forEach(function (k) { make('option', { value: k }, self.menu, self.data.sequences[k].label); });
    this.menu.addEventListener('change', function () { self.stop(); self.show(self.menu.value, self.data.sequences[self.menu.value].at); });
    this.prev = make('button', { type: 'button', title: 'previous frame' }, bar, '◀');
    this.slider = make('input', { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'frame' }, bar);
    this.next = make('button', { type: 'button', title: 'next frame' }, bar, '▶');
    this.play = make('button', { type: 'button', title: 'play the frames in a loop' }, bar, 'play');
    this.label = make('span', { 'class': 'v3d-frame' }, bar);
    var reset = make('button', { type: 'button', title: 'back to the orientation of the picture' }, bar, 'reset view');
    this.legend = make('div', { 'class': 'v3d-legend' }, q('.v3d-info', this.root).parentNode);
    this.root.insertBefore(this.legend, q('.v3d-info', this.root));
    this.prev.addEventListener('click', function () { self.stop(); self.step(-1); });
    this.next.addEventListener('click', function () { self.stop(); self.step(1); });
    this.slider.addEventListener('input', function () { self.stop(); self.show(self.seq, +self.slider.value); });
    this.play.addEventListener('click', function () { if (self.timer) { self.stop(); } else { self.start(); } });
    reset.addEventListener('click', function () { self.orient(); self.viewer.render(); });
  };

  View.prototype.step = function (d) {
    var n = this.data.sequences[this.seq].frames.length;
    this.show(this.seq, (this.pos + d + n) % n);
  };

  View.prototype.start = function () {
    var self = this;
    this.play.textContent = 'stop';
    this.timer = setInterval(function () { self.step(1); }, 450);
  };

  View.prototype.stop = function () {
    if (this.timer) { clearInterval(this.timer); this.timer = null; this.play.textContent = 'play'; }
  };

  /* Shows position pos of sequence key: draws its frame, keeps the user's orientation, updates the links. */
  View.prototype.show = function (key, pos) {
    var s = this.data.sequences[key];
    if (!s || !this.viewer) { return; }
    this.seq = key;
    this.pos = Math.max(0, Math.min(pos, s.frames.length - 1));
    var number = s.frames[this.pos], f = this.data.frames[number];
    this.draw(f);
    this.menu.value = key;
    this.slider.max = String(s.frames.length - 1);
    this.slider.value = String(this.pos);
    [this.prev, this.next, this.play, this.slider].forEach(function (c) { c.disabled = s.frames.length < 2; });
    this.label.textContent = f.label + (s.frames.length > 1 ? '  [' + (this.pos + 1) + '/' + s.frames.length + ']' : '');
    var hl = [];
    f.hl.forEach(function (h) { hl = hl.concat(h.atoms); });
    this.root.setAttribute('data-seq', key);
    this.root.setAttribute('data-shown', String(f.index));
    this.root.setAttribute('data-frame', String(number));
    this.root.setAttribute('data-highlight', hl.join(','));
    this.showLegend(f);
    this.mark(f);
    var rows = document.querySelectorAll('tr.pick[data-viewer="' + this.id + '"]');
    for (var i = 0; i < rows.length; i++) { rows[i].classList.toggle('on', rows[i].getAttribute('data-seq') === key); }
  };

  /* One frame: atoms in the picture's colours, the analysis's bonds, highlights larger (element colours kept) with a halo and a label, the
     cell, a path. */
  View.prototype.draw = function (f) {
    var v = this.viewer, d = this.data, n = d.elements.length, self = this, i;
    var kept = this.drawn ? v.getView() : null;
    v.removeAllModels();
    v.removeAllShapes();
    v.removeAllLabels();
    this.pickLabel = null;
    var atoms = [];
    for (i = 0; i < n; i++) {
      atoms.push({ elem: d.elements[i], x: f.xyz[3 * i], y: f.xyz[3 * i + 1], z: f.xyz[3 * i + 2], serial: i, index: i,
        color: parseInt(d.colors[d.elements[i]].slice(1), 16), bonds: [], bondOrder: [] });
    }
    for (i = 0; i + 1 < f.bonds.length; i += 2) {
      var a = f.bonds[i], b = f.bonds[i + 1];
      atoms[a].bonds.push(b); atoms[a].bondOrder.push(1);
      atoms[b].bonds.push(a); atoms[b].bondOrder.push(1);
    }
    var m = v.addModel();
    m.addAtoms(atoms);
    m.setStyle({}, { sphere: { scale: 0.27 }, stick: { radius: 0.11 } });
    var halos = 0;
    f.hl.forEach(function (h) { halos += h.atoms.length; });
    f.hl.forEach(function (h, k) {
      // larger, in their element colours (P and S of a unit stay apart), the bonds and a halo in the highlight's colour
      m.setStyle({ serial: h.atoms }, { sphere: { scale: 0.36 }, stick: { radius: 0.15, color: h.color } });
      if (halos <= 300) {
        h.atoms.forEach(function (a) {
          v.addSphere({ center: { x: f.xyz[3 * a], y: f.xyz[3 * a + 1], z: f.xyz[3 * a + 2] }, radius: 0.95, color: h.color,
            opacity: 0.22, clickable: false });
        });
      }
      if (k < 16) { self.unitLabel(f, h); }
    });
    if (f.cell) { this.cell(f.cell); }
    if (f.path) { this.path(f.path, f.pathColor); }
    v.setClickable({}, true, function (atom) { self.pick(atom.serial); });
    if (kept) { v.setView(kept); } else { this.orient(); }
    this.drawn = true;
    if (this.picked !== null) { this.pick(this.picked); }
    v.render();
  };

  View.prototype.unitLabel = function (f, h) {
    var c = [0, 0, 0];
    h.atoms.forEach(function (a) { for (var k = 0; k < 3; k++) { c[k] += f.xyz[3 * a + k] / h.atoms.length; } });
    this.viewer.addLabel(h.label, { position: { x: c[0], y: c[1], z: c[2] + 0.01 }, fontSize: 12, fontColor: h.color,
      backgroundColor: 'white', backgroundOpacity: 0.75, borderThickness: 0, inFront: true, alignment: 'bottomLeft' });
  };

  View.prototype.cell = function (c) {
    var a = [c[0], c[1], c[2]], b = [c[3], c[4], c[5]], cc = [c[6], c[7], c[8]], v = this.viewer;
    function p(i, j, k) { return { x: i * a[0] + j * b[0] + k * cc[0], y: i * a[1] + j * b[1] + k * cc[1], z: i * a[2] + j * b[2] + k * cc[2] }; }
    var edges = [[0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 1], [1, 1, 0, 0, 1, 0], [1, 1, 0, 1, 0, 0], [1, 1, 0, 1, 1, 1],
      [1, 0, 1, 0, 0, 1], [1, 0, 1, 1, 1, 1], [1, 0, 1, 1, 0, 0], [0, 1, 1, 0, 0, 1], [0, 1, 1, 1, 1, 1], [0, 1, 1, 0, 1, 0]];
    edges.forEach(function (e) {
      v.addCylinder({ start: p(e[0], e[1], e[2]), end: p(e[3], e[4], e[5]), radius: 0.025, color: '#666666', fromCap: 1, toCap: 1 });
    });
  };

  View.prototype.path = function (points, colour) {
    var v = this.viewer;
    points.forEach(function (pt, k) {
      var at = { x: pt[0], y: pt[1], z: pt[2] };
      v.addSphere({ center: at, radius: 0.16, color: colour, opacity: 0.8 });
      if (k > 0) {
        var prev = points[k - 1];
        v.addCylinder({ start: { x: prev[0], y: prev[1], z: prev[2] }, end: at, radius: 0.05, color: colour, opacity: 0.8 });
      }
    });
  };

  /* The orientation of the picture above the view (scene.json's view and view_up), the whole structure in sight. */
  View.prototype.orient = function () {
    var w = this.data.view, v = this.viewer;
    v.zoomTo();
    var c = v.getCanvas(), cw = c.clientWidth || c.width, ch = c.clientHeight || c.height;
    this.turn([w.right, w.up, w.toward]);
    var box = this.extent();
    // a tall slab in a wide view: lay its long axis (the interface normal) across, so that the atoms are drawn larger
    if (box && box[3] > 1.3 * box[2] && cw > 1.3 * ch) {
      this.turn([w.up, w.right.map(function (x) { return -x; }), w.toward]);
    }
    // zoomTo fits a sphere round everything; fill the canvas with what this orientation shows instead
    for (var k = 0; k < 2; k++) {
      box = this.extent();
      if (!box || box[4] <= 0 || box[5] <= 0) { return; }
      v.zoom(Math.max(0.2, Math.min(5, Math.min(0.46 * cw / box[4], 0.45 * ch / box[5]))));
    }
  };

  /* Turns the structure so that the rows of m (right, up, toward the viewer) point so on the screen. */
  View.prototype.turn = function (m) {
    var r = quaternion(m), view = this.viewer.getView();
    view[4] = r[0]; view[5] = r[1]; view[6] = r[2]; view[7] = r[3];
    this.viewer.setView(view);
  };

  /* Where the atoms and the cell fall on the canvas: [x, y, width, height, reach across, reach up] in CSS pixels. */
  View.prototype.extent = function () {
    var s = this.data.sequences[this.seq || this.data.start], f = this.data.frames[s.frames[s.at]], pts = [], i;
    for (i = 0; i < f.xyz.length; i += 3) { pts.push({ x: f.xyz[i], y: f.xyz[i + 1], z: f.xyz[i + 2] }); }
    if (f.cell) {
      var c = f.cell;
      for (i = 0; i < 8; i++) {
        var a = i & 1, b = (i >> 1) & 1, g = (i >> 2) & 1;
        pts.push({ x: a * c[0] + b * c[3] + g * c[6], y: a * c[1] + b * c[4] + g * c[7], z: a * c[2] + b * c[5] + g * c[8] });
      }
    }
    var p = this.viewer.modelToScreen(pts), x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, dx = 0, dy = 0;
    var r = this.viewer.getCanvas().getBoundingClientRect(), cx = r.left + window.pageXOffset + r.width / 2;
    var cy = r.top + window.pageYOffset + r.height / 2;
    p.forEach(function (q) {
      x0 = Math.min(x0, q.x); x1 = Math.max(x1, q.x); y0 = Math.min(y0, q.y); y1 = Math.max(y1, q.y);
      dx = Math.max(dx, Math.abs(q.x - cx)); dy = Math.max(dy, Math.abs(q.y - cy));
    });
    // width and height, and the farthest reach from the canvas's centre, with room for the atoms' spheres
    return isFinite(x0) ? [x0, y0, x1 - x0 + 20, y1 - y0 + 20, dx + 10, dy + 10] : null;
  };

  /* What a clicked atom is: index, element, unit and position; it gets a label. */
  View.prototype.pick = function (i) {
    var s = this.data.sequences[this.seq], f = this.data.frames[s.frames[this.pos]], d = this.data;
    var unit = null;
    f.units.forEach(function (u) { if (u.indexOf(i, 1) > 0) { unit = u; } });
    var where = unit ? 'in ' + d.motifs[unit[0]] + ' (atoms ' + unit.slice(1).join(', ') + ')' : 'in no bonded unit';
    var hl = f.hl.filter(function (h) { return h.atoms.indexOf(i) >= 0; }).map(function (h) { return h.label; });
    this.picked = i;
    q('.v3d-info', this.root).textContent = 'atom ' + i + ': ' + d.elements[i] + ', ' + where + (hl.length ? ', highlighted as ' + hl.join(', ') : '')
      + '; at (' + fmt(f.xyz[3 * i], 3) + ', ' + fmt(f.xyz[3 * i + 1], 3) + ', ' + fmt(f.xyz[3 * i + 2], 3) + ') Å';
    this.root.setAttribute('data-picked', String(i));
    if (this.pickLabel) { this.viewer.removeLabel(this.pickLabel); }
    this.pickLabel = this.viewer.addLabel(d.elements[i] + ' ' + i, { position: { x: f.xyz[3 * i], y: f.xyz[3 * i + 1], z: f.xyz[3 * i + 2] },
      fontSize: 12, fontColor: 'black', backgroundColor: '#ffffcc', backgroundOpacity: 0.9, borderThickness: 1, borderColor: '#999999',
      inFront: true });
    this.viewer.render();
  };

  View.prototype.showLegend = function (f) {
    var lg = this.legend, d = this.data, seen = {};
    lg.textContent = '';
    Object.keys(d.colors).forEach(function (e) {
      var s = make('span', {}, lg);
      make('i', { style: 'background:' + d.colors[e] }, s);
      s.appendChild(document.createTextNode(e));
    });
    f.hl.forEach(function (h) {
      if (seen[h.label]) { return; }
      seen[h.label] = 1;
      var s = make('span', {}, lg);
      // a grey atom of any element in the highlight's halo: highlighted atoms keep their element colours
      make('i', { style: 'background:#d7d7d7;box-shadow:0 0 0 3px ' + h.color + '99' }, s);
      s.appendChild(document.createTextNode(h.label));
    });
    if (f.path && !f.hl.some(function (h) { return h.color === f.pathColor; })) {
      var p = make('span', {}, lg);
      make('i', { style: 'background:' + f.pathColor + ';border-radius:0;height:.25em' }, p);
      p.appendChild(document.createTextNode('migration path'));
    }
  };

  /* The motif timeline of an MD run: one lane per motif, the events above; a click shows the nearest sampled frame or the event. */
  View.prototype.timeline = function () {
    var t = this.data.timeline, self = this, W = 1000, left = 150, laneH = 15, top = 16;
    var H = top + t.lanes.length * laneH + 18, span = Math.max(1, t.frames - 1);
    function x(frame) { return left + (W - left - 10) * frame / span; }
    var svg = make('svg:svg', { viewBox: '0 0 ' + W + ' ' + H, 'font-size': '11', role: 'img',
      'aria-label': 'motif timeline: click to show the nearest frame, click an event to show it' }, q('.v3d-link', this.root));
    var bg = make('svg:rect', { x: left, y: 0, width: W - left, height: H, fill: '#fafafa' }, svg);
    bg.addEventListener('click', function (ev) {
      var r = svg.getBoundingClientRect(), fx = (ev.clientX - r.left) * W / r.width;
      self.stop();
      self.showNearest(Math.round((fx - left) / (W - left - 10) * span));
    });
    t.lanes.forEach(function (l, k) {
      var y0 = top + (k + 1) * laneH - 2, max = Math.max.apply(null, l.counts.concat([1])), min = Math.min.apply(null, l.counts);
      make('svg:text', { x: 4, y: y0 - 2 }, svg, l.label + ' (' + min + '–' + max + ')');
      var dpath = 'M' + x(0) + ' ' + y0;
      l.frames.forEach(function (fr, j) {
        var h = (laneH - 4) * l.counts[j] / max, end = j + 1 < l.frames.length ? l.frames[j + 1] : span;
        dpath += ' L' + x(fr) + ' ' + (y0 - h) + ' L' + x(end) + ' ' + (y0 - h);
      });
      make('svg:path', { d: dpath + ' L' + x(span) + ' ' + y0 + ' Z', fill: '#7a9cc6', 'pointer-events': 'none' }, svg);
    });
    var axis = top + t.lanes.length * laneH + 12;
    make('svg:text', { x: left, y: axis }, svg, 'frame 0');
    make('svg:text', { x: W - 10, y: axis, 'text-anchor': 'end' }, svg,
      'frame ' + (t.frames - 1) + (t.end === null ? '' : ' (' + fmt(t.end, 3) + ' ps)'));
    make('svg:text', { x: 4, y: 11 }, svg, 'events');
    t.marks.forEach(function (mk) {
      var cx = x(mk.frame), g = make('svg:polygon', { points: (cx - 5) + ',2 ' + (cx + 5) + ',2 ' + cx + ',12', 'class': 'v3d-ev',
        fill: mk.kind === 'break' ? '#c0392b' : '#1e8449', 'data-seq': mk.sequence || '', 'data-frame': mk.frame }, svg);
      make('svg:title', {}, g, mk.label + ', frame ' + mk.frame + (mk.t === null ? '' : ' (' + fmt(mk.t, 3) + ' ps)'));
      g.addEventListener('click', function (ev) {
        ev.stopPropagation();
        self.stop();
        if (mk.sequence) { self.show(mk.sequence, self.data.sequences[mk.sequence].at); } else { self.showNearest(mk.frame); }
      });
    });
    this.cursor = make('svg:line', { x1: 0, x2: 0, y1: 0, y2: H - 14, stroke: '#d35400', 'stroke-width': 2, 'pointer-events': 'none' }, svg);
    this.xOfFrame = x;
  };

  /* The sampled frame of the timeline nearest a frame of the run. */
  View.prototype.showNearest = function (frame) {
    var key = this.data.timeline.sequence, s = this.data.sequences[key], best = 0, d = Infinity, self = this;
    if (!s) { return; }
    s.frames.forEach(function (number, k) {
      var e = Math.abs(self.data.frames[number].index - frame);
      if (e < d) { d = e; best = k; }
    });
    this.show(key, best);
  };

  /* The energy profile of a band beside the view: a click on an image shows it. */
  View.prototype.profile = function () {
    var p = this.data.profile, self = this, W = 300, H = 250, L = 46, R = 10, T = 12, B = 34;
    var xs = p.x.concat(p.sx), es = p.e.concat(p.se);
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), e0 = Math.min.apply(null, es), e1 = Math.max.apply(null, es);
    var pad = 0.08 * (e1 - e0 || 1);
    e0 -= pad; e1 += pad;
    function x(v) { return L + (W - L - R) * (v - x0) / ((x1 - x0) || 1); }
    function y(v) { return T + (H - T - B) * (e1 - v) / ((e1 - e0) || 1); }
    var svg = make('svg:svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, 'font-size': '11', role: 'img',
      'aria-label': 'energy profile: click an image to show it' }, q('.v3d-side', this.root));
    make('svg:rect', { x: L, y: T, width: W - L - R, height: H - T - B, fill: '#fafafa', stroke: '#ccc' }, svg);
    [e0 + pad, 0.5 * (e0 + e1), e1 - pad].forEach(function (v) {
      make('svg:text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end' }, svg, fmt(v, 2));
    });
    [x0, x1].forEach(function (v) { make('svg:text', { x: x(v), y: H - B + 14, 'text-anchor': 'middle' }, svg, fmt(v, 1)); });
    make('svg:text', { x: L + (W - L - R) / 2, y: H - 4, 'text-anchor': 'middle' }, svg, 'reaction coordinate (Å)');
    make('svg:text', { x: 12, y: T + (H - T - B) / 2, transform: 'rotate(-90 12 ' + (T + (H - T - B) / 2) + ')', 'text-anchor': 'middle' },
      svg, 'E (eV)');
    var line = p.sx.map(function (v, k) { return x(v) + ',' + y(p.se[k]); }).join(' ');
    make('svg:polyline', { points: line, fill: 'none', stroke: '#555', 'stroke-width': 1.5 }, svg);
    this.points = p.x.map(function (v, k) {
      var c = make('svg:circle', { cx: x(v), cy: y(p.e[k]), r: 6, 'class': 'v3d-pt', 'data-image': k, fill: 'white', stroke: '#333',
        'stroke-width': 1.5 }, svg);
      make('svg:title', {}, c, 'image ' + k + ': ' + fmt(p.e[k], 3) + ' eV at ' + fmt(v, 2) + ' Å');
      c.addEventListener('click', function () { self.stop(); self.show(p.sequence, k); });
      return c;
    });
  };

  /* Marks the frame shown on the timeline or the profile. */
  View.prototype.mark = function (f) {
    if (this.cursor) {
      var cx = this.xOfFrame(f.index);
      this.cursor.setAttribute('x1', cx);
      this.cursor.setAttribute('x2', cx);
    }
    if (this.points) {
      var shown = this.seq === this.data.profile.sequence ? this.pos : -1, colour = f.pathColor || '#0032aa';
      this.points.forEach(function (c, k) {
        c.setAttribute('fill', k === shown ? colour : 'white');
        c.setAttribute('r', k === shown ? 8 : 6);
      });
    }
  };

  function view(id) {
    if (!views[id]) {
      var root = document.getElementById('v3d-' + id);
      if (!root) { return null; }
      views[id] = new View(root);
    }
    views[id].init();
    return views[id];
  }

  function initAll() {
    var all = document.querySelectorAll('.v3d'), n = 0;
    for (var i = 0; i < all.length; i++) { if (view(all[i].getAttribute('data-viewer')).viewer) { n++; } }
    return n;
  }

  document.addEventListener('click', function (ev) {
    var row = ev.target.closest ? ev.target.closest('tr.pick') : null;
    if (!row) { return; }
    var v = view(row.getAttribute('data-viewer')), key = row.getAttribute('data-seq');
    if (v && v.data.sequences[key]) {
      v.stop();
      v.show(key, v.data.sequences[key].at);
      v.root.scrollIntoView({ block: 'nearest' });
    }
  });

  function start() {
    var all = document.querySelectorAll('.v3d');
    if (!('IntersectionObserver' in window)) { initAll(); return; }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { io.unobserve(e.target); view(e.target.getAttribute('data-viewer')); }
      });
    }, { rootMargin: '300px' });
    for (var i = 0; i < all.length; i++) { io.observe(all[i]); }
  }

  window.interphase3d = { initAll: initAll, view: view, views: views,
    show: function (id, key, pos) { var v = view(id); if (v) { v.show(key, pos === undefined ? v.data.sequences[key].at : pos); } } };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
