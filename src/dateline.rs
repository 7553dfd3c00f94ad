//! News datelines at the start of a sentence: `LONDON (AP) _ `,
//! `NEW YORK -- `, `MOBILE, Ala. (AP) -- `, `BEIJING, Oct. 5 (Xinhua) -- `;
//! and list bullets (`- `, `• `), item numbers (`2. `) and quote markers
//! (`> `), which a summary leaves off the same way.
//!
//! A dateline says where a wire story was filed, not what happened; in a
//! summary that merges many outlets it is one outlet's label, and under a
//! word budget it costs words that carry no fact. Summary sentences are
//! therefore shown from past their dateline (the citation still locates
//! the whole sentence's source).

/// List bullets a line may start with (`- Schools stay closed.`, `+ ...`
/// as CommonMark also writes them), and the
/// quote marker of Markdown and e-mail (`> "We won," she said.`): page
/// layout, like a dateline not part of what the sentence says, so a
/// summary shows the sentence from past them too.
const BULLETS: [char; 11] = ['-', '*', '+', '•', '‣', '⁃', '◦', '▪', '·', '–', '>'];

/// The byte length of what a summary leaves off the start of `text`: a
/// list bullet, a list item's number (`2. `, `(b) `), then a dateline.
/// Character references are read (`-&nbsp;Schools ...`), as segmentation
/// reads them.
pub fn lead_in_length(text: &str) -> usize {
    match crate::charrefs::Decoded::new(text, |c| c) {
        None => read_lead_in_length(text),
        Some(read) => read.source(read_lead_in_length(&read.text)),
    }
}

/// [`lead_in_length`] of a text whose references are read.
fn read_lead_in_length(text: &str) -> usize {
    let bullet = bullet_length(text);
    let marker = bullet + crate::segment::list_marker_length(&text[bullet..]);
    marker + dateline_length(&text[marker..])
}

/// The byte length of a leading list bullet and the white space after it,
/// or 0; text must follow (`* * *` is a separator, not a bullet).
fn bullet_length(text: &str) -> usize {
    let mut chars = text.chars();
    let (Some(bullet), Some(space)) = (chars.next(), chars.next()) else {
        return 0;
    };
    if !BULLETS.contains(&bullet) || !space.is_whitespace() {
        return 0;
    }
    text_after(text, bullet.len_utf8())
}

/// Separators that end a dateline, with the spaces around them.
const SEPARATORS: [&str; 4] = [" _ ", " -- ", " — ", " - "];

/// A dateline is found within this many bytes of the sentence start.
const MAX_DATELINE_BYTES: usize = 80;

/// A dateline has at most this many words.
const MAX_DATELINE_WORDS: usize = 8;

/// The byte length of `text`'s leading dateline and the separator after
/// it, or 0 when it has none. A wire dateline starts with a place name in
/// capitals (two letters or more, no lowercase), has at most eight words,
/// and ends at ` _ `, ` -- ` or ` — ` (or ` - ` after a parenthesized agency,
/// as in `LONDON (Reuters) - `); a press release's is a place, a comma and
/// a date with its year before a dash (`Lisbon, 3 September 2025 – `); a
/// page's may be a place and an outlet (`London CNN — `). Text must follow
/// each.
pub fn dateline_length(text: &str) -> usize {
    let mut head_end = text.len().min(MAX_DATELINE_BYTES);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    // Each form's end, then the text that must follow it.
    let after = |end: usize| if end == 0 { 0 } else { text_after(text, end) };
    // Business Wire glues its agency to the place and the text:
    // `ASHFORD, England--(BUSINESS WIRE)--Southeastern said ...` (found in
    // review of saved pages). A place in capitals opens it, so only a head
    // whose first two letters are capitals is searched (this runs on every
    // candidate sentence; searching all cost 0.8% of a summary).
    let capitals = head
        .as_bytes()
        .get(..2)
        .is_some_and(|two| two.iter().all(u8::is_ascii_uppercase));
    if capitals {
        if let Some(at) = head.find(BUSINESS_WIRE) {
            if !head[..at].contains(". ") {
                return after(at + BUSINESS_WIRE.len());
            }
        }
    }
    match after(wire_dateline_end(head)) {
        0 => {
            // The other two forms end at the same dashes: found once.
            let Some((at, separator)) = first_separator(head, &RELEASE_SEPARATORS) else {
                return 0;
            };
            match after(release_dateline_end(head, at, separator)) {
                0 => after(outlet_dateline_end(head, at, separator)),
                length => length,
            }
        }
        length => length,
    }
}

/// Business Wire's agency between its dateline and its text.
const BUSINESS_WIRE: &str = "--(BUSINESS WIRE)--";

