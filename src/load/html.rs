//! HTML pages to text: what a reader of the page sees, as paragraphs.
//!
//! A page saved with its markup (`--input-format html`, a file named
//! `.html`/`.htm`, or a text file that starts as a page does) is tokenized
//! by `html5gum` (the WHATWG tokenizer: entities decoded, `<script>` and
//! `<style>` read as raw text, comments and broken markup recovered as a
//! browser does). Kept: the text of the page, block elements (`<p>`,
//! headings, list items, table rows, ...) ending paragraphs, white space
//! collapsed as a browser shows it (kept inside `<pre>`). Dropped: markup,
//! comments, and whatever a reader never reads as the article: scripts,
//! styles, `<noscript>`, `<template>`, SVG and MathML, forms, navigation
//! menus (`<nav>`) and side panels (`<aside>`). The page's `<title>` becomes
//! the document's title, and its publication date, where the page states it
//! for machines (see [`PUBLISHED_KEYS`]), the document's date.
//!
//! The extracted text is the document's text: every offset brief reports
//! for the page is an offset into it (docs/json-contract.md, "Offsets").
//! Where the page shows a character reference as text (`&amp;nbsp;`, shown
//! `&nbsp;`), the extracted text writes it `&amp;nbsp;`, as plain text
//! would, so that brief reads it once ([`crate::charrefs::escape_literal`]).

use std::collections::BTreeMap;

use html5gum::{HtmlString, Spanned, Token, Tokenizer};

/// The text and title of an HTML page.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// Paragraphs separated by blank lines; a `<br>` is a line break.
    pub(crate) text: String,
    /// The headline: the page's `og:title`, else its JSON-LD article's
    /// `headline`, else its `<title>` (which often ends in the site's
    /// name, "... | The Guardian"); white space collapsed; `None` when
    /// none is given.
    pub(crate) title: Option<String>,
    /// The page's address: its canonical link, else its `og:url`.
    pub(crate) url: Option<String>,
    /// The publication day, `YYYY-MM-DD`: from the `<meta>` tags before
    /// `<body>` (the best ranked of [`PUBLISHED_KEYS`]), or else from
    /// JSON-LD: an article's date in any script (a video's block before
    /// the article's gave the video's date, found in review), else from a
    /// `<time datetime>` in the body ([`time_date`]), else the first date
    /// of any JSON-LD item (see [`json_ld`]).
    pub(crate) date: Option<String>,
}

/// `<meta>` names (in `property`, `name` or `itemprop`, any case) whose
/// `content` is the publication date: Open Graph's article namespace,
/// schema.org microdata, Dublin Core, and the names news sites and their
/// analytics use. What a crawler reads; the date a reader sees in the page
/// text is free-form and left alone.
/// Best first: a name that says "published" before the generic "date".
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "govuk:first-published-at",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "date",
];

/// The publication day of a `<meta>` tag, when its name is one of
/// [`PUBLISHED_KEYS`] and its content starts with an ISO date, with the
/// key's rank there: a page's `article:published_time` is taken over a
/// generic `date` written before it (found in review: a `date` meta gave
/// the day the page was modified).
fn meta_date(
    attributes: &BTreeMap<HtmlString, Spanned<HtmlString, ()>>,
) -> Option<(usize, String)> {
    let rank = meta_names(attributes).find_map(|name| {
        PUBLISHED_KEYS
            .iter()
            .position(|key| name.eq_ignore_ascii_case(key.as_bytes()))
    })?;
    Some((rank, iso_day(attribute(attributes, b"content")?)?))
}

/// The value of attribute `key`.
fn attribute<'a>(
    attributes: &'a BTreeMap<HtmlString, Spanned<HtmlString, ()>>,
    key: &[u8],
) -> Option<&'a [u8]> {
    attributes.get(key).map(|v| v.value.as_slice())
}

/// The names a `<meta>` tag gives itself (`property`, `name`, `itemprop`),
/// trimmed.
fn meta_names(
    attributes: &BTreeMap<HtmlString, Spanned<HtmlString, ()>>,
) -> impl Iterator<Item = &[u8]> {
    [b"property".as_slice(), b"name", b"itemprop"]
        .into_iter()
        .filter_map(|key| attribute(attributes, key))
        .map(<[u8]>::trim_ascii)
}

