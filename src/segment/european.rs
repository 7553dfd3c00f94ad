//! Word tables for French, German and Spanish pages: the page furniture
//! of news sites in those languages (subscription appeals, "read also"
//! links, author lines) and the words of their date stamps ("Publié le 24
//! novembre 2026 à 15h10", "Stand: 24.11.2026, 15:42 Uhr", "Actualizado
//! Lunes, 24 noviembre 2026 - 16:12").
//!
//! Pasted pages in these languages came out with "Abonnez-vous à partir de
//! 1 €." and "Lire aussi : ..." as summary sentences and without a date.
//! The tables follow the English ones in [`super::classify`],
//! [`super::links`] and [`super::stamps`]: phrases that essentially never
//! occur in news prose weigh [`DECISIVE`], single words that do weigh 1.
//! Credit formulas, staff roles and sentence-boundary words stay English
//! only.

use super::classify::DECISIVE;
use super::stamps::DateWords;

pub(super) const FRENCH_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["abonnez", "vous"], DECISIVE),
    (&["inscrivez", "vous"], DECISIVE),
    (&["réservé", "à", "nos", "abonnés"], DECISIVE),
    (&["réservé", "aux", "abonnés"], DECISIVE),
    (&["réservée", "aux", "abonnés"], DECISIVE),
    (&["déjà", "abonné"], DECISIVE),
    (&["tous", "droits", "réservés"], DECISIVE),
    (&["partager", "cet", "article"], DECISIVE),
    (&["suivez", "nous"], DECISIVE),
    (&["notre", "newsletter"], DECISIVE),
    (&["cliquez", "ici"], DECISIVE),
    (&["nous", "utilisons", "des", "cookies"], DECISIVE),
    (&["politique", "de", "confidentialité"], DECISIVE),
    (&["min", "de", "lecture"], DECISIVE),
    (&["abonnement"], 1),
    (&["abonner"], 1),
    (&["publicité"], 1),
    (&["newsletter"], 1),
    (&["partager"], 1),
    (&["cookies"], 1),
];

pub(super) const GERMAN_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["jetzt", "abonnieren"], DECISIVE),
    (&["jederzeit", "kündbar"], DECISIVE),
    (&["weiterlesen", "mit"], DECISIVE),
    (&["alle", "rechte", "vorbehalten"], DECISIVE),
    (&["artikel", "teilen"], DECISIVE),
    (&["folgen", "sie", "uns"], DECISIVE),
    (&["newsletter", "abonnieren"], DECISIVE),
    (&["hier", "klicken"], DECISIVE),
    (&["klicken", "sie", "hier"], DECISIVE),
    (&["wir", "verwenden", "cookies"], DECISIVE),
    (&["abonnieren"], 1),
    (&["abo"], 1),
    (&["anzeige"], 1),
    (&["werbung"], 1),
    (&["newsletter"], 1),
    (&["teilen"], 1),
    (&["datenschutzerklärung"], 1),
    (&["cookies"], 1),
];

pub(super) const SPANISH_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["suscríbete"], DECISIVE),
    (&["suscríbase"], DECISIVE),
    (&["seguir", "leyendo"], DECISIVE),
    (&["lee", "sin", "límites"], DECISIVE),
    (&["ya", "eres", "suscriptor"], DECISIVE),
    (&["todos", "los", "derechos", "reservados"], DECISIVE),
    (&["síguenos", "en"], DECISIVE),
    (&["haz", "clic", "aquí"], DECISIVE),
    (&["haga", "clic", "aquí"], DECISIVE),
    (&["pulsa", "aquí"], DECISIVE),
    (&["utilizamos", "cookies"], DECISIVE),
    (&["política", "de", "privacidad"], DECISIVE),
    (&["suscripción"], 1),
    (&["suscriptores"], 1),
    (&["publicidad"], 1),
    (&["boletín"], 1),
    (&["newsletter"], 1),
    (&["compartir"], 1),
    (&["comentar"], 1),
    (&["cookies"], 1),
];

/// Navigation headings before links to other articles, lower case.
pub(super) const FRENCH_LINK_CUES: &[&str] = &[
    "lire aussi",
    "à lire aussi",
    "lire également",
    "à lire également",
    "voir aussi",
    "sur le même sujet",
    "dans la même rubrique",
    "les plus lus",
    "articles liés",
    "en savoir plus",
    "à découvrir",
];