/// Outlets that put their name after the place, without brackets, as
/// pages mark their datelines up (CNN's `<cite>` of a place and "CNN",
/// shown in capitals by its style sheet, read as `London CNN — `).
const DATELINE_OUTLETS: [&str; 8] = ["CNN", "AP", "AFP", "BBC", "UPI", "NPR", "CBS", "NBC"];

/// Where a dateline of a place and an outlet ends, `London CNN — ` or
/// `New York CNN – `: a place of one to three capitalized words (not
/// "The"), one of [`DATELINE_OUTLETS`], then a dash. Found in review of
/// saved pages: CNN's dateline stayed in summary sentences. `at` and
/// `separator` as for [`release_dateline_end`]; not after ` - `. The end
/// of the separator in `head`, or 0.
fn outlet_dateline_end(head: &str, at: usize, separator: &str) -> usize {
    if separator == " - " {
        return 0;
    }
    let words: Vec<&str> = head[..at].split_whitespace().collect();
    let Some((outlet, place)) = words.split_last() else {
        return 0;
    };
    let is_place = (1..=MAX_PLACE_WORDS).contains(&place.len())
        && place
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !matches!(*w, "The" | "A" | "An"));
    // A sentence starts after a dateline: "Meanwhile CNN — which hosted
    // the debate — said ..." is no dateline (found in review).
    let end = at + separator.len();
    let sentence_follows =
        head[end..].starts_with(|c: char| c.is_uppercase() || "\"“‘'".contains(c));
    if is_place && DATELINE_OUTLETS.contains(outlet) && sentence_follows {
        end
    } else {
        0
    }
}

/// Separators after a press release's dateline.
const RELEASE_SEPARATORS: [&str; 4] = [" – ", " — ", " -- ", " - "];

/// A dateline has at most this many words in its place.
const MAX_PLACE_WORDS: usize = 3;

/// Where a press release's dateline ends, `Lisbon, 3 September
/// 2025 – ` or `Lisbona, 3 set. 2025 – `, with the separator: a place of
/// capitalized words, a comma, a date with its year (a day, a month
/// word, a year of four digits), then a dash. Found in review: shown in
/// summary sentences. `at` is where the first of [`RELEASE_SEPARATORS`]
/// in `head`, `separator`, starts. The end of the separator in `head`, or
/// 0.
fn release_dateline_end(head: &str, at: usize, separator: &str) -> usize {
    let Some((place, date)) = head[..at].split_once(", ") else {
        return 0;
    };
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let is_place = (1..=MAX_PLACE_WORDS).contains(&place_words.len())
        && place_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let (mut year, mut day, mut month) = (false, false, false);
    let is_date = date.split_whitespace().all(|token| {
        let token = token.trim_end_matches(',');
        let digits = token.bytes().all(|b| b.is_ascii_digit());
        if digits && token.len() == 4 {
            year = true;
        } else if digits && (1..=2).contains(&token.len()) {
            day = true;
        } else if crate::segment::names_a_month(token) {
            month = true;
        } else {
            return false;
        }
        true
    });
    // Found in review: "In Riyadh, Vision 2030 – the kingdom's plan" was
    // cut when any word and a year passed for a date.
    if !(is_place && is_date && year && day && month) {
        return 0;
    }
    at + separator.len()
}

/// A wire dateline: `LONDON (AP) _ `, `BEIJING, Oct. 5 (Xinhua) -- `. The
/// end of the separator in `head`, or 0.
fn wire_dateline_end(head: &str) -> usize {
    let Some((at, separator)) = first_separator(head, &SEPARATORS) else {
        return 0;
    };
    let prefix = &head[..at];
    if separator == " - " && !prefix.ends_with(')') {
        return 0;
    }
    let place = prefix.split([' ', ',']).next().unwrap_or("");
    let capitals = place.chars().filter(|c| c.is_uppercase()).count();
    if capitals < 2
        || place.chars().any(char::is_lowercase)
        || prefix.split_whitespace().count() > MAX_DATELINE_WORDS
    {
        return 0;
    }
    at + separator.len()
}

/// The first of `separators` (each a space, then `_`, `-` or a dash) in
/// `head`, and where it starts. One pass over the bytes: this runs on
/// every candidate sentence, and searching for each separator in turn
/// cost several times more.
fn first_separator<'a>(head: &str, separators: &[&'a str]) -> Option<(usize, &'a str)> {
    let bytes = head.as_bytes();
    (0..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i] == b' ' && matches!(bytes[i + 1], b'_' | b'-' | 0xE2))
        .find_map(|i| {
            separators
                .iter()
                .find(|sep| bytes[i..].starts_with(sep.as_bytes()))
                .map(|sep| (i, *sep))
        })
}

