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
