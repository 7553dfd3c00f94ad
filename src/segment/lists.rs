//! List items: their markers ("1.", "2)", "3.)", "(b)", "iv.", "• 9.",
//! "⁃10.") and lists written inline in one paragraph ("1.) Buy milk 2.)
//! Feed the cat", "a. Buy milk b. Feed the cat").
//!
//! An inline list is recognized by its sequence: the paragraph starts with
//! a marker, and each later marker continues the numbering (the next number
//! or letter, in the same style, after white space). Requiring the sequence
//! keeps prose such as "He scored 2. Then ..." or "Plan B. It failed." from
//! being read as a list.

/// A list item's label, for following the sequence of an inline list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    /// 1 to 3 digits.
    Number(u32),
    /// One lowercase ASCII letter (`i`, `v`, `x` may also be Roman).
    Letter(u8),
    /// A Roman numeral of two or more letters, lowercase or uppercase
    /// (`I`, `V`, `X` alone are uppercase letters).
    Roman { value: u32, upper: bool },
    /// An uppercase letter: a marker, but never followed in an inline
    /// sequence (it is an initial too often: "A. J. Cooper and B. Moss").
    Capital(u8),
}

impl Label {
    /// True when `next` continues the numbering after `self`: 1 → 2,
    /// a → b, i → ii, iv → v, I → II.
    fn followed_by(self, next: Label) -> bool {
        match (self, next) {
            (Label::Number(a), Label::Number(b)) => b == a + 1,
            (Label::Letter(a), Label::Letter(b)) if a + 1 == b => true,
            _ => match (self.roman(), next.roman()) {
                (Some((a, upper_a)), Some((b, upper_b))) => b == a + 1 && upper_a == upper_b,
                _ => false,
            },
        }
    }

    /// The label read as a Roman numeral, with its case.
    fn roman(self) -> Option<(u32, bool)> {
        match self {
            Label::Roman { value, upper } => Some((value, upper)),
            Label::Letter(b) | Label::Capital(b) => {
                let value = roman_value(&[b.to_ascii_lowercase()])?;
                Some((value, b.is_ascii_uppercase()))
            }
            Label::Number(_) => None,
        }
    }
}

/// The value of a lowercase Roman numeral up to 39 (list items go no
/// further), or `None`.
fn roman_value(text: &[u8]) -> Option<u32> {
    let digit = |b: u8| match b {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let digits: Vec<u32> = text.iter().map(|&b| digit(b)).collect::<Option<_>>()?;
    let value = digits.iter().enumerate().fold(0i64, |sum, (k, &d)| {
        let next = digits.get(k + 1).copied().unwrap_or(0);
        if d < next {
            sum - i64::from(d)
        } else {
            sum + i64::from(d)
        }
    });
    let value = u32::try_from(value).ok().filter(|&v| v > 0 && v < 40)?;
    // Only canonical spellings: "iiii" or "vx" are not numerals.
    (to_roman(value).as_bytes() == text).then_some(value)
}

fn to_roman(mut value: u32) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while value >= v {
            out.push_str(s);
            value -= v;
        }
    }
    out
}

/// A list marker at the start of some text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Marker {
    /// The bullet before the label ("•", "⁃"), if any.
    bullet: Option<char>,
    label: Label,
    /// The characters after the label: ".", ")", ".)"; "()" for "(b)".
    closer: &'static str,
    /// Bytes from the start of the text to the end of the marker.
    len: usize,
}

/// Bullets that may stand before a label or alone.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃' | '◦' | '▪' | '‣' | '·' | '-' | '*' | '–' | '●' | '■' | '►' | '▸'
    )
}