/// The length of `text` up to the text that follows `end` (past white
/// space), or 0 when what follows is not text: a word, a number or an
/// opening quote or bracket.
fn text_after(text: &str, end: usize) -> usize {
    let rest = text[end..].trim_start();
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || "\"'`‘“(".contains(c))
    {
        text.len() - rest.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> &str {
        &text[dateline_length(text)..]
    }

    #[test]
    fn wire_datelines_are_skipped() {
        assert_eq!(
            shown("LONDON (AP) _ British police said Saturday."),
            "British police said Saturday."
        );
        assert_eq!(
            shown("NEW YORK _ A federal grand jury met."),
            "A federal grand jury met."
        );
        assert_eq!(
            shown("MOBILE, Ala. (AP) -- A man was arrested."),
            "A man was arrested."
        );
        assert_eq!(
            shown("BEIJING, Oct. 5 (Xinhua) -- China said."),
            "China said."
        );
        assert_eq!(shown("LONDON (Reuters) - Shares fell."), "Shares fell.");
        assert_eq!(
            shown("PARIS — ``We won,'' she said."),
            "``We won,'' she said."
        );
        // A page's dateline of a place and an outlet (found in review).
        assert_eq!(
            shown("London CNN — A passenger train derailed."),
            "A passenger train derailed."
        );
        assert_eq!(shown("New York CNN – Stocks fell."), "Stocks fell.");
        assert_eq!(
            shown("ASHFORD, England--(BUSINESS WIRE)--Southeastern said the line was closed."),
            "Southeastern said the line was closed."
        );
        for text in [
            "Meanwhile NATO — the alliance — met.",
            "The CNN — anchor said so.",
            "Officials told CNN — and others — that it would.",
            "Meanwhile CNN — which hosted the first debate — said no.",
            "Only AP — among the major agencies — declined.",
        ] {
            assert_eq!(shown(text), text);
        }
    }

    #[test]
    fn ordinary_sentences_are_kept_whole() {
        for text in [
            "British police said Saturday they arrested him.",
            "The vote -- held on Monday -- passed.",
            "He said - quietly - that he would go.",
            "US officials - and others - agreed.",
            "NATO _",
            "I - the author - disagree.",
            "",
        ] {
            assert_eq!(dateline_length(text), 0, "{text}");
        }
    }

    #[test]
    fn list_bullets_are_skipped_with_a_dateline_after_them() {
        let shown = |text: &'static str| &text[lead_in_length(text)..];
        assert_eq!(
            shown("- Schools will stay closed."),
            "Schools will stay closed."
        );
        assert_eq!(shown("•  Talks resumed."), "Talks resumed.");
        assert_eq!(shown("– “We won,” she said."), "“We won,” she said.");
        assert_eq!(shown("* LONDON (AP) _ Police said."), "Police said.");
        assert_eq!(shown("> “We won,” she said."), "“We won,” she said.");
        // Found in review: Markdown then rendered a list inside the item.
        assert_eq!(shown("+ Investors cheered."), "Investors cheered.");
        assert_eq!(shown("2. Withdrawal of troops"), "Withdrawal of troops");
        assert_eq!(shown("• 3. Talks resume."), "Talks resume.");
        assert_eq!(shown("A. Smith said so."), "A. Smith said so.");
        assert_eq!(
            shown("-&nbsp;Schools will stay closed."),
            "Schools will stay closed."
        );
        assert_eq!(shown("&bull; 2.&#160;Talks resume."), "Talks resume.");
        // Press releases (found in review).
        assert_eq!(
            shown("Lisbon, 3 September 2025 – Carris said the funicular was inspected."),
            "Carris said the funicular was inspected."
        );
        assert_eq!(
            shown("Lisbona, 3 set. 2025 – Carris ha annunciato un'indagine."),
            "Carris ha annunciato un'indagine."
        );
        assert_eq!(
            shown("New York, Sept. 3, 2025 — Acme Corp. announced results."),
            "Acme Corp. announced results."
        );
        for kept in [
            "In Riyadh, Vision 2030 – the kingdom's reform plan – aims high.",
            "For Germany, Euro 2024 - the home tournament - was a letdown.",
            "On Friday, March 2026 – the month of the vote – began.",
            "Paris, France – a city of light.",
            "Lisbon, 3 September – the day the tram fell.",
            "In Lisbon, on 3 September 2025 – it happened.",
            "* * *",
            "-5 degrees were measured.",
            "+5 degrees were measured.",
            ">5 degrees were measured.",
            "- ",
            "-",
            "Plain text.",
        ] {
            assert_eq!(lead_in_length(kept), 0, "{kept}");
        }
    }

    #[test]
    fn never_splits_a_character() {
        let text = format!("{}é -- x", "É".repeat(50));
        assert_eq!(dateline_length(&text), 0);
    }
}