/// The content of a `<meta>` tag named `name`, as text.
fn meta_content(
    attributes: &BTreeMap<HtmlString, Spanned<HtmlString, ()>>,
    name: &str,
) -> Option<String> {
    meta_names(attributes)
        .any(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        .then(|| attribute(attributes, b"content"))
        .flatten()
        .and_then(|content| collapsed(&String::from_utf8_lossy(content)))
}

/// The day of a `<time datetime="...">` in the page's body, ranked: 0 when
/// it says it is the publication's (`itemprop="datePublished"`, `pubdate`,
/// a class naming "published"), 1 inside `<article>` or `<main>`; `None`
/// elsewhere (a masthead's "today", found in review), for an update's
/// (`class="updated"`, "modified") or a `datetime` that is no ISO day.
/// What a page that gives crawlers no date shows its readers as the date
/// (found in review: without it, a site's "today" clock above the article
/// was read as the page's date).
fn time_date(
    attributes: &BTreeMap<HtmlString, Spanned<HtmlString, ()>>,
    in_article: bool,
) -> Option<(usize, String)> {
    let day = iso_day(attribute(attributes, b"datetime")?)?;
    let class = attribute(attributes, b"class")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let has = |word: &[u8]| class.windows(word.len()).any(|w| w == word);
    if has(b"updated") || has(b"modified") {
        return None;
    }
    let published = attribute(attributes, b"pubdate").is_some()
        || attribute(attributes, b"itemprop")
            .is_some_and(|p| p.trim_ascii().eq_ignore_ascii_case(b"datepublished"))
        || has(b"published");
    if published {
        Some((0, day))
    } else {
        in_article.then_some((1, day))
    }
}

/// The page's own address, from `<link rel="canonical" href="...">`.
fn canonical_url(attributes: &BTreeMap<HtmlString, Spanned<HtmlString, ()>>) -> Option<String> {
    let rel = attribute(attributes, b"rel")?;
    rel.split(u8::is_ascii_whitespace)
        .any(|r| r.eq_ignore_ascii_case(b"canonical"))
        .then(|| attribute(attributes, b"href"))
        .flatten()
        .and_then(|href| collapsed(&String::from_utf8_lossy(href)))
}

/// What a `<script type="application/ld+json">` says of the page.
#[derive(Default)]
struct JsonLd {
    /// The `datePublished` of its article (an item whose `@type` names an
    /// article, at the top, in a list or in an `@graph`).
    article_day: Option<String>,
    /// The article's `headline`.
    headline: Option<String>,
    /// The `datePublished` of its first item that has one at its top
    /// level, article or not.
    any_day: Option<String>,
}

/// Reads `script`, the text of a JSON-LD script. Dates of nested items (a
/// video in the article, a comment) are not the page's.
fn json_ld(script: &str) -> JsonLd {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(script) else {
        return JsonLd::default();
    };
    let items: Vec<&serde_json::Value> = match &value {
        serde_json::Value::Array(items) => items.iter().collect(),
        serde_json::Value::Object(object) => match object.get("@graph") {
            Some(serde_json::Value::Array(graph)) => graph.iter().collect(),
            _ => vec![&value],
        },
        _ => return JsonLd::default(),
    };
    let text = |item: &serde_json::Value, key: &str| {
        item.get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
    };
    let published = |item: &&serde_json::Value| {
        text(item, "datePublished").and_then(|date| iso_day(date.as_bytes()))
    };
    let is_article = |item: &&&serde_json::Value| {
        let names = |t: &serde_json::Value| {
            t.as_str().is_some_and(|t| {
                t.ends_with("Article") || t == "LiveBlogPosting" || t == "BlogPosting"
            })
        };
        match item.get("@type") {
            Some(serde_json::Value::Array(types)) => types.iter().any(names),
            Some(t) => names(t),
            None => false,
        }
    };
    let articles: Vec<&&serde_json::Value> = items.iter().filter(is_article).collect();
    JsonLd {
        article_day: articles.iter().copied().find_map(published),
        headline: articles
            .iter()
            .find_map(|item| text(item, "headline"))
            .and_then(|h| collapsed(&h)),
        any_day: items.iter().find_map(published),
    }
}

/// `text` with its white space collapsed; `None` when nothing is left.
fn collapsed(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// `YYYY-MM-DD` when `text` starts with a valid ISO date.
fn iso_day(text: &[u8]) -> Option<String> {
    let day = std::str::from_utf8(text.trim_ascii_start().get(..10)?).ok()?;
    super::is_existing_iso_date(day).then(|| day.to_string())
}

/// True when a text document starts as an HTML page does (`<!DOCTYPE
/// html`, `<html`, `<head`, `<body`, or a comment before one of them):
/// a page saved with its markup, not its text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start();
    // XHTML pages open with an XML declaration (`<?xml version="1.0"?>`).
    if let Some(declaration) = rest.strip_prefix("<?xml") {
        match declaration.find("?>") {
            Some(end) => rest = declaration[end + 2..].trim_start(),
            None => return false,
        }
    }
    // Pages saved by browsers often start with a comment (`<!-- saved
    // from url=... -->`).
    while let Some(comment) = rest.strip_prefix("<!--") {
        match comment.find("-->") {
            Some(end) => rest = comment[end + 3..].trim_start(),
            None => return false,
        }
    }
    let start = rest.as_bytes();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|prefix| {
            start.get(..prefix.len()).is_some_and(|head| {
                head.eq_ignore_ascii_case(prefix.as_bytes())
                    && start
                        .get(prefix.len())
                        .is_none_or(|&next| next == b'>' || next.is_ascii_whitespace())
            })
        })
}

