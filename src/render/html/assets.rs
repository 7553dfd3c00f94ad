//! The page's inline style sheet and script, and the Content-Security-Policy
//! that allows exactly these two (by their SHA-256 hashes) and nothing else:
//! no other script or style, no image, font, frame or connection. A
//! `<script>` that slipped past escaping would still not run.

/// The style sheet, inlined in a `<style>` element.
pub(super) const STYLE: &str = include_str!("report.css");
/// The script, inlined in a `<script>` element at the end of the body.
pub(super) const SCRIPT: &str = include_str!("report.js");

/// Base64 SHA-256 of [`STYLE`], as `openssl dgst -sha256 -binary
/// report.css | base64` prints it; a unit test checks it (and prints the
/// new value after an edit of the style sheet).
const STYLE_SHA256: &str = "/Tp+h1mDcVEITsVnbrlCWodpyctqcjBs8DOVzU90dM4=";
/// Base64 SHA-256 of [`SCRIPT`]; checked by the same test.
const SCRIPT_SHA256: &str = "WO8GyYyxzpZXBzP3u/Rsv6j0wp9psyZT2APyMoz5CdA=";

/// The policy, for a `<meta http-equiv="Content-Security-Policy">`.
pub(super) fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src 'sha256-{SCRIPT_SHA256}'; \
         style-src 'sha256-{STYLE_SHA256}'; base-uri 'none'; form-action 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use data_encoding::BASE64;
    use sha2::{Digest, Sha256};

    #[test]
    fn policy_hashes_match_the_inline_style_and_script() {
        let hash = |text: &str| BASE64.encode(&Sha256::digest(text.as_bytes()));
        assert_eq!(
            STYLE_SHA256,
            hash(STYLE),
            "report.css changed: set STYLE_SHA256"
        );
        assert_eq!(
            SCRIPT_SHA256,
            hash(SCRIPT),
            "report.js changed: set SCRIPT_SHA256"
        );
    }

    #[test]
    fn assets_cannot_end_their_own_element() {
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
    }
}
