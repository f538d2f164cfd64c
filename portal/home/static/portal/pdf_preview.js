// A PDF shown inside a page with PDF.js, never in the browser's own viewer: PDF.js draws the pages
// and nothing else — no script of the file runs, no link or form of it becomes live (issue 33).
(function () {
  "use strict";
  var box = document.getElementById("pdf-pages");
  if (!box) { return; }
  var MAX_PAGES = 50;
  import(box.dataset.pdfjs).then(function (pdfjs) {
    pdfjs.GlobalWorkerOptions.workerSrc = box.dataset.worker;
    return pdfjs.getDocument({url: box.dataset.pdf, isEvalSupported: false, enableXfa: false}).promise;
  }).then(function (pdf) {
    var chain = Promise.resolve();
    for (var number = 1; number <= Math.min(pdf.numPages, MAX_PAGES); number += 1) {
      chain = chain.then(draw.bind(null, pdf, number));
    }
    return chain.then(function () {
      box.dataset.rendered = String(Math.min(pdf.numPages, MAX_PAGES));
      if (pdf.numPages > MAX_PAGES) { box.insertAdjacentText("beforeend", box.dataset.more); }
    });
  }).catch(function () {
    box.textContent = box.dataset.failed;
  });

  function draw(pdf, number) {
    return pdf.getPage(number).then(function (page) {
      var width = box.clientWidth || 800;
      var viewport = page.getViewport({scale: width / page.getViewport({scale: 1}).width});
      var ratio = window.devicePixelRatio || 1;
      var canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = "100%";
      canvas.setAttribute("aria-label", box.dataset.page + " " + number);
      box.appendChild(canvas);
      return page.render({canvasContext: canvas.getContext("2d"), viewport: viewport,
        transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0]}).promise;
    });
  }
})();
