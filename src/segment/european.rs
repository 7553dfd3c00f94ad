//! Word tables for French, German, Spanish, Italian, Portuguese and Dutch
//! pages: the page furniture of news sites in those languages
//! (subscription appeals, "read also" links, author lines) and the words
//! of their date stamps ("Publié le 24 novembre 2026 à 15h10", "Stand:
//! 24.11.2026, 15:42 Uhr", "Actualizado Lunes, 24 noviembre 2026 -
//! 16:12").
//!
//! Pasted pages in these languages came out with "Abonnez-vous à partir de
//! 1 €." and "Lire aussi : ..." as summary sentences and without a date.
//! The tables follow the English ones in [`super::classify`],
//! [`super::links`] and [`super::stamps`]: phrases that essentially never
//! occur in news prose weigh [`DECISIVE`]. Single words ("abonnement",
//! "Werbung", "compartir") are left out, unlike English's: in review, news
//! about subscriptions, advertising and sharing held three of them and
//! was lost as boilerplate; so were phrases that news uses ("politique de
//! confidentialité", "conteúdo exclusivo").
//! Credit formulas, staff roles and sentence-boundary words stay English
//! only.

use super::classify::DECISIVE;
use super::stamps::DateWords;

const FRENCH_APPEAL_TERMS: &[(&[&str], u32)] = &[
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
    (&["min", "de", "lecture"], DECISIVE),
    (&["temps", "de", "lecture"], DECISIVE),
    (&["sur", "un", "seul", "appareil"], DECISIVE),
];

const GERMAN_APPEAL_TERMS: &[(&[&str], u32)] = &[
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
    (&["rechte", "an", "diesem", "artikel"], DECISIVE),
];

const SPANISH_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["suscríbete"], DECISIVE),
    (&["suscríbase"], DECISIVE),
    (&["seguir", "leyendo"], DECISIVE),
    (&["sigue", "toda", "la", "información"], DECISIVE),
    (&["lee", "sin", "límites"], DECISIVE),
    (&["ya", "eres", "suscriptor"], DECISIVE),
    (&["todos", "los", "derechos", "reservados"], DECISIVE),
    (&["síguenos", "en"], DECISIVE),
    (&["haz", "clic", "aquí"], DECISIVE),
    (&["haga", "clic", "aquí"], DECISIVE),
    (&["pulsa", "aquí"], DECISIVE),
    (&["utilizamos", "cookies"], DECISIVE),
];

const ITALIAN_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["abbonati", "ora"], DECISIVE),
    (&["abbonati", "subito"], DECISIVE),
    (&["già", "abbonato"], DECISIVE),
    (&["riservato", "agli", "abbonati"], DECISIVE),
    (&["tutti", "i", "diritti", "riservati"], DECISIVE),
    (&["riproduzione", "riservata"], DECISIVE),
    (&["seguici", "su"], DECISIVE),
    (&["clicca", "qui"], DECISIVE),
    (&["iscriviti", "alla", "newsletter"], DECISIVE),
    (&["utilizziamo", "i", "cookie"], DECISIVE),
];

/// "Assine" alone is also the subjunctive of "to sign" ("que ele assine o
/// acordo"): only "assine já" counts.
const PORTUGUESE_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["assine", "já"], DECISIVE),
    (&["já", "é", "assinante"], DECISIVE),
    (&["exclusivo", "para", "assinantes"], DECISIVE),
    (&["você", "atingiu", "o", "limite"], DECISIVE),
    (&["todos", "os", "direitos", "reservados"], DECISIVE),
    (&["siga", "nos"], DECISIVE),
    (&["clique", "aqui"], DECISIVE),
    (&["inscreva", "se"], DECISIVE),
    (&["utilizamos", "cookies"], DECISIVE),
];