/// Elements whose content a reader does not read as the page's text.
/// Not `<form>`: ASP.NET WebForms pages wrap the whole body in one (found
/// in review: such a page lost its article); the controls inside a form
/// are skipped one by one.
fn is_skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"noscript"
            | b"template"
            | b"svg"
            | b"math"
            | b"nav"
            | b"aside"
            | b"footer"
            | b"figcaption"
            | b"dialog"
            | b"button"
            | b"select"
            | b"textarea"
            | b"iframe"
            | b"object"
            | b"canvas"
    )
}

/// Elements without content or end tag: an attribute cannot make them
/// skipped (their skipping would never end).
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// ARIA roles of the page parts [`is_skipped`] names: menus, side panels,
/// the site's header and footer, dialogs (cookie banners).
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
];

/// Starts of class names of text for screen readers only: "(opens in a
/// new window)" inside a link, found in review to make a sentence
/// boilerplate. Starts, because sites add suffixes (Reuters'
/// `visually-hidden__visually-hidden__3vZl4`, `sr-only-focusable`).
const SCREEN_READER_PREFIXES: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "u-visually-hidden",
    "element-invisible",
];

/// Class and id names of what a reader does not see or does not read as
/// the article: hidden elements, pull quotes (a sentence of the article
/// shown twice), embedded posts of other sites.
const SKIPPED_NAMES: &[&str] = &[
    "hidden",
    "d-none",
    "is-hidden",
    "commentlist",
    "comment-list",
    "comment-section",
    "comment-thread",
    "disqus_thread",
    "ob-widget",
    "pullquote",
    "pull-quote",
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
];

/// The names in [`SKIPPED_NAMES`] that only hide.
const HIDING_NAMES: &[&[u8]] = &[b"hidden", b"d-none", b"is-hidden"];

/// Words of class and id names (split at `-` and `_`) that mark a part of
/// the page that is not the article: the site's footer (`Page-footer`,
/// `site-footer`: found in review, AP's "Founded in 1846, AP today ..."
/// became a fact cited by two AP pages), reader comments
/// (`comments-area`), the OneTrust consent banner, the Taboola and
/// Outbrain widgets of sponsored links (`taboola-below-article`,
/// `ob-widget`, `OUTBRAIN`).
const SKIPPED_WORDS: &[&str] = &["footer", "comments", "onetrust", "taboola", "outbrain"];

/// Words of class names that state something of the page rather than
/// name a part of it (`comments-open`, `has-footer`, on the body or the
/// article in some themes; `sticky-footer-layout` around the article,
/// found in review).
const STATE_WORDS: &[&str] = &[
    "has", "with", "no", "open", "closed", "show", "enabled", "layout", "sticky", "push",
];

/// True when a class or id name, split at `-` and `_`, holds one of
/// [`SKIPPED_WORDS`] and none of [`STATE_WORDS`].
fn names_skipped_part(name: &[u8]) -> bool {
    let words = || name.split(|&b| b == b'-' || b == b'_');
    words().any(|word| SKIPPED_WORDS.iter().any(|w| word == w.as_bytes()))
        && !words().any(|word| STATE_WORDS.iter().any(|w| word == w.as_bytes()))
}

/// True when a class or id name marks a consent banner
/// ("onetrust-consent-sdk", "cookie-banner", "CybotCookiebotDialog",
/// "cookieconsent"): "cookie" or "consent" with a word for a banner, or
/// both. Not either alone (a recipe's `cookies`, a post's `tag-consent`),
/// nor "newsletter" (Substack's article is `newsletter-post`: found in
/// testing, its text was lost).
fn is_consent_banner(name: &[u8]) -> bool {
    let has = |part: &str| name.windows(part.len()).any(|w| w == part.as_bytes());
    // WordPress marks a post's tags and categories on its article
    // (`tag-consent`: found in review, the article was lost).
    if name.starts_with(b"tag-") || name.starts_with(b"category-") {
        return false;
    }
    (has("cookie") || has("consent"))
        && (has("cookie") && has("consent")
            || [
                "banner", "notice", "bar", "popup", "dialog", "modal", "message", "alert", "law",
                "warning", "sdk", "info", "manager", "overlay", "wall",
            ]
            .iter()
            .any(|word| has(word)))
}

