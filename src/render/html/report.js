// Progressive enhancement of brief's HTML report; the page is complete
// without it. Hovering or focusing a citation marker (a.cite) shows the
// cited sentences in their paragraphs, cloned from the sources section (no
// text is duplicated in the file); following a marker opens that source with
// every cited sentence highlighted; sources start collapsed.
(function () {
  "use strict";
  var doc = document;
  var popup = doc.createElement("div");
  popup.id = "popup";
  popup.setAttribute("role", "tooltip");
  popup.hidden = true;
  doc.body.appendChild(popup);
  var shownFor = null;
  var hideTimer = 0;

  function cite(node) {
    return node && node.closest ? node.closest("a.cite") : null;
  }

  // The source units a marker cites: its data-units list, else its target.
  function citedUnits(marker) {
    var ids = (marker.getAttribute("data-units") || marker.hash.slice(1)).split(" ");
    return ids.map(function (id) { return doc.getElementById(id); }).filter(Boolean);
  }

  function show(marker) {
    clearTimeout(hideTimer);
    if (shownFor === marker) return;
    var units = citedUnits(marker);
    if (!units.length) return;
    var source = units[0].closest(".source");
    popup.textContent = "";
    var head = doc.createElement("p");
    head.className = "pop-head";
    head.textContent = source ? source.querySelector("summary").textContent : "";
    popup.appendChild(head);
    var wanted = units.map(function (u) { return u.id; });
    var paragraphs = [];
    units.forEach(function (unit) {
      var paragraph = unit.closest("p");
      if (paragraph && paragraphs.indexOf(paragraph) < 0) paragraphs.push(paragraph);
    });
    paragraphs.forEach(function (paragraph) {
      var copy = paragraph.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (node) {
        if (wanted.indexOf(node.id) >= 0) node.classList.add("hl");
        node.removeAttribute("id");
      });
      popup.appendChild(copy);
    });
    var more = doc.createElement("p");
    more.className = "pop-more";
    more.textContent = "Click or press Enter to open the whole source.";
    popup.appendChild(more);
    popup.hidden = false;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    marker.setAttribute("aria-describedby", "popup");
    shownFor = marker;
    place(marker);
  }

  // Below the marker (above it when there is no room), kept on screen. On
  // narrow screens the style sheet docks the popup to the bottom instead.
  function place(marker) {
    var box = marker.getBoundingClientRect();
    var width = popup.offsetWidth;
    var height = popup.offsetHeight;
    var left = Math.max(8, Math.min(box.left, doc.documentElement.clientWidth - width - 8));
    var top = box.bottom + 6;
    if (top + height > window.innerHeight && box.top - height - 6 > 0) top = box.top - height - 6;
    popup.style.left = (left + window.scrollX) + "px";
    popup.style.top = (top + window.scrollY) + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    popup.hidden = true;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function highlight(units) {
    doc.querySelectorAll(".u.hl").forEach(function (node) { node.classList.remove("hl"); });
    units.forEach(function (unit) {
      var details = unit.closest("details");
      if (details) details.open = true;
      unit.classList.add("hl");
    });
  }

  // The target of the address (after a click, Back or Forward), revealed.
  function revealTarget() {
    var target = location.hash && doc.getElementById(location.hash.slice(1));
    if (target && target.matches("details.source")) target.open = true;
    if (!target || !target.classList.contains("u")) return;
    if (target.classList.contains("hl")) target.closest("details").open = true;
    else highlight([target]);
  }

  doc.addEventListener("mouseover", function (event) {
    var marker = cite(event.target);
    if (marker) show(marker);
    else if (popup.contains(event.target)) clearTimeout(hideTimer);
  });
  doc.addEventListener("mouseout", function (event) {
    if (cite(event.target) || popup.contains(event.target)) hideSoon();
  });
  doc.addEventListener("focusin", function (event) {
    var marker = cite(event.target);
    if (marker) show(marker);
    else hide();
  });
  doc.addEventListener("focusout", function (event) {
    if (cite(event.target)) hideSoon();
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  // Open the source before the browser scrolls to the cited sentence.
  // A link to a whole source (matrix heading, document pairs) opens it too.
  doc.addEventListener("click", function (event) {
    var marker = cite(event.target);
    if (marker) {
      hide();
      highlight(citedUnits(marker));
      return;
    }
    var link = event.target.closest ? event.target.closest("a[href^='#d']") : null;
    var target = link && doc.getElementById(link.hash.slice(1));
    if (target && target.matches("details.source")) target.open = true;
  });
  window.addEventListener("hashchange", revealTarget);
  window.addEventListener("resize", function () { if (shownFor) place(shownFor); });

  doc.querySelectorAll("details.source").forEach(function (details) { details.open = false; });
  revealTarget();
})();
