//! The original Porter (1980) stemmer, exactly as ROUGE-1.5.5 ships it.
//!
//! ROUGE-1.5.5 embeds Martin Porter's Perl "Release 1" implementation with
//! one local change by Chin-Yew Lin (02/14/2004) to step 4: the suffixes
//! `-ement`, `-ment` and `-ent` are tried one after the other on the
//! progressively shortened word instead of as alternatives, so that e.g.
//! `agreement` becomes `agreem` (classic Porter leaves it unchanged). Stems
//! therefore differ from both classic Porter and Porter2/Snowball on a few
//! words; matching ROUGE's figures needs this exact variant.
//!
//! Words are expected in lower case ASCII (ROUGE only stems tokens made of
//! `[a-z0-9]`). Any other byte is treated as a consonant, as the Perl
//! character classes do.

/// Stems one lower-case word with ROUGE-1.5.5's Porter variant.
///
/// Words shorter than three bytes are returned unchanged, as in the Perl
/// code. (ROUGE itself only calls the stemmer on tokens longer than three
/// bytes; that rule lives in the tokenizer, not here.)
pub fn stem(word: &str) -> String {
    if word.len() < 3 || !word.is_ascii() {
        return word.to_string();
    }
    let mut w: Vec<u8> = word.as_bytes().to_vec();
    // An initial `y` is a consonant: the Perl code upper-cases it so that
    // the vowel patterns never see it, and lower-cases it at the end.
    let initial_y = w[0] == b'y';
    if initial_y {
        w[0] = b'Y';
    }

    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    replace_longest(&mut w, STEP2, 1);
    replace_longest(&mut w, STEP3, 1);
    step4(&mut w);
    step5(&mut w);

    if initial_y {
        w[0] = b'y';
    }
    // Only ASCII bytes were added or removed, so this cannot fail.
    String::from_utf8(w).unwrap_or_else(|_| word.to_string())
}

/// Step 2 suffixes and their replacements (`-bli` and `-logi` are Porter's
/// own later departures from the 1980 paper, kept by ROUGE).
const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

/// Step 4's first suffix list (without `-ment` and `-ent`, see module docs).
const STEP4: &[(&str, &str)] = &[
    ("al", ""),
    ("ance", ""),
    ("ence", ""),
    ("er", ""),
    ("ic", ""),
    ("able", ""),
    ("ible", ""),
    ("ant", ""),
    ("ement", ""),
    ("ou", ""),
    ("ism", ""),
    ("ate", ""),
    ("iti", ""),
    ("ous", ""),
    ("ive", ""),
    ("ize", ""),
];

fn is_aeiou(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_aeiouy(b: u8) -> bool {
    is_aeiou(b) || b == b'y'
}

/// The measure *m* of `s` in `[C](VC){m}[V]`, parsed the way the Perl
/// patterns do: a consonant run starts with `[^aeiou]` and continues with
/// `[^aeiouy]`; a vowel run starts with `[aeiouy]` and continues with
/// `[aeiou]` (so `y` after a consonant is a vowel, after a vowel a consonant).
fn measure(s: &[u8]) -> usize {
    let mut i = 0;
    let n = s.len();
    let skip_consonants = |i: &mut usize| {
        if *i < n && !is_aeiou(s[*i]) {
            *i += 1;
            while *i < n && !is_aeiouy(s[*i]) {
                *i += 1;
            }
            true
        } else {
            false
        }
    };
    let skip_vowels = |i: &mut usize| {
        if *i < n && is_aeiouy(s[*i]) {
            *i += 1;
            while *i < n && is_aeiou(s[*i]) {
                *i += 1;
            }
            true
        } else {
            false
        }
    };
    skip_consonants(&mut i);
    let mut m = 0;
    while skip_vowels(&mut i) {
        if skip_consonants(&mut i) {
            m += 1;
        } else {
            break;
        }
    }
    m
}

/// `^(C)?v`: the stem contains a vowel.
fn has_vowel(s: &[u8]) -> bool {
    let mut i = 0;
    if i < s.len() && !is_aeiou(s[i]) {
        i += 1;
        while i < s.len() && !is_aeiouy(s[i]) {
            i += 1;
        }
    }
    i < s.len() && is_aeiouy(s[i])
}

/// `^C v [^aeiouwxy]$`: the whole stem is one consonant run, one vowel and
/// a final consonant other than w, x, y (Porter's `*o` for m = 1 stems).
fn is_cvc(s: &[u8]) -> bool {
    let n = s.len();
    if n < 3 {
        return false;
    }
    let last = s[n - 1];
    let vowel = s[n - 2];
    if is_aeiou(last) || matches!(last, b'w' | b'x' | b'y') || !is_aeiouy(vowel) {
        return false;
    }
    !is_aeiou(s[0]) && s[1..n - 2].iter().all(|&b| !is_aeiouy(b))
}

fn ends_with(w: &[u8], suffix: &str) -> bool {
    w.ends_with(suffix.as_bytes())
}

fn step1a(w: &mut Vec<u8>) {
    if ends_with(w, "sses") || ends_with(w, "ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w[w.len() - 1] == b's' && w[w.len() - 2] != b's' {
        w.pop();
    }
}

fn step1b(w: &mut Vec<u8>) {
    if ends_with(w, "eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            w.pop();
        }
        return;
    }
    let suffix_len = if ends_with(w, "ed") {
        2
    } else if ends_with(w, "ing") {
        3
    } else {
        return;
    };
    let stem_len = w.len() - suffix_len;
    if !has_vowel(&w[..stem_len]) {
        return;
    }
    w.truncate(stem_len);
    let n = w.len();
    if ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz") {
        w.push(b'e');
    } else if n >= 2 && w[n - 1] == w[n - 2] && !b"aeiouylsz".contains(&w[n - 1]) {
        w.pop();
    } else if is_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 1 && w[n - 1] == b'y' && has_vowel(&w[..n - 1]) {
        w[n - 1] = b'i';
    }
}

