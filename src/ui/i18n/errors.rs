//! Errors in the viewer's language: field problems, broken community rules and storage
//! failures, each saying what happened and what to do.

use super::Messages;
use crate::domain::error::{DomainError, FieldError, Problem};
use crate::domain::locale::Locale;
use crate::store::StoreError;

impl Messages {
    /// A field problem, as shown next to the field.
    pub fn problem(&self, p: &Problem) -> String {
        match (self.locale, p) {
            (Locale::En, Problem::Required) => "This field is required.".into(),
            (Locale::Pl, Problem::Required) => "To pole jest wymagane.".into(),
            (Locale::En, Problem::TooShort { min }) => format!("Use at least {min} characters."),
            (Locale::Pl, Problem::TooShort { min }) => format!("Wpisz co najmniej {min} znaki."),
            (Locale::En, Problem::TooLong { max, len }) => {
                format!("Use at most {max} characters (now {len}).")
            }
            (Locale::Pl, Problem::TooLong { max, len }) => {
                format!("Wpisz najwyżej {max} znaków (teraz {len}).")
            }
            (Locale::En, Problem::OutOfRange { min, max }) => {
                format!("Enter a number from {min} to {max}.")
            }
            (Locale::Pl, Problem::OutOfRange { min, max }) => {
                format!("Wpisz liczbę od {min} do {max}.")
            }
            (Locale::En, Problem::Invalid { expected }) => format!("Expected {expected}."),
            (Locale::Pl, Problem::Invalid { expected }) => format!("Oczekiwano: {expected}."),
            (Locale::En, Problem::Taken) => "This is already used; choose another.".into(),
            (Locale::Pl, Problem::Taken) => "To jest już zajęte; wybierz coś innego.".into(),
        }
    }

    /// The problems of one field, joined.
    pub fn field_problems(&self, errors: &[FieldError], field: &str) -> Option<String> {
        let found: Vec<String> = errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| self.problem(&e.problem))
            .collect();
        (!found.is_empty()).then(|| found.join(" "))
    }

    /// A broken community rule.
    pub fn domain_error(&self, e: &DomainError) -> String {
        match (self.locale, e) {
            (_, DomainError::Invalid(errors)) => {
                errors.iter().map(|f| format!("{}: {}", f.field, self.problem(&f.problem))).collect::<Vec<_>>().join(" ")
            }
            (Locale::En, DomainError::Forbidden { action, needed }) => {
                format!("Only a {needed} can {action}. Switch role or ask a {needed}.")
            }
            (Locale::Pl, DomainError::Forbidden { action, needed }) => {
                format!("Tylko rola „{needed}” może: {action}. Zmień rolę lub poproś osobę z tą rolą.")
            }
            (Locale::En, DomainError::VotingClosed) => "Voting on this idea is closed.".into(),
            (Locale::Pl, DomainError::VotingClosed) => "Głosowanie na ten pomysł jest zamknięte.".into(),
            (Locale::En, DomainError::BudgetExhausted { budget }) => format!(
                "You have used all {budget} votes on this board. Remove a vote, or wait until an idea you voted for is closed."
            ),
            (Locale::Pl, DomainError::BudgetExhausted { budget }) => format!(
                "Wykorzystano wszystkie głosy na tej tablicy ({budget}). Wycofaj jakiś głos albo poczekaj, aż pomysł, na który głosowano, zostanie zamknięty."
            ),
            (Locale::En, DomainError::SignInRequired) => {
                "This board accepts only signed-in members. Choose a member in “Acting as”.".into()
            }
            (Locale::Pl, DomainError::SignInRequired) => {
                "Ta tablica przyjmuje tylko zalogowanych członków. Wybierz osobę w polu „Działasz jako”.".into()
            }
            (Locale::En, DomainError::SlowMode { wait_s }) => {
                format!("Slow mode is on: you can post again in {}.", wait_text(Locale::En, *wait_s))
            }
            (Locale::Pl, DomainError::SlowMode { wait_s }) => {
                format!("Włączono tryb powolny: możesz pisać ponownie za {}.", wait_text(Locale::Pl, *wait_s))
            }
            (Locale::En, DomainError::NotFound { what }) => format!("{what} was not found; it may have been removed."),
            (Locale::Pl, DomainError::NotFound { what }) => format!("Nie znaleziono: {what}; mogło zostać usunięte."),
        }
    }

    /// A storage failure.
    pub fn store_error(&self, e: &StoreError) -> String {
        match (self.locale, e) {
            (Locale::En, _) => {
                let mut s = e.to_string();
                if let Some(first) = s.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                s + "."
            }
            (Locale::Pl, StoreError::Conflict { expected, actual, .. }) => format!(
                "Ktoś zmienił to w międzyczasie (Twoja wersja: {expected}, zapisana: {actual}). Odśwież i wprowadź zmianę ponownie."
            ),
            (Locale::Pl, StoreError::AlreadyExists { .. }) => "Taki wpis już istnieje.".into(),
            (Locale::Pl, StoreError::NotFound { .. }) => "Nie znaleziono wpisu; mógł zostać usunięty w innym miejscu.".into(),
            (Locale::Pl, StoreError::QuotaExceeded) => "Pamięć przeglądarki jest pełna, więc tej zmiany nie zapisano (nic wcześniej zapisanego nie zginęło). Wyeksportuj i usuń stare dane albo poproś administratora o serwer.".into(),
            (Locale::Pl, StoreError::NewerSchema { found, supported }) => format!(
                "Te dane zapisała nowsza wersja Gromady (schemat {found}, ta wersja czyta do {supported}). Są tylko do odczytu i pozostają nienaruszone; zaktualizuj Gromadę, aby je edytować."
            ),
            (Locale::Pl, StoreError::Unreadable { id, reason, .. }) => {
                format!("Wpisu {id} nie da się odczytać ({reason}); pozostaje nienaruszony i ukryty.")
            }
            (Locale::Pl, StoreError::Malformed(m)) => format!("Nieprawidłowe dane: {m}."),
            (Locale::Pl, StoreError::Unavailable(m)) => format!("Pamięć danych jest niedostępna: {m}."),
            (Locale::Pl, StoreError::Offline { reason }) => format!("Nie można połączyć się z serwerem ({reason}); spróbuj za chwilę (zmiany już przyjęte w tej przeglądarce są przechowywane i zostaną wysłane, gdy serwer odpowie)."),
            (Locale::Pl, StoreError::Busy { status, .. }) => format!("Serwer chwilowo nie działa (HTTP {status}); spróbuj za chwilę (zmiany już przyjęte w tej przeglądarce są przechowywane i zostaną wysłane ponownie)."),
            (Locale::Pl, StoreError::Rejected { status, reason }) => format!("Serwer odrzucił tę zmianę (HTTP {status}: {reason}); popraw ją i spróbuj ponownie albo ją odrzuć."),
            (Locale::Pl, StoreError::BadResponse(m)) => format!("Serwer przysłał odpowiedź, której Gromada nie umie odczytać ({m}); nic tu nie zmieniono: sprawdź adres serwera i zgodność z docs/backend.md."),
        }
    }
}