/// The list marker `text` starts with, if any: an optional bullet (and
/// white space), then a label with its closer. Whatever follows is not
/// looked at.
pub(super) fn marker_at(text: &str) -> Option<Marker> {
    let mut rest = text;
    let mut bullet = None;
    if let Some(c) = rest.chars().next().filter(|&c| is_bullet(c)) {
        bullet = Some(c);
        rest = rest[c.len_utf8()..].trim_start();
    }
    let (open, body) = match rest.strip_prefix('(') {
        Some(body) => (true, body),
        None => (false, rest),
    };
    let label_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let label_text = &body[..label_len];
    let after = &body[label_len..];
    let closer = if open {
        after.starts_with(')').then_some("()")?
    } else if after.starts_with(".)") {
        ".)"
    } else if after.starts_with('.') {
        "."
    } else if after.starts_with(')') {
        ")"
    } else {
        return None;
    };
    let label = parse_label(label_text)?;
    // "()" is two characters but only the ")" follows the label.
    let closer_len = if open { 1 } else { closer.len() };
    let len = text.len() - after.len() + closer_len;
    Some(Marker {
        bullet,
        label,
        closer,
        len,
    })
}

fn parse_label(label: &str) -> Option<Label> {
    let bytes = label.as_bytes();
    if (1..=3).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_digit) {
        return label.parse().ok().map(Label::Number);
    }
    if let [b] = bytes {
        return if b.is_ascii_lowercase() {
            Some(Label::Letter(*b))
        } else if b.is_ascii_uppercase() {
            Some(Label::Capital(*b))
        } else {
            None
        };
    }
    let upper = bytes.iter().all(u8::is_ascii_uppercase);
    if !upper && !bytes.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let value = roman_value(label.to_ascii_lowercase().as_bytes())?;
    Some(Label::Roman { value, upper })
}

/// "1.", "12)", "a.", "iv.", "(b)", "3.)", "•9.": the whole text is a list
/// marker.
pub(super) fn is_list_marker(text: &str) -> bool {
    marker_at(text).is_some_and(|m| m.len == text.len())
}

/// The byte length of a numbered item's marker ("2.", "3)", "(b)",
/// "iv.") at the start of `text` with the white space after it, when text
/// follows; else 0. Capital letters ("A. Smith", "V. Putin") are initials
/// as often as labels and are left alone.
pub(super) fn numbered_marker_length(text: &str) -> usize {
    let Some(marker) = marker_at(text) else {
        return 0;
    };
    let capital = match marker.label {
        Label::Capital(_) => true,
        Label::Roman { upper, .. } => upper,
        Label::Number(_) | Label::Letter(_) => false,
    };
    let rest = &text[marker.len..];
    let content = rest.trim_start();
    if capital || content.len() == rest.len() || content.is_empty() {
        return 0;
    }
    text.len() - content.len()
}

/// True when the line starts with a list marker or a bullet, then white
/// space.
pub(super) fn starts_with_list_marker(line: &str) -> bool {
    let followed_by_space = |len: usize| line[len..].starts_with(char::is_whitespace);
    marker_at(line).is_some_and(|m| followed_by_space(m.len))
        || line
            .chars()
            .next()
            .is_some_and(|c| is_bullet(c) && followed_by_space(c.len_utf8()))
}