/// Replaces the longest suffix of `rules` that `w` ends with (Perl's
/// leftmost match of the alternation) when the remaining stem has a measure
/// of at least `min_measure`. A failing condition does not fall back to a
/// shorter suffix, exactly as in the Perl code.
fn replace_longest(w: &mut Vec<u8>, rules: &[(&str, &str)], min_measure: usize) {
    let best = rules
        .iter()
        .filter(|(suffix, _)| ends_with(w, suffix))
        .max_by_key(|(suffix, _)| suffix.len());
    if let Some((suffix, replacement)) = best {
        let stem_len = w.len() - suffix.len();
        if measure(&w[..stem_len]) >= min_measure {
            w.truncate(stem_len);
            w.extend_from_slice(replacement.as_bytes());
        }
    }
}

/// Removes `suffix` when `w` ends with it and the stem's measure is > 1.
fn strip_if_m_gt1(w: &mut Vec<u8>, suffix: &str) {
    if ends_with(w, suffix) {
        let stem_len = w.len() - suffix.len();
        if measure(&w[..stem_len]) > 1 {
            w.truncate(stem_len);
        }
    }
}

fn step4(w: &mut Vec<u8>) {
    replace_longest(w, STEP4, 2);
    strip_if_m_gt1(w, "ment");
    if ends_with(w, "ent") {
        strip_if_m_gt1(w, "ent");
    } else if ends_with(w, "sion") || ends_with(w, "tion") {
        // `(s|t)ion`: the s or t stays with the stem.
        let stem_len = w.len() - 3;
        if measure(&w[..stem_len]) > 1 {
            w.truncate(stem_len);
        }
    }
}

fn step5(w: &mut Vec<u8>) {
    let n = w.len();
    if n >= 1 && w[n - 1] == b'e' {
        let stem = &w[..n - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !is_cvc(stem)) {
            w.pop();
        }
    }
    if ends_with(w, "ll") && measure(w) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn golden_pairs_from_porter_1980_and_rouge() {
        let pairs = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "ti"),
            ("caress", "caress"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("bled", "bled"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("tanned", "tan"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("fizzed", "fizz"),
            ("failing", "fail"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("rational", "ration"),
            ("valenci", "valenc"),
            ("digitizer", "digit"),
            ("generalization", "gener"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("running", "run"),
            ("revival", "reviv"),
            ("allowance", "allow"),
            ("inference", "infer"),
            ("airliner", "airlin"),
            ("adjustable", "adjust"),
            ("defensible", "defens"),
            ("irritant", "irrit"),
            ("replacement", "replac"),
            ("adjustment", "adjust"),
            ("dependent", "depend"),
            ("adoption", "adopt"),
            ("homologou", "homolog"),
            ("communism", "commun"),
            ("activate", "activ"),
            ("angulariti", "angular"),
            ("homologous", "homolog"),
            ("effective", "effect"),
            ("bowdlerize", "bowdler"),
            ("probate", "probat"),
            ("rate", "rate"),
            ("cease", "ceas"),
            ("controll", "control"),
            ("roll", "roll"),
            ("generously", "gener"),
            ("yelling", "yell"),
            ("arrested", "arrest"),
            ("pinochet", "pinochet"),
        ];
        for (word, expected) in pairs {
            assert_eq!(stem(word), expected, "stem({word})");
        }
    }

    #[test]
    fn rouge_step4_cascade_differs_from_classic_porter() {
        // Classic Porter keeps "agreement"; ROUGE-1.5.5's modified step 4
        // strips "-ent" after "-ement"/"-ment" failed.
        assert_eq!(stem("agreement"), "agreem");
    }

    #[test]
    fn short_and_non_ascii_words_are_unchanged() {
        assert_eq!(stem("as"), "as");
        assert_eq!(stem("café"), "café");
    }
}