/// "2 min 5 s" in the language.
pub fn wait_text(locale: Locale, seconds: i64) -> String {
    let (m, s) = (seconds.max(0) / 60, seconds.max(0) % 60);
    match (locale, m) {
        (Locale::En, 0) => format!("{s} s"),
        (Locale::Pl, 0) => format!("{s} s"),
        (_, m) => format!("{m} min {s} s"),
    }
}

impl Messages {
    /// A report reason's name.
    pub fn report_reason_name(&self, r: crate::domain::moderation::ReportReason) -> &'static str {
        use crate::domain::moderation::ReportReason::*;
        match (self.locale, r) {
            (Locale::En, Spam) => "Spam or advertising",
            (Locale::En, Abuse) => "Insulting or abusive",
            (Locale::En, OffTopic) => "Off topic",
            (Locale::En, Other) => "Something else",
            (Locale::Pl, Spam) => "Spam lub reklama",
            (Locale::Pl, Abuse) => "Obraźliwe",
            (Locale::Pl, OffTopic) => "Nie na temat",
            (Locale::Pl, Other) => "Coś innego",
        }
    }

    /// Why a post is held, in words.
    pub fn hold_reason(&self, r: &crate::domain::idea::HoldReason) -> String {
        use crate::domain::idea::HoldReason::*;
        match (self.locale, r) {
            (Locale::En, BoardApproval) => "Held: this board approves every post".into(),
            (Locale::En, WordFilter(w)) => format!("Held: contains “{w}” from the word filter"),
            (Locale::En, BareLink) => "Held: mostly a link without context".into(),
            (Locale::En, Reported) => "Hidden: reported by several members".into(),
            (Locale::Pl, BoardApproval) => "Wstrzymane: ta tablica zatwierdza każdy wpis".into(),
            (Locale::Pl, WordFilter(w)) => format!("Wstrzymane: zawiera „{w}” z filtra słów"),
            (Locale::Pl, BareLink) => "Wstrzymane: głównie link bez kontekstu".into(),
            (Locale::Pl, Reported) => "Ukryte: zgłoszone przez kilka osób".into(),
        }
    }

    /// A lane's name.
    pub fn lane_name(&self, lane: crate::domain::board::Lane) -> &'static str {
        use crate::domain::board::Lane::*;
        match (self.locale, lane) {
            (Locale::En, Open) => "Open (votable)",
            (Locale::En, Active) => "Active (votable)",
            (Locale::En, Closed) => "Closed (no votes)",
            (Locale::Pl, Open) => "Otwarty (głosowanie)",
            (Locale::Pl, Active) => "W toku (głosowanie)",
            (Locale::Pl, Closed) => "Zamknięty (bez głosów)",
        }
    }

    /// A moderation decision, for the log.
    pub fn decision_name(&self, d: &crate::domain::moderation::Decision) -> String {
        use crate::domain::moderation::Decision::*;
        let en = self.locale == Locale::En;
        match d {
            Approve => if en { "Approved" } else { "Zatwierdzono" }.into(),
            Reject => if en { "Rejected" } else { "Odrzucono" }.into(),
            Edit => if en { "Edited" } else { "Zmieniono treść" }.into(),
            DismissReports => if en {
                "Kept, reports dismissed"
            } else {
                "Zostawiono, odrzucono zgłoszenia"
            }
            .into(),
            Status(from, to) => format!("Status: {from} → {to}"),
            Merge(into) => format!("{} {into}", if en { "Merged into" } else { "Scalono z" }),
            WordFilter => if en {
                "Word filter changed"
            } else {
                "Zmieniono filtr słów"
            }
            .into(),
        }
    }
}

