// Reads a meeting document in the page with PDF.js (served from this site, see pdfjs/README.md) and
// keeps the delegate's own highlights and notes on the server, per version and page, so that they
// come back on any device. Highlights are stored as rectangles in fractions of the page.
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  if (!viewer) { return; }
  var list = document.getElementById("notes"), status = document.getElementById("note-status");
  var csrf = document.querySelector("#note-form [name=csrfmiddlewaretoken]").value;
  var pages = [], notes = [];
  var labels = viewer.dataset;

  function say(text) { status.textContent = text; }

  function post(url, fields) {
    var body = new URLSearchParams(fields);
    return fetch(url, {method: "POST", body: body, credentials: "same-origin",
      headers: {"X-CSRFToken": csrf}}).then(function (response) {
      return response.json().then(function (data) { return {ok: response.ok, data: data}; });
    });
  }

  function drawMarks() {
    pages.forEach(function (page) { page.marks.textContent = ""; });
    notes.forEach(function (note) {
      var page = pages[note.page - 1];
      if (!page) { return; }
      note.rects.forEach(function (rect) {
        var box = document.createElement("div");
        box.style.left = (rect.x * 100) + "%"; box.style.top = (rect.y * 100) + "%";
        box.style.width = (rect.w * 100) + "%"; box.style.height = (rect.h * 100) + "%";
        box.dataset.note = String(note.id);
        page.marks.appendChild(box);
      });
    });
  }

  function showNotes() {
    list.textContent = "";
    notes.forEach(function (note) {
      var item = document.createElement("li"), head = document.createElement("strong");
      head.textContent = labels.labelPage + " " + note.page + (note.kind === "highlight" ? " · " + labels.labelHighlight : "");
      item.appendChild(head);
      if (note.quote) {
        var quote = document.createElement("div");
        quote.className = "quote"; quote.textContent = "«" + note.quote + "»";
        item.appendChild(quote);
      }
      if (note.text) { var text = document.createElement("div"); text.textContent = note.text; item.appendChild(text); }
      var remove = document.createElement("button");
      remove.type = "button"; remove.className = "small secondary"; remove.textContent = labels.labelDelete;
      remove.addEventListener("click", function () {
        post(labels.delete.replace(/0\/$/, note.id + "/"), {}).then(function (result) {
          if (result.ok) { notes = notes.filter(function (n) { return n.id !== note.id; }); showNotes(); drawMarks(); }
        });
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function load() {
    fetch(labels.notes, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (data) {
      notes = data.notes; showNotes(); drawMarks();
    });
  }

  function save(fields) {
    return post(labels.notes, fields).then(function (result) {
      if (!result.ok) { say(result.data.error || ""); return; }
      notes.push(result.data); notes.sort(function (a, b) { return a.page - b.page || a.id - b.id; });
      showNotes(); drawMarks(); say(labels.labelSaved);
    });
  }

  // The selection's rectangles on the page it starts in, as fractions of that page.
  function selected() {
    var selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0), node = range.startContainer;
    var element = node.nodeType === 1 ? node : node.parentElement;
    var pageElement = element && element.closest(".page");
    if (!pageElement || !viewer.contains(pageElement)) { return null; }
    var box = pageElement.getBoundingClientRect(), rects = [];
    Array.prototype.forEach.call(range.getClientRects(), function (r) {
      if (r.width < 1 || r.height < 1) { return; }
      var x = Math.max(0, (r.left - box.left) / box.width), y = Math.max(0, (r.top - box.top) / box.height);
      rects.push({x: x, y: y, w: Math.min(1 - x, r.width / box.width), h: Math.min(1 - y, r.height / box.height)});
    });
    return {page: Number(pageElement.dataset.page), quote: selection.toString().trim().slice(0, 4000),
      rects: rects.slice(0, 200)};
  }

  document.getElementById("highlight").addEventListener("click", function () {
    var chosen = selected();
    if (!chosen || !chosen.rects.length) { say(labels.labelSelect); return; }
    save({kind: "highlight", page: chosen.page, quote: chosen.quote, rects: JSON.stringify(chosen.rects),
      text: document.getElementById("note-text").value}).then(function () {
      document.getElementById("note-text").value = "";
      window.getSelection().removeAllRanges();
    });
  });
  document.getElementById("add-note").addEventListener("click", function () {
    var chosen = selected();
    save({kind: "note", page: chosen ? chosen.page : document.getElementById("note-page").value,
      quote: chosen ? chosen.quote : "", text: document.getElementById("note-text").value}).then(function () {
      document.getElementById("note-text").value = "";
    });
  });

  // Zoom: 1 is the page fitted to the viewer's width (a phone's too); the buttons and a two-finger pinch
  // change it, the pages are drawn again sharp at the new size, and the reader stays at the same place
  // of the same page. Highlights are fractions of a page, so they stay on their words.
  var library = null, documentPdf = null, zoom = 1, MIN_ZOOM = 1, MAX_ZOOM = 4;
  var zoomLevel = document.getElementById("zoom-level");

  function position() {
    var top = viewer.getBoundingClientRect().top, current = pages[0];
    pages.forEach(function (page) { if (page.element.getBoundingClientRect().top <= Math.max(top, 0) + 1) { current = page; } });
    if (!current) { return null; }
    var box = current.element.getBoundingClientRect();
    return {page: current, y: (Math.max(top, 0) - box.top) / box.height,
      x: viewer.scrollLeft / Math.max(viewer.scrollWidth, 1)};
  }

  function setZoom(next) {
    next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(next * 100) / 100));
    if (!documentPdf || next === zoom) { return; }
    var at = position(), index = at ? pages.indexOf(at.page) : 0;
    zoom = next;
    viewer.dataset.zoom = String(zoom);
    zoomLevel.textContent = Math.round(zoom * 100) + "%";
    pages.forEach(function (page) { page.element.remove(); });
    pages = [];
    renderAll().then(function () {
      drawMarks();
      var page = pages[index];
      if (page && at) {
        var box = page.element.getBoundingClientRect();
        window.scrollBy(0, box.top + at.y * box.height - Math.max(viewer.getBoundingClientRect().top, 0));
        viewer.scrollLeft = at.x * viewer.scrollWidth;
      }
    });
  }

  document.getElementById("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.25); });
  document.getElementById("zoom-fit").addEventListener("click", function () { setZoom(1); });

  var pinch = null;
  function spread(touches) {
    return Math.hypot(touches[0].clientX - touches[1].clientX, touches[0].clientY - touches[1].clientY);
  }
  viewer.addEventListener("touchstart", function (event) {
    if (event.touches.length === 2) { pinch = {start: spread(event.touches), ratio: 1}; }
  }, {passive: true});
  viewer.addEventListener("touchmove", function (event) {
    if (!pinch || event.touches.length !== 2) { return; }
    event.preventDefault();  // the document zooms, not the whole page
    pinch.ratio = spread(event.touches) / pinch.start;
    pages.forEach(function (page) { page.element.style.transform = "scale(" + pinch.ratio + ")"; });
  }, {passive: false});
  viewer.addEventListener("touchend", function () {
    if (!pinch) { return; }
    var ratio = pinch.ratio;
    pinch = null;
    pages.forEach(function (page) { page.element.style.transform = ""; });
    setZoom(zoom * ratio);
  });

  function renderAll() {
    var chain = Promise.resolve();
    for (var number = 1; number <= documentPdf.numPages; number += 1) {
      chain = chain.then(renderPage.bind(null, library, documentPdf, number));
    }
    return chain;
  }

  import(labels.pdfjs).then(function (pdfjs) {
    pdfjs.GlobalWorkerOptions.workerSrc = labels.worker;
    library = pdfjs;
    return pdfjs.getDocument({url: labels.pdf, withCredentials: true}).promise.then(function (pdf) {
      documentPdf = pdf;
      return renderAll();
    });
  }).then(function () {
    viewer.dataset.rendered = String(pages.length);
    document.getElementById("note-page").max = String(pages.length);
    load();
  }).catch(function () {
    viewer.textContent = labels.labelFailed;
  });

  function renderPage(pdfjs, pdf, number) {
    return pdf.getPage(number).then(function (page) {
      var natural = page.getViewport({scale: 1});
      var fit = Math.min(2, (viewer.clientWidth || 800) / natural.width);  // never wider than the viewer
      var scale = fit * zoom;
      var viewport = page.getViewport({scale: scale}), ratio = window.devicePixelRatio || 1;
      var element = document.createElement("div"), canvas = document.createElement("canvas"),
        text = document.createElement("div"), marks = document.createElement("div");
      element.className = "page"; element.dataset.page = String(number);
      element.style.width = viewport.width + "px"; element.style.height = viewport.height + "px";
      element.style.setProperty("--total-scale-factor", String(scale));
      element.style.setProperty("--scale-round-x", "1px"); element.style.setProperty("--scale-round-y", "1px");
      canvas.width = Math.floor(viewport.width * ratio); canvas.height = Math.floor(viewport.height * ratio);
      text.className = "textLayer"; marks.className = "marks";
      element.append(canvas, marks, text);
      viewer.appendChild(element);
      pages.push({element: element, marks: marks});
      var context = canvas.getContext("2d");
      var transform = ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null;
      return page.render({canvasContext: context, canvas: canvas, viewport: viewport, transform: transform}).promise
        .then(function () {
          return new pdfjs.TextLayer({textContentSource: page.streamTextContent(), container: text,
            viewport: viewport}).render();
        });
    });
  }
})();