/// True when an element's attributes say it is hidden, or is a part of
/// the page that is not the article (see [`SKIPPED_ROLES`],
/// [`SCREEN_READER_PREFIXES`], [`SKIPPED_NAMES`], [`SKIPPED_WORDS`],
/// [`is_consent_banner`]).
///
/// `aria-hidden` counts on inline elements only (icons, duplicated
/// labels): a page saved while a dialog was open can carry it on the
/// wrapper of the whole article.
fn is_hidden_or_furniture(
    name: &[u8],
    attributes: &BTreeMap<HtmlString, Spanned<HtmlString, ()>>,
) -> bool {
    let value = |key: &[u8]| attributes.get(key).map(|v| v.value.as_slice());
    if value(b"hidden").is_some()
        || (!is_block(name)
            && value(b"aria-hidden").is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(b"true")))
    {
        return true;
    }
    if let Some(style) = value(b"style") {
        let style: Vec<u8> = style
            .iter()
            .filter(|b| !b.is_ascii_whitespace())
            .map(u8::to_ascii_lowercase)
            .collect();
        let hides = |rule: &[u8]| style.windows(rule.len()).any(|w| w == rule);
        if hides(b"display:none") || hides(b"visibility:hidden") {
            return true;
        }
    }
    if value(b"role").is_some_and(|role| {
        SKIPPED_ROLES
            .iter()
            .any(|r| role.trim_ascii().eq_ignore_ascii_case(r.as_bytes()))
    }) {
        return true;
    }
    // Tailwind's `hidden md:block` and Bootstrap's `d-none d-md-block`
    // show the element on larger screens (found in review).
    let shown_somewhere = value(b"class").is_some_and(|classes| {
        classes
            .split(u8::is_ascii_whitespace)
            .any(|c| c.contains(&b':') || (c.starts_with(b"d-") && c != b"d-none"))
    });
    [b"class".as_slice(), b"id"]
        .into_iter()
        .filter_map(value)
        .flat_map(|names| names.split(u8::is_ascii_whitespace))
        .filter(|name| !name.is_empty())
        .any(|name| {
            let name = name.to_ascii_lowercase();
            (SKIPPED_NAMES.iter().any(|n| name == n.as_bytes())
                && !(shown_somewhere && HIDING_NAMES.contains(&name.as_slice())))
                || names_skipped_part(&name)
                || SCREEN_READER_PREFIXES
                    .iter()
                    .any(|p| name.starts_with(p.as_bytes()))
                || is_consent_banner(&name)
        })
}

/// Elements that begin and end a paragraph of their own.
fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"address"
            | b"article"
            | b"blockquote"
            | b"body"
            | b"caption"
            | b"center"
            | b"dd"
            | b"details"
            | b"div"
            | b"dl"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"header"
            | b"hr"
            | b"html"
            | b"legend"
            | b"li"
            | b"main"
            | b"ol"
            | b"p"
            | b"pre"
            | b"section"
            | b"summary"
            | b"table"
            | b"td"
            | b"th"
            | b"tr"
            | b"ul"
    )
}

/// Builds the text: paragraphs of collapsed white space.
#[derive(Default)]
struct TextBuilder {
    text: String,
    /// A space is owed before the next word of the paragraph.
    space: bool,
}

impl TextBuilder {
    fn push_str(&mut self, s: &str, preformatted: bool) {
        if preformatted {
            let mut lines = s.split('\n');
            if let Some(first) = lines.next() {
                self.push_words(first);
            }
            for line in lines {
                self.line_break();
                self.push_words(line);
            }
            return;
        }
        self.push_words(s);
    }

    fn push_words(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for word in s.split_whitespace() {
            if self.space && !self.at_line_start() {
                self.text.push(' ');
            }
            self.text.push_str(word);
            self.space = true;
        }
        self.space = s.ends_with(char::is_whitespace) || (self.space && s.trim().is_empty());
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn line_break(&mut self) {
        if !self.at_line_start() {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn paragraph_break(&mut self) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            self.space = false;
            return;
        }
        self.line_break();
        self.text.push('\n');
    }

    /// The text, with what the page shows as a reference kept one.
    fn finish(mut self) -> String {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        crate::charrefs::escape_literal(self.text)
    }
}

/// The names of the open elements, innermost last. Elements whose end
/// tag may be left out (`<p>`, `<li>`) pile up, so at most [`Self::MOST`]
/// are kept and an end tag is looked for among the innermost
/// [`Self::SEARCHED`] only: a page of a million unclosed paragraphs costs
/// neither memory nor time.
#[derive(Default)]
struct OpenElements(Vec<Vec<u8>>);

impl OpenElements {
    const MOST: usize = 4096;
    const SEARCHED: usize = 64;