impl Messages {
    /// A text answer's tone.
    pub fn tone_name(&self, t: crate::domain::survey::Tone) -> &'static str {
        use crate::domain::survey::Tone::*;
        match (self.locale, t) {
            (Locale::En, Positive) => "positive",
            (Locale::En, Neutral) => "neutral",
            (Locale::En, Negative) => "negative",
            (Locale::Pl, Positive) => "pozytywna",
            (Locale::Pl, Neutral) => "neutralna",
            (Locale::Pl, Negative) => "negatywna",
        }
    }

    /// A question kind's name (keys as in the builder).
    pub fn kind_name(&self, key: &str) -> &'static str {
        let en = self.locale == Locale::En;
        match key {
            "nps" => "NPS (0–10)",
            "csat" => {
                if en {
                    "Satisfaction (CSAT, 1–5)"
                } else {
                    "Zadowolenie (CSAT, 1–5)"
                }
            }
            "rating" => {
                if en {
                    "Rating"
                } else {
                    "Ocena"
                }
            }
            "emoji_slider" => {
                if en {
                    "Emoji slider"
                } else {
                    "Suwak z emoji"
                }
            }
            "single_choice" => {
                if en {
                    "Single choice"
                } else {
                    "Jednokrotny wybór"
                }
            }
            "multiple_choice" => {
                if en {
                    "Multiple choice"
                } else {
                    "Wielokrotny wybór"
                }
            }
            "yes_no" => {
                if en {
                    "Yes / no"
                } else {
                    "Tak / nie"
                }
            }
            "short_text" => {
                if en {
                    "Short text"
                } else {
                    "Krótki tekst"
                }
            }
            _ => {
                if en {
                    "Long text"
                } else {
                    "Długi tekst"
                }
            }
        }
    }

    /// A recurrence's name (0 once, 1 weekly, 2 monthly, 3 quarterly).
    pub fn recurrence_name(&self, n: u8) -> &'static str {
        match (self.locale, n) {
            (Locale::En, 0) => "Once",
            (Locale::En, 1) => "Every week",
            (Locale::En, 2) => "Every month",
            (Locale::En, _) => "Every quarter",
            (Locale::Pl, 0) => "Jednorazowo",
            (Locale::Pl, 1) => "Co tydzień",
            (Locale::Pl, 2) => "Co miesiąc",
            (Locale::Pl, _) => "Co kwartał",
        }
    }

    /// "first" … "fourth", "last".
    pub fn nth_name(&self, n: u8) -> &'static str {
        let en = ["first", "second", "third", "fourth", "last"];
        let pl = ["pierwszy", "drugi", "trzeci", "czwarty", "ostatni"];
        let i = usize::from(n.clamp(1, 5) - 1);
        if self.locale == Locale::En {
            en[i]
        } else {
            pl[i]
        }
    }

    /// ISO weekday name, 1 = Monday.
    pub fn weekday_name(&self, d: u8) -> &'static str {
        let en = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let pl = [
            "poniedziałek",
            "wtorek",
            "środa",
            "czwartek",
            "piątek",
            "sobota",
            "niedziela",
        ];
        let i = usize::from(d.clamp(1, 7) - 1);
        if self.locale == Locale::En {
            en[i]
        } else {
            pl[i]
        }
    }

    /// Why part of a SurveyJS definition was not imported.
    pub fn skip_reason(&self, r: &crate::domain::survey::surveyjs::SkipReason) -> String {
        use crate::domain::survey::surveyjs::SkipReason::*;
        let en = self.locale == Locale::En;
        match r {
            InputType(t) => {
                if en {
                    format!("input type “{t}” was imported as short text")
                } else {
                    format!("pole typu „{t}” zaimportowano jako krótki tekst")
                }
            }
            SingleChoiceOther => {
                if en {
                    "the “Other” field of a single-choice question was not imported".into()
                } else {
                    "pole „Inne” pytania jednokrotnego wyboru nie zostało zaimportowane".into()
                }
            }
            TooFewChoices => {
                if en {
                    "needs at least two fixed choices (choices from a URL or another question are not supported)".into()
                } else {
                    "wymaga co najmniej dwóch stałych odpowiedzi (odpowiedzi z adresu lub innego pytania nie są obsługiwane)".into()
                }
            }
            RateValues => {
                if en {
                    "custom rating values were not imported; a plain scale is used".into()
                } else {
                    "własnych wartości oceny nie zaimportowano; użyto zwykłej skali".into()
                }
            }
            RatingRange(a, b) => {
                if en {
                    format!("a rating from {a} to {b} is not supported (only 0–10 or 1 to 2…10)")
                } else {
                    format!(
                        "ocena od {a} do {b} nie jest obsługiwana (tylko 0–10 lub od 1 do 2…10)"
                    )
                }
            }
            NoType => {
                if en {
                    "an element without a type was not imported".into()
                } else {
                    "element bez typu nie został zaimportowany".into()
                }
            }
            UnsupportedType(t) => {
                if en {
                    format!("question type “{t}” is not supported")
                } else {
                    format!("typ pytania „{t}” nie jest obsługiwany")
                }
            }
            Condition(c) => {
                if en {
                    format!("condition “{c}” was not imported (only “{{question}} = value” is); the question is always shown")
                } else {
                    format!("warunku „{c}” nie zaimportowano (obsługiwany jest tylko „{{question}} = wartość”); pytanie jest zawsze widoczne")
                }
            }
            PanelCondition => {
                if en {
                    "the panel's condition was not imported; its questions are always shown".into()
                } else {
                    "warunku panelu nie zaimportowano; jego pytania są zawsze widoczne".into()
                }
            }
            PageCondition => {
                if en {
                    "the page's condition was not imported; its questions are always shown".into()
                } else {
                    "warunku strony nie zaimportowano; jej pytania są zawsze widoczne".into()
                }
            }
            CompletedHtml => {
                if en {
                    "the thank-you HTML was not imported; write the thank-you text in the builder"
                        .into()
                } else {
                    "podziękowania w HTML nie zaimportowano; wpisz podziękowanie w edytorze".into()
                }
            }
            Triggers => {
                if en {
                    "triggers are not supported".into()
                } else {
                    "wyzwalacze nie są obsługiwane".into()
                }
            }
            CalculatedValues => {
                if en {
                    "calculated values are not supported".into()
                } else {
                    "wartości obliczane nie są obsługiwane".into()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::error::DomainError;
    use crate::store::{Collection, StoreError};
    use crate::ui::i18n::{EN, PL};

    #[test]
    fn errors_read_well_in_both_languages() {
        let e = StoreError::Conflict {
            collection: Collection::Ideas,
            id: "i".into(),
            expected: 2,
            actual: 3,
        };
        assert!(EN
            .store_error(&e)
            .starts_with("This idea was changed elsewhere"));
        assert!(PL.store_error(&e).contains("Odśwież"));
        assert!(PL
            .domain_error(&DomainError::BudgetExhausted { budget: 10 })
            .contains("10"));
        assert_eq!(
            EN.domain_error(&DomainError::SlowMode { wait_s: 125 }),
            "Slow mode is on: you can post again in 2 min 5 s."
        );
    }
}