pub(super) const GERMAN_LINK_CUES: &[&str] = &[
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "mehr dazu",
    "zum thema",
    "auch interessant",
    "das könnte sie auch interessieren",
    "meistgelesen",
    "meistgelesene artikel",
    "weitere artikel",
    "verwandte artikel",
];

pub(super) const SPANISH_LINK_CUES: &[&str] = &[
    "lee también",
    "lea también",
    "leer más",
    "ver también",
    "te puede interesar",
    "también te puede interesar",
    "noticias relacionadas",
    "más información",
    "lo más leído",
    "archivado en",
];

/// "Par Jean Dupont", "Von Anna Schmidt", "Por María López".
pub(super) const FRENCH_BY_WORDS: &[&str] = &["Par", "PAR"];
pub(super) const GERMAN_BY_WORDS: &[&str] = &["Von", "VON"];
pub(super) const SPANISH_BY_WORDS: &[&str] = &["Por", "POR"];

/// Time zones of European pages.
pub(super) const EUROPEAN_TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "WET", "WEST", "CET", "CEST", "MEZ", "MESZ", "EET", "EEST",
];

pub(super) static FRENCH_DATES: DateWords = DateWords {
    months: &[
        ("janvier", 1),
        ("janv", 1),
        ("février", 2),
        ("fevrier", 2),
        ("févr", 2),
        ("fév", 2),
        ("mars", 3),
        ("avril", 4),
        ("avr", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("juil", 7),
        ("août", 8),
        ("aout", 8),
        ("septembre", 9),
        ("sept", 9),
        ("octobre", 10),
        ("oct", 10),
        ("novembre", 11),
        ("nov", 11),
        ("décembre", 12),
        ("decembre", 12),
        ("déc", 12),
    ],
    weekdays: &[
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    announcers: &[
        "publié",
        "publiée",
        "modifié",
        "modifiée",
        "actualisé",
        "actualisée",
        "mis",
    ],
    // "le 24", "à 15h10", "mis à jour le".
    fillers: &["le", "à", "jour", "et"],
    clock_words: &["h"],
    hour_letter: true,
};

pub(super) static GERMAN_DATES: DateWords = DateWords {
    months: &[
        ("januar", 1),
        ("jänner", 1),
        ("jan", 1),
        ("februar", 2),
        ("feb", 2),
        ("märz", 3),
        ("mär", 3),
        ("april", 4),
        ("apr", 4),
        ("mai", 5),
        ("juni", 6),
        ("jun", 6),
        ("juli", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sept", 9),
        ("sep", 9),
        ("oktober", 10),
        ("okt", 10),
        ("november", 11),
        ("nov", 11),
        ("dezember", 12),
        ("dez", 12),
    ],
    weekdays: &[
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonnabend",
        "sonntag",
    ],
    announcers: &[
        "stand",
        "aktualisiert",
        "veröffentlicht",
        "erstellt",
        "zuletzt",
    ],
    // "am 24. November", "um 15:42 Uhr".
    fillers: &["am", "um"],
    clock_words: &["uhr"],
    hour_letter: false,
};

pub(super) static SPANISH_DATES: DateWords = DateWords {
    months: &[
        ("enero", 1),
        ("ene", 1),
        ("febrero", 2),
        ("feb", 2),
        ("marzo", 3),
        ("mar", 3),
        ("abril", 4),
        ("abr", 4),
        ("mayo", 5),
        ("may", 5),
        ("junio", 6),
        ("jun", 6),
        ("julio", 7),
        ("jul", 7),
        ("agosto", 8),
        ("ago", 8),
        ("septiembre", 9),
        ("setiembre", 9),
        ("sept", 9),
        ("sep", 9),
        ("octubre", 10),
        ("oct", 10),
        ("noviembre", 11),
        ("nov", 11),
        ("diciembre", 12),
        ("dic", 12),
    ],
    weekdays: &[
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sabado",
        "domingo",
    ],
    announcers: &[
        "actualizado",
        "actualizada",
        "publicado",
        "publicada",
        "act",
    ],
    // "24 de noviembre de 2026 a las 16:12".
    fillers: &["de", "del", "el", "a", "las"],
    clock_words: &["h", "horas", "hrs"],
    hour_letter: false,
};