    fn push(&mut self, name: &[u8]) {
        if self.0.len() < Self::MOST {
            self.0.push(name.to_vec());
        }
    }

    fn position(&self, name: &[u8]) -> Option<usize> {
        let from = self.0.len().saturating_sub(Self::SEARCHED);
        self.0[from..]
            .iter()
            .rposition(|open| open.as_slice() == name)
            .map(|at| from + at)
    }

    fn contains(&self, name: &[u8]) -> bool {
        self.position(name).is_some()
    }

    /// Closes `name` and every element opened inside it, if it is open.
    fn close(&mut self, name: &[u8]) {
        if let Some(at) = self.position(name) {
            self.0.truncate(at);
        }
    }
}

/// The text and title of the page `html`.
///
/// Should the rules that read elements' attributes (hidden, roles, class
/// names) leave a page without text, it is read again without them: a
/// page is never lost to a class name.
pub(crate) fn extract(html: &str) -> Page {
    let page = extract_with(html, true);
    if page.text.is_empty() {
        return extract_with(html, false);
    }
    page
}

/// [`extract`], with or without the rules on attributes.
fn extract_with(html: &str, attribute_rules: bool) -> Page {
    let mut emitter = html5gum::DefaultEmitter::default();
    // Reads <script>, <style>, <title>, ... content as raw text, as a
    // browser's tree builder would tell its tokenizer to.
    emitter.naively_switch_states(true);
    let mut text = TextBuilder::default();
    let mut title: Option<String> = None;
    let mut og_title: Option<String> = None;
    let mut canonical: Option<String> = None;
    let mut og_url: Option<String> = None;
    let mut meta_day: Option<(usize, String)> = None;
    let mut time_day: Option<(usize, String)> = None;
    let mut ld = JsonLd::default();
    // Past `<body>`: a `<meta>` there belongs to an item of the page (a
    // comment's microdata), not to the page.
    let mut in_body = false;
    let mut in_title = false;
    // The text of the `<script type="application/ld+json">` being read,
    // for its dates and headline only.
    let mut ld_script: Option<String> = None;
    let mut pre_depth = 0usize;
    // The skipped element being passed over, and the elements open inside
    // it (an end tag that closes one of them is not the skipped one's
    // parent closing: found in review, an inner </div> ended the skip).
    let mut skipping: Option<(Vec<u8>, OpenElements)> = None;
    // The elements open around the text, innermost last: a skipped
    // element left unclosed ends where one of them closes, as a browser
    // ends it (found in review: an unclosed <aside> took the rest of the
    // page with it).
    let mut open = OpenElements::default();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if name == b"title" && !tag.self_closing {
                    // The page's own title, not an SVG image's.
                    in_title = skipping.is_none() && title.is_none();
                    continue;
                }
                if let Some((_, inside)) = &mut skipping {
                    if !is_void(name) && !tag.self_closing {
                        inside.push(name);
                    }
                    continue;
                }
                in_body |= name == b"body";
                if name == b"meta" && !in_body {
                    let attributes = &tag.attributes;
                    if let Some(day) = meta_date(attributes) {
                        if meta_day.as_ref().is_none_or(|best| day.0 < best.0) {
                            meta_day = Some(day);
                        }
                    }
                    og_title = og_title.or_else(|| meta_content(attributes, "og:title"));
                    og_url = og_url.or_else(|| meta_content(attributes, "og:url"));
                }
                if name == b"link" && !in_body {
                    canonical = canonical.or_else(|| canonical_url(&tag.attributes));
                }
                let skipped = is_skipped(name)
                    || (attribute_rules
                        && !is_void(name)
                        && is_hidden_or_furniture(name, &tag.attributes));
                if name == b"time" && in_body && !skipped {
                    let in_article = open.contains(b"article") || open.contains(b"main");
                    if let Some(day) = time_date(&tag.attributes, in_article) {
                        if time_day.as_ref().is_none_or(|best| day.0 < best.0) {
                            time_day = Some(day);
                        }
                    }
                }
                if !skipped && !is_void(name) && !tag.self_closing {
                    open.push(name);
                }
                if skipped {
                    if !tag.self_closing {
                        skipping = Some((name.to_vec(), OpenElements::default()));
                        let is_ld = name == b"script"
                            && tag.attributes.get(b"type".as_slice()).is_some_and(|t| {
                                let t = t.value.trim_ascii();
                                t.len() >= 19
                                    && t[..19].eq_ignore_ascii_case(b"application/ld+json")
                            });
                        ld_script = (is_ld && ld.article_day.is_none()).then(String::new);
                    }
                } else if name == b"br" {
                    text.line_break();
                } else if is_block(name) {
                    text.paragraph_break();
                    if name == b"pre" {
                        pre_depth += 1;
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if name == b"title" {
                    in_title = false;
                    continue;
                }
                if let Some((skipped, inside)) = &mut skipping {
                    if inside.contains(name) {
                        inside.close(name);
                        continue;
                    }
                    if skipped.as_slice() == name {
                        skipping = None;
                        if let Some(script) = ld_script.take() {
                            let read = json_ld(&script);
                            ld.article_day = ld.article_day.or(read.article_day);
                            ld.headline = ld.headline.or(read.headline);
                            ld.any_day = ld.any_day.or(read.any_day);
                        }
                        continue;
                    }
                    if !open.contains(name) {
                        continue;
                    }
                    // An element around the skipped one closes, and so
                    // does the skipped one, left unclosed.
                    skipping = None;
                }
                open.close(name);
                if name == b"br" {
                    text.line_break();
                } else if is_block(name) {
                    text.paragraph_break();
                    if name == b"pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                }
            }
            Token::String(string) => {
                let string = String::from_utf8_lossy(&string.value);
                if let Some(script) = &mut ld_script {
                    script.push_str(&string);
                }
                if in_title {
                    title.get_or_insert_with(String::new).push_str(&string);
                } else if skipping.is_none() {
                    text.push_str(&string, pre_depth > 0);
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    Page {
        text: text.finish(),
        title: og_title
            .or(ld.headline)
            .or_else(|| title.as_deref().and_then(collapsed)),
        url: canonical.or(og_url),
        date: meta_day
            .map(|(_, day)| day)
            .or(ld.article_day)
            .or(time_day.map(|(_, day)| day))
            .or(ld.any_day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_text_as_paragraphs_and_drops_what_no_reader_reads() {
        let page = extract(
            "<!DOCTYPE html><html><head><title> Flood \n news </title>\
             <style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>\
             <body><nav><a href=/>Home</a> <a href=/world>World</a></nav>\
             <h1>Rivers rise</h1><p>The river rose by <b>two</b>&nbsp;metres &amp; more.\n   \
             Roads closed.</p><!-- a comment --><aside>Related: other floods</aside>\
             <ul><li>One</li><li>Two</li></ul><p>Line one<br>line two</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Flood news"));
        assert_eq!(
            page.text,
            "Rivers rise\n\nThe river rose by two metres & more. Roads closed.\n\n\
             One\n\nTwo\n\nLine one\nline two"
        );
    }

    #[test]
    fn the_publication_date_comes_from_meta_tags_or_json_ld() {
        let date = |head: &str| {
            extract(&format!(
                "<html><head>{head}</head><body><p>Text.</p></body></html>"
            ))
            .date
        };
        assert_eq!(
            date("<meta property=\"article:published_time\" content=\"2026-11-24T10:05:00Z\">"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<meta name=\"PubDate\" content=\" 2026-11-23\"><meta name=\"date\" content=\"2020-01-01\">"),
            Some("2026-11-23".to_string()),
            "a name that says published wins over a generic date"
        );
        assert_eq!(
            date("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\" : \"2026-11-22T08:00:00+01:00\"}</script>"),
            Some("2026-11-22".to_string())
        );
        assert_eq!(
            date("<meta name=\"description\" content=\"2026-11-24\">"),
            None
        );
        assert_eq!(
            date("<meta property=\"article:published_time\" content=\"Nov 24\">"),
            None
        );
        assert_eq!(date("<meta name=\"date\" content=\"2026-13-01\">"), None);
        assert_eq!(
            date("<script>var x = {\"datePublished\": \"2026-11-24\"};</script>"),
            None,
            "only JSON-LD scripts"
        );
        // Found in review: a nested item's date, a site's, a comment's.
        assert_eq!(
            date("<script type=\"application/ld+json; charset=utf-8\">{\"@type\": \"NewsArticle\", \"video\": {\"@type\": \"VideoObject\", \"datePublished\": \"2019-05-01\"}, \"datePublished\": \"2026-11-24\"}</script>"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebSite\", \"datePublished\": \"2010-01-01\"}, {\"@type\": [\"NewsArticle\"], \"datePublished\": \"2026-11-24\"}]}</script>"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<meta property=\"article:published_time\" content=\"2026-02-30\">"),
            None,
            "no such day"
        );
        let page = extract(
            "<html><head></head><body><p>Text.</p><div itemscope><meta itemprop=\"datePublished\" content=\"2019-01-01\"></div>\
             <script type=\"application/ld+json\">{\"datePublished\": \"2026-11-24\"}</script></body></html>",
        );
        assert_eq!(
            page.date.as_deref(),
            Some("2026-11-24"),
            "a comment's microdata"
        );
        // A page's <time> when nothing else gives a day: the one that says
        // it is the publication's, never an update's (found in review).
        let body_date = |body: &str| extract(&format!("<html><body>{body}</body></html>")).date;
        assert_eq!(
            body_date("<p>Wednesday, November 25, 2026</p><article><p>Posted on <time datetime=\"2026-11-24T11:20:00+00:00\">November 24</time>.</p></article>"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            body_date("<time class=\"updated\" datetime=\"2026-11-25T08:00\">x</time><time datetime=\"2026-11-23\">y</time>\
                       <time class=\"entry-date published\" datetime=\"2026-11-24T11:20\">z</time>"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            body_date("<time datetime=\"yesterday\">Yesterday</time>"),
            None
        );
        assert_eq!(
            body_date(
                "<div class=\"masthead\"><time datetime=\"2026-11-25\">Today</time></div>\
                       <article><time datetime=\"2026-11-24\">Nov 24</time><p>Text.</p></article>"
            ),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            body_date("<div class=\"masthead\">Today is <time datetime=\"2024-05-07\">Tuesday</time></div><p>Text.</p>"),
            None,
            "a time outside the article says nothing of it"
        );
        // Found in review: a video's block before the article's, and a
        // generic `date` before `article:published_time`.
        assert_eq!(
            date("<script type=\"application/ld+json\">{\"@type\": \"VideoObject\", \"datePublished\": \"2026-11-20\"}</script>\
                  <script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2026-11-24\"}</script>"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<meta name=\"date\" content=\"2026-11-26\"><meta property=\"article:published_time\" content=\"2026-11-24\">"),
            Some("2026-11-24".to_string())
        );
        assert_eq!(
            date("<meta name=\"govuk:first-published-at\" content=\"2026-11-24T15:00:00+00:00\">"),
            Some("2026-11-24".to_string())
        );
        // JSON-LD text is never page text.
        let page = extract("<script type=\"application/ld+json\">{\"datePublished\": \"2026-11-22\"}</script><p>Body.</p>");
        assert_eq!(page.text, "Body.");
    }

    #[test]
    fn drops_hidden_text_comments_embeds_and_banners_but_not_a_form_around_the_article() {
        // Found in review of saved pages (ASP.NET wraps the body in a
        // form; screen-reader text inside links; comments; tweets).
        let page = extract(
            "<html><body><form id=\"aspnetForm\"><div role=\"banner\">Wednesday, November 25, 2026</div>\
             <p>Southeastern said on <a href=x>X<span class=\"visually-hidden\"> (opens in a new window)</span></a> \
             that services would stop<span class=\"visually-hidden__x__3vZl4\">, opens new tab</span>.</p><p hidden>Hidden paragraph.</p>\
             <p style=\"display: none\">Not shown.</p><span aria-hidden=\"true\">Icon</span>\
             <img aria-hidden=\"true\" src=a.png><p>Crews worked <br hidden>overnight.</p>\
             <input type=\"email\"><button>Sign up</button><select><option>UK</option></select>\
             <figure><img src=b.png><figcaption>Rescue workers at the scene.</figcaption></figure>\
             <blockquote class=\"twitter-tweet\"><p>Praying for everyone.</p></blockquote>\
             <div id=\"onetrust-consent-sdk\"><p>We use cookies.</p><div><p>Accept all.</p></div></div>\
             <section id=\"comments\"><div class=\"c\"><p>Actually five died.</p></div></section>\
             <p>The line reopens Friday.</p></form><footer><p>Founded in 1846, AP is news.</p></footer>\
             <div class=\"Page-footer-info\"><p>AP is news.</p></div><div id=\"onetrust-banner-sdk\"><p>We use cookies.</p></div>\
             <div class=\"post-comment-button\">Comment</div><blockquote class=\"pullquote\">Crews worked overnight.</blockquote><div id=\"taboola-below-article-thumbnails\">\
             <p>See the prices.</p></div><div class=\"ob-widget\"><p>Windows at no cost.</p></div></body></html>",
        );
        assert_eq!(
            page.text,
            "Southeastern said on X that services would stop.\n\nCrews worked\novernight.\n\n\
             The line reopens Friday.\n\nComment"
        );
        let page =
            extract("<body><div aria-hidden=\"true\"><p>Under an open dialog.</p></div></body>");
        assert_eq!(page.text, "Under an open dialog.");
        let page = extract(
            "<body class=\"has-footer\"><article class=\"post comments-open\"><p>The article.</p></article>\
             <div class=\"site-footer\"><p>Footer.</p></div></body>",
        );
        assert_eq!(page.text, "The article.", "a state is not a part");
        let page = extract(
            "<body><p class=\"hidden md:block\">Wide screens.</p><p class=\"d-none d-md-block\">Also.</p>\
             <p class=\"hidden\">Never.</p><article class=\"post tag-consent\"><p>Consent law.</p></article>\
             <div class=\"sticky-footer-layout\"><p>Kept.</p></div><div class=\"cookieconsent\">Accept.</div></body>",
        );
        assert_eq!(page.text, "Wide screens.\n\nAlso.\n\nConsent law.\n\nKept.");
        let page = extract("<body><div class=\"hidden\"><p>All of it.</p></div></body>");
        assert_eq!(page.text, "All of it.", "never lost to a class name");
        let page = extract(
            "<body><p>First.</p><div class=\"article commentary\"><p>An opinion.</p></div>\
             <article class=\"newsletter-post\"><p>A post.</p></article><div class=\"cookies-recipe\">Bake.</div></body>",
        );
        assert_eq!(
            page.text, "First.\n\nAn opinion.\n\nA post.\n\nBake.",
            "commentary is not comments, a newsletter's post is no sign-up box, a recipe no banner"
        );
    }

    #[test]
    fn the_title_is_the_headline_and_the_url_the_canonical_link() {
        let page = extract(
            "<html><head><title>Train derails in Kent | Rail | The Guardian</title>\
             <meta property=\"og:title\" content=\" Train derails  in Kent \">\
             <link rel=\"canonical\" href=\"https://example.com/derail\">\
             <meta property=\"og:url\" content=\"https://example.com/other\"></head><body><p>Text.</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Train derails in Kent"));
        assert_eq!(page.url.as_deref(), Some("https://example.com/derail"));
        let page = extract(
            "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Three dead\"}</script>\
             <meta property=\"og:url\" content=\"https://example.com/x\"></head><body><h1>Three dead</h1></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Three dead"));
        assert_eq!(page.url.as_deref(), Some("https://example.com/x"));
        let page = extract("<title>Only a title</title><p>Text.</p>");
        assert_eq!(page.title.as_deref(), Some("Only a title"));
        assert_eq!(page.url, None);
    }

    #[test]
    fn an_unclosed_skipped_element_ends_where_its_parent_does() {
        // Found in review: a browser shows the rest of the page.
        let page = extract(
            "<body><div><p>First.</p><aside><p>Related: other floods</div>\
             <p>Second.</p><div><nav><a>Home</a></div><p>Third.</p></body>",
        );
        assert_eq!(page.text, "First.\n\nSecond.\n\nThird.");
        // Found in review of the change: an inner </div> is no parent's.
        let page = extract(
            "<body><div class=\"page\"><p>First.</p><aside><div><p>Subscribe today.</p></div>\
             <div><p>Menu item</p></div></aside><p>Second.</p></div></body>",
        );
        assert_eq!(page.text, "First.\n\nSecond.");
        // A closed one nests as before, and a stray end tag changes nothing.
        let page = extract(
            "<body><div class=\"comments\"><div><p>A comment.</p></div></span></div><p>After.</p></body>",
        );
        assert_eq!(page.text, "After.");
    }

    #[test]
    fn a_center_element_is_a_paragraph_of_its_own() {
        // Found in review: "until Friday.Replacement buses".
        let page = extract(
            "<body><p>Trains stop until Friday.</p><center>Replacement buses run.</center></body>",
        );
        assert_eq!(
            page.text,
            "Trains stop until Friday.\n\nReplacement buses run."
        );
    }

    #[test]
    fn keeps_line_breaks_inside_pre() {
        let page = extract("<html><body><pre>a  b\nc</pre><p>d</p></body></html>");
        assert_eq!(page.text, "a b\nc\n\nd");
    }

    #[test]
    fn recognizes_pages_not_text_that_mentions_tags() {
        for page in [
            "<!DOCTYPE html><p>x</p>",
            "  <!doctype HTML>\n<html>",
            "<html lang=en>",
            "<!-- saved from url=(0042)https://example.com/ -->\n<html>",
            "\u{feff}<HTML>",
            "<body>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        ] {
            assert!(
                looks_like_html(page.trim_start_matches('\u{feff}')),
                "{page}"
            );
        }
        for text in [
            "The <html> tag starts a page.",
            "<htmlx>",
            "<!-- unfinished",
            "Plain text.",
            "<?xml version=\"1.0\"?><rss version=\"2.0\">",
        ] {
            assert!(!looks_like_html(text), "{text}");
        }
    }
}