const DUTCH_APPEAL_TERMS: &[(&[&str], u32)] = &[
    (&["abonneer", "nu"], DECISIVE),
    (&["word", "abonnee"], DECISIVE),
    (&["al", "abonnee", "log", "in"], DECISIVE),
    (&["alleen", "voor", "abonnees"], DECISIVE),
    (&["alle", "rechten", "voorbehouden"], DECISIVE),
    (&["deel", "dit", "artikel"], DECISIVE),
    (&["volg", "ons"], DECISIVE),
    (&["klik", "hier"], DECISIVE),
    (&["wij", "gebruiken", "cookies"], DECISIVE),
    (&["we", "gebruiken", "cookies"], DECISIVE),
    (&["schrijf", "je", "in"], DECISIVE),
];

/// Navigation headings before links to other articles, lower case.
const FRENCH_LINK_CUES: &[&str] = &[
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

const GERMAN_LINK_CUES: &[&str] = &[
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

const SPANISH_LINK_CUES: &[&str] = &[
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

const ITALIAN_LINK_CUES: &[&str] = &[
    "leggi anche",
    "leggi di più",
    "vedi anche",
    "potrebbe interessarti",
    "ti potrebbe interessare",
    "articoli correlati",
    "i più letti",
    "approfondisci",
];

const PORTUGUESE_LINK_CUES: &[&str] = &[
    "leia também",
    "leia mais",
    "leia a seguir",
    "veja também",
    "veja mais",
    "saiba mais",
    "mais lidas",
    "notícias relacionadas",
];

const DUTCH_LINK_CUES: &[&str] = &[
    "lees ook",
    "lees meer",
    "lees verder",
    "bekijk ook",
    "ook interessant",
    "meer over dit onderwerp",
    "gerelateerde artikelen",
    "meest gelezen",
];

/// One language's tables: the word that starts an author line ("Par Jean
/// Dupont", as written and in capitals), appeal terms, link cues and date
/// words.
pub(super) struct Tables {
    pub(super) by_words: &'static [&'static str],
    pub(super) appeal_terms: &'static [(&'static [&'static str], u32)],
    pub(super) link_cues: &'static [&'static str],
    pub(super) dates: &'static DateWords,
}

pub(super) const FRENCH: Tables = Tables {
    by_words: &["Par", "PAR"],
    appeal_terms: FRENCH_APPEAL_TERMS,
    link_cues: FRENCH_LINK_CUES,
    dates: &FRENCH_DATES,
};

pub(super) const GERMAN: Tables = Tables {
    by_words: &["Von", "VON"],
    appeal_terms: GERMAN_APPEAL_TERMS,
    link_cues: GERMAN_LINK_CUES,
    dates: &GERMAN_DATES,
};

pub(super) const SPANISH: Tables = Tables {
    by_words: &["Por", "POR"],
    appeal_terms: SPANISH_APPEAL_TERMS,
    link_cues: SPANISH_LINK_CUES,
    dates: &SPANISH_DATES,
};

pub(super) const ITALIAN: Tables = Tables {
    by_words: &["Di", "DI", "di"],
    appeal_terms: ITALIAN_APPEAL_TERMS,
    link_cues: ITALIAN_LINK_CUES,
    dates: &ITALIAN_DATES,
};

pub(super) const PORTUGUESE: Tables = Tables {
    by_words: &["Por", "POR"],
    appeal_terms: PORTUGUESE_APPEAL_TERMS,
    link_cues: PORTUGUESE_LINK_CUES,
    dates: &PORTUGUESE_DATES,
};

pub(super) const DUTCH: Tables = Tables {
    by_words: &["Door", "DOOR"],
    appeal_terms: DUTCH_APPEAL_TERMS,
    link_cues: DUTCH_LINK_CUES,
    dates: &DUTCH_DATES,
};

/// Time zones of European pages.
pub(super) const EUROPEAN_TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "WET", "WEST", "CET", "CEST", "MEZ", "MESZ", "EET", "EEST",
];

static FRENCH_DATES: DateWords = DateWords {
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

static GERMAN_DATES: DateWords = DateWords {
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
    // "Stand" (as of) joins but does not announce: a chart's "Stand:
    // 30.09.2026" is no publication stamp without its clock time.
    announcers: &["aktualisiert", "veröffentlicht", "erstellt", "zuletzt"],
    // "am 24. November", "um 15:42 Uhr".
    fillers: &["am", "um", "stand"],
    clock_words: &["uhr"],
    hour_letter: false,
};

static SPANISH_DATES: DateWords = DateWords {
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

static ITALIAN_DATES: DateWords = DateWords {
    months: &[
        ("gennaio", 1),
        ("gen", 1),
        ("febbraio", 2),
        ("feb", 2),
        ("marzo", 3),
        ("mar", 3),
        ("aprile", 4),
        ("apr", 4),
        ("maggio", 5),
        ("mag", 5),
        ("giugno", 6),
        ("giu", 6),
        ("luglio", 7),
        ("lug", 7),
        ("agosto", 8),
        ("ago", 8),
        ("settembre", 9),
        ("sett", 9),
        ("set", 9),
        ("ottobre", 10),
        ("ott", 10),
        ("novembre", 11),
        ("nov", 11),
        ("dicembre", 12),
        ("dic", 12),
    ],
    weekdays: &[
        "lunedì",
        "lunedi",
        "martedì",
        "martedi",
        "mercoledì",
        "mercoledi",
        "giovedì",
        "giovedi",
        "venerdì",
        "venerdi",
        "sabato",
        "domenica",
    ],
    announcers: &[
        "pubblicato",
        "aggiornato",
        "modificato",
        "modifica",
        "ultimo",
        "aggiornamento",
    ],
    // "il 24 novembre 2026 alle ore 15:10".
    fillers: &["il", "alle", "ore"],
    clock_words: &[],
    hour_letter: false,
};

static PORTUGUESE_DATES: DateWords = DateWords {
    months: &[
        ("janeiro", 1),
        ("jan", 1),
        ("fevereiro", 2),
        ("fev", 2),
        ("março", 3),
        ("marco", 3),
        ("mar", 3),
        ("abril", 4),
        ("abr", 4),
        ("maio", 5),
        ("mai", 5),
        ("junho", 6),
        ("jun", 6),
        ("julho", 7),
        ("jul", 7),
        ("agosto", 8),
        ("ago", 8),
        ("setembro", 9),
        ("set", 9),
        ("outubro", 10),
        ("out", 10),
        ("novembro", 11),
        ("nov", 11),
        ("dezembro", 12),
        ("dez", 12),
    ],
    weekdays: &[
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ],
    announcers: &[
        "publicado",
        "publicada",
        "atualizado",
        "atualizada",
        "actualizado",
        "actualizada",
    ],
    // "em 24 de novembro de 2026 às 15h10", "a 24 de Novembro".
    fillers: &["em", "de", "às", "as", "a"],
    clock_words: &["h"],
    hour_letter: true,
};

static DUTCH_DATES: DateWords = DateWords {
    months: &[
        ("januari", 1),
        ("jan", 1),
        ("februari", 2),
        ("feb", 2),
        ("maart", 3),
        ("mrt", 3),
        ("april", 4),
        ("apr", 4),
        ("mei", 5),
        ("juni", 6),
        ("jun", 6),
        ("juli", 7),
        ("jul", 7),
        ("augustus", 8),
        ("aug", 8),
        ("september", 9),
        ("sept", 9),
        ("sep", 9),
        ("oktober", 10),
        ("okt", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ],
    weekdays: &[
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ],
    announcers: &["gepubliceerd", "bijgewerkt", "aangepast", "laatste"],
    // "op 24 november 2026 om 15.42 uur"; "Laatste update:".
    fillers: &["op", "om", "update"],
    clock_words: &["uur"],
    hour_letter: false,
};