/// The items of an inline list: for each item, the byte range of its
/// marker (from its bullet or label to the white space after it), the
/// paragraph's opening marker first. Empty unless the paragraph opens with
/// a marker that at least one later marker continues in sequence (the next
/// label in the same style, after white space, before more text).
pub(super) fn inline_items(line: &str) -> Vec<(usize, usize)> {
    // Cheap exit for the usual paragraph, which starts with a capital.
    let Some(first) = line.chars().next() else {
        return Vec::new();
    };
    if !(first.is_ascii_alphanumeric() || first == '(' || is_bullet(first)) {
        return Vec::new();
    }
    let Some(mut previous) = marker_at(line) else {
        return Vec::new();
    };
    let content_after = |end: usize| end + (line[end..].len() - line[end..].trim_start().len());
    let mut items = vec![(0, content_after(previous.len))];
    let mut from = previous.len;
    loop {
        let found = line[from..].char_indices().find_map(|(i, c)| {
            let at = from + i;
            let bullet_matches = previous.bullet.is_none_or(|bullet| c == bullet);
            if !bullet_matches || !line[..at].ends_with(char::is_whitespace) {
                return None;
            }
            let marker = marker_at(&line[at..])?;
            let content = &line[at + marker.len..];
            let continues = previous.label.followed_by(marker.label)
                && marker.closer == previous.closer
                && marker.bullet == previous.bullet
                && content.starts_with(char::is_whitespace)
                && !content.trim_start().is_empty();
            continues.then_some((at, marker))
        });
        let Some((at, marker)) = found else { break };
        let content_start = content_after(at + marker.len);
        items.push((at, content_start));
        from = content_start;
        previous = marker;
    }
    if items.len() < 2 {
        items.clear();
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_every_style() {
        for marker in [
            "1.", "12)", "3.)", "a.", "b)", "(c)", "iv.", "IV)", "•9.", "• 9.", "⁃10.",
        ] {
            assert!(is_list_marker(marker), "{marker}");
        }
        for text in ["1", "1234.", "ab.", "x:", "(1.", "U.S.", "•", "-"] {
            assert!(!is_list_marker(text), "{text}");
        }
        assert!(starts_with_list_marker("1.) Buy milk"));
        assert!(starts_with_list_marker("⁃9. Buy milk"));
        assert!(starts_with_list_marker("- Buy milk"));
        assert!(!starts_with_list_marker("1.5 million"));
    }

    /// The markers of the items after the first.
    fn items(line: &str) -> Vec<&str> {
        inline_items(line)
            .into_iter()
            .skip(1)
            .map(|(start, end)| &line[start..end])
            .collect()
    }

    #[test]
    fn inline_lists_follow_their_sequence() {
        assert_eq!(items("1.) Buy milk 2.) Feed the cat"), ["2.) "]);
        assert_eq!(
            items("1. Oven to 200 degrees 2. Mix 3 cups 3. Bake"),
            ["2. ", "3. "]
        );
        assert_eq!(items("⁃9. Buy milk ⁃10. Feed the cat"), ["⁃10. "]);
        assert_eq!(items("• 3. Buy milk • 4. Feed the cat"), ["• 4. "]);
        assert_eq!(
            items("a. Buy milk b. Feed the cat c. Call home"),
            ["b. ", "c. "]
        );
        assert_eq!(items("(1) Buy milk (2) Feed the cat"), ["(2) "]);
        assert_eq!(
            items("i. Buy milk ii. Feed the cat iii. Call iv. Sleep v. Wake"),
            ["ii. ", "iii. ", "iv. ", "v. "]
        );
        assert_eq!(items("I. Origins II. The war"), ["II. "]);
        // A different style, a gap in the numbering, or no list at all.
        assert!(items("1. Buy milk 2) Feed the cat").is_empty());
        assert!(items("1. Buy milk 3. Feed the cat").is_empty());
        assert!(items("The U.S. Army said so. 2. Then").is_empty());
        assert!(items("A. J. Cooper and B. Moss").is_empty());
        assert!(items("1. Buy milk").is_empty());
        assert!(inline_items("1. Buy milk").is_empty());
        assert_eq!(inline_items("1. A 2. B"), [(0, 3), (5, 8)]);
    }

    #[test]
    fn numbered_markers_are_measured_with_their_space() {
        for (text, shown) in [
            ("2. Withdrawal of troops", "Withdrawal of troops"),
            ("3) An exchange", "An exchange"),
            ("(b) Talks", "Talks"),
            ("iv.  Elections", "Elections"),
        ] {
            assert_eq!(&text[numbered_marker_length(text)..], shown, "{text}");
        }
        for text in [
            "A. Smith said so.",
            "V. Putin said so.",
            "II. Origins",
            "2.5 million",
            "3.",
            "U.S. officials",
        ] {
            assert_eq!(numbered_marker_length(text), 0, "{text}");
        }
    }

    #[test]
    fn roman_numerals_are_canonical() {
        assert_eq!(roman_value(b"iv"), Some(4));
        assert_eq!(roman_value(b"xxxix"), Some(39));
        assert_eq!(roman_value(b"iiii"), None);
        assert_eq!(roman_value(b"vx"), None);
        assert_eq!(roman_value(b"civ"), None);
    }
}
