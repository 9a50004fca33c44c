//! Survey logic: which questions are shown given earlier answers (show-if), and checking
//! a response before it is stored (required answers, ranges, choices, lengths). Answers
//! to questions that end up hidden are dropped, not stored.

use super::{Answer, AnswerValue, ConditionTest, Question, QuestionKind, Survey};
use crate::domain::error::{FieldError, Problem};
use crate::domain::ids::{QuestionId, ResponseId, SurveyId};
use crate::domain::member::Actor;
use std::collections::BTreeMap;

/// Longest short-text answer, in characters.
pub const SHORT_TEXT_MAX: usize = 200;
/// Longest long-text answer, in characters.
pub const LONG_TEXT_MAX: usize = 5_000;

fn values(answer: &Answer) -> Vec<AnswerValue> {
    match answer {
        Answer::Score(n) => vec![AnswerValue::Number(*n)],
        Answer::Choice(c) => vec![AnswerValue::Text(c.clone())],
        Answer::Choices { selected, .. } => {
            selected.iter().cloned().map(AnswerValue::Text).collect()
        }
        Answer::Bool(b) => vec![AnswerValue::Bool(*b)],
        Answer::Text(t) => vec![AnswerValue::Text(t.clone())],
    }
}

fn passes(answer: &Answer, test: &ConditionTest) -> bool {
    let vals = values(answer);
    match test {
        ConditionTest::Equals(v) => vals.contains(v),
        ConditionTest::OneOf(vs) => vals.iter().any(|v| vs.contains(v)),
        ConditionTest::InRange { min, max } => vals
            .iter()
            .any(|v| matches!(v, AnswerValue::Number(n) if n >= min && n <= max)),
    }
}

/// Whether `question` is shown, given the answers to the questions shown before it.
pub fn answer_visible(question: &Question, shown_answers: &BTreeMap<QuestionId, Answer>) -> bool {
    match &question.show_if {
        None => true,
        Some(c) => shown_answers
            .get(&c.question)
            .is_some_and(|a| passes(a, &c.test)),
    }
}

/// The questions shown for `answers`, in order. A question whose condition refers to a
/// hidden question is hidden too.
pub fn visible_questions<'a>(
    survey: &'a Survey,
    answers: &BTreeMap<QuestionId, Answer>,
) -> Vec<&'a Question> {
    let mut shown_answers = BTreeMap::new();
    let mut out = Vec::new();
    for q in &survey.questions {
        if answer_visible(q, &shown_answers) {
            if let Some(a) = answers.get(&q.id) {
                shown_answers.insert(q.id.clone(), a.clone());
            }
            out.push(q);
        }
    }
    out
}

fn field(q: &Question) -> String {
    format!("answers.{}", q.id)
}

fn check_answer(q: &Question, answer: &Answer) -> Result<Option<Answer>, Problem> {
    let range = |n: i64, min: i64, max: i64| {
        if (min..=max).contains(&n) {
            Ok(Some(Answer::Score(n)))
        } else {
            Err(Problem::OutOfRange { min, max })
        }
    };
    let invalid = |expected: &str| {
        Err(Problem::Invalid {
            expected: expected.to_owned(),
        })
    };
    match (&q.kind, answer) {
        (QuestionKind::Nps, Answer::Score(n)) => range(*n, 0, 10),
        (QuestionKind::Csat, Answer::Score(n)) => range(*n, 1, 5),
        (QuestionKind::Rating { max, .. }, Answer::Score(n)) => range(*n, 1, i64::from(*max)),
        (QuestionKind::EmojiSlider { .. }, Answer::Score(n)) => range(*n, 0, 100),
        (QuestionKind::SingleChoice { options }, Answer::Choice(c)) => {
            if options.iter().any(|o| &o.id == c) {
                Ok(Some(answer.clone()))
            } else {
                invalid("one of the options")
            }
        }
        (
            QuestionKind::MultipleChoice {
                options,
                min,
                max,
                other,
            },
            Answer::Choices {
                selected,
                other: text,
            },
        ) => {
            let mut picked: Vec<String> = Vec::new();
            for s in selected {
                if !options.iter().any(|o| &o.id == s) {
                    return invalid("only the listed options");
                }
                if !picked.contains(s) {
                    picked.push(s.clone());
                }
            }
            let other_text = text
                .as_deref()
                .map(crate::domain::text::single_line)
                .filter(|t| !t.is_empty());
            if other_text.is_some() && !other {
                return invalid("only the listed options");
            }
            if other_text
                .as_ref()
                .is_some_and(|t| t.chars().count() > SHORT_TEXT_MAX)
            {
                return Err(Problem::TooLong {
                    max: SHORT_TEXT_MAX,
                    len: other_text.map_or(0, |t| t.chars().count()),
                });
            }
            let count = picked.len() + usize::from(other_text.is_some());
            if count == 0 {
                return Ok(None);
            }
            let max = max.map_or(options.len() + 1, usize::from);
            if count < usize::from(*min) || count > max {
                return Err(Problem::OutOfRange {
                    min: i64::from(*min),
                    max: max as i64,
                });
            }
            // Keep the options' order, whatever the click order was.
            picked.sort_by_key(|s| options.iter().position(|o| &o.id == s));
            Ok(Some(Answer::Choices {
                selected: picked,
                other: other_text,
            }))
        }
        (QuestionKind::YesNo, Answer::Bool(_)) => Ok(Some(answer.clone())),
        (QuestionKind::ShortText, Answer::Text(t)) => {
            let t = crate::domain::text::single_line(t);
            let len = t.chars().count();
            if len > SHORT_TEXT_MAX {
                return Err(Problem::TooLong {
                    max: SHORT_TEXT_MAX,
                    len,
                });
            }
            Ok((!t.is_empty()).then_some(Answer::Text(t)))
        }
        (QuestionKind::LongText, Answer::Text(t)) => {
            let t = t.replace("\r\n", "\n").trim().to_owned();
            let len = t.chars().count();
            if len > LONG_TEXT_MAX {
                return Err(Problem::TooLong {
                    max: LONG_TEXT_MAX,
                    len,
                });
            }
            Ok((!t.is_empty()).then_some(Answer::Text(t)))
        }
        _ => invalid("an answer of this question's type"),
    }
}

/// Checks answers against the survey: every shown, required question answered, every
/// answer valid for its question. Returns the answers to store (cleaned; hidden and empty
/// ones dropped) or the problems per question (field `answers.<question id>`).
pub fn check_response(
    survey: &Survey,
    answers: &BTreeMap<QuestionId, Answer>,
) -> Result<BTreeMap<QuestionId, Answer>, Vec<FieldError>> {
    let mut kept = BTreeMap::new();
    let mut errors = Vec::new();
    for q in &survey.questions {
        if !answer_visible(q, &kept) {
            continue;
        }
        match answers.get(&q.id).map(|a| check_answer(q, a)) {
            Some(Ok(Some(a))) => {
                kept.insert(q.id.clone(), a);
            }
            Some(Err(p)) => errors.push(FieldError::new(field(q), p)),
            Some(Ok(None)) | None => {
                if q.required {
                    errors.push(FieldError::new(field(q), Problem::Required));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(kept)
    } else {
        Err(errors)
    }
}

/// The id of `respondent`'s response to `wave`: one per respondent and wave, so a second
/// submission collides (and becomes an edit). For anonymous surveys `respondent` is the
/// device, whose id is hashed with the survey so it cannot be joined with other data.
pub fn response_id(
    survey: &SurveyId,
    wave: u32,
    respondent: &Actor,
    anonymous: bool,
) -> ResponseId {
    if anonymous {
        // FNV-1a (stable across Rust versions, unlike the std hasher).
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in survey
            .as_str()
            .bytes()
            .chain([0])
            .chain(respondent.key().bytes())
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        ResponseId(format!("resp:{survey}:{wave}:g.{h:016x}"))
    } else {
        ResponseId(format!("resp:{survey}:{wave}:{}", respondent.key()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::{ChoiceOption, Condition, Layout, Schedule};
    use crate::domain::time::Timestamp;

    fn q(id: &str, kind: QuestionKind, required: bool) -> Question {
        Question {
            id: QuestionId::from(id),
            text: id.into(),
            help: String::new(),
            required,
            kind,
            show_if: None,
        }
    }

    fn opts(ids: &[&str]) -> Vec<ChoiceOption> {
        ids.iter()
            .map(|i| ChoiceOption {
                id: (*i).into(),
                label: i.to_uppercase(),
            })
            .collect()
    }

    fn survey(questions: Vec<Question>) -> Survey {
        Survey {
            id: "s".into(),
            title: "S".into(),
            intro: String::new(),
            thanks: String::new(),
            questions,
            layout: Layout::OnePage,
            anonymous: false,
            threshold: 5,
            schedule: Schedule {
                opens_at: Timestamp(0),
                open_days: 7,
                recurrence: Default::default(),
                utc_offset_min: 0,
            },
            published: vec![],
            created_at: Timestamp(0),
            version: 1,
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<QuestionId, Answer> {
        pairs
            .iter()
            .map(|(k, v)| (QuestionId::from(*k), v.clone()))
            .collect()
    }

    #[test]
    fn show_if_chains_and_hidden_answers_are_dropped() {
        let mut why = q("why", QuestionKind::LongText, true);
        why.show_if = Some(Condition {
            question: "nps".into(),
            test: ConditionTest::InRange { min: 0, max: 6 },
        });
        let mut more = q("more", QuestionKind::YesNo, true);
        more.show_if = Some(Condition {
            question: "why".into(),
            test: ConditionTest::Equals(AnswerValue::Text("x".into())),
        });
        let s = survey(vec![q("nps", QuestionKind::Nps, true), why, more]);
        let happy = answers(&[
            ("nps", Answer::Score(9)),
            ("why", Answer::Text("ignored".into())),
        ]);
        assert_eq!(visible_questions(&s, &happy).len(), 1);
        assert_eq!(
            check_response(&s, &happy).unwrap(),
            answers(&[("nps", Answer::Score(9))])
        );
        let unhappy = answers(&[("nps", Answer::Score(3))]);
        let err = check_response(&s, &unhappy).unwrap_err();
        assert_eq!(err[0].field, "answers.why");
        assert_eq!(err[0].problem, Problem::Required);
    }

    #[test]
    fn ranges_choices_and_lengths() {
        let s = survey(vec![
            q("nps", QuestionKind::Nps, false),
            q("csat", QuestionKind::Csat, false),
            q(
                "r",
                QuestionKind::Rating {
                    max: 7,
                    style: Default::default(),
                },
                false,
            ),
            q(
                "one",
                QuestionKind::SingleChoice {
                    options: opts(&["a", "b"]),
                },
                false,
            ),
            q(
                "many",
                QuestionKind::MultipleChoice {
                    options: opts(&["a", "b", "c"]),
                    min: 1,
                    max: Some(2),
                    other: true,
                },
                false,
            ),
            q("short", QuestionKind::ShortText, false),
        ]);
        let bad = |k: &str, a: Answer| {
            check_response(&s, &answers(&[(k, a)])).unwrap_err()[0]
                .problem
                .clone()
        };
        assert_eq!(
            bad("nps", Answer::Score(11)),
            Problem::OutOfRange { min: 0, max: 10 }
        );
        assert_eq!(
            bad("csat", Answer::Score(0)),
            Problem::OutOfRange { min: 1, max: 5 }
        );
        assert_eq!(
            bad("r", Answer::Score(8)),
            Problem::OutOfRange { min: 1, max: 7 }
        );
        assert!(matches!(
            bad("one", Answer::Choice("z".into())),
            Problem::Invalid { .. }
        ));
        assert!(matches!(
            bad("nps", Answer::Text("9".into())),
            Problem::Invalid { .. }
        ));
        let three = Answer::Choices {
            selected: vec!["a".into(), "b".into()],
            other: Some("own".into()),
        };
        assert_eq!(bad("many", three), Problem::OutOfRange { min: 1, max: 2 });
        assert!(matches!(
            bad("short", Answer::Text("x".repeat(201))),
            Problem::TooLong { max: 200, len: 201 }
        ));
        let ok = check_response(
            &s,
            &answers(&[(
                "many",
                Answer::Choices {
                    selected: vec!["c".into(), "a".into(), "c".into()],
                    other: None,
                },
            )]),
        )
        .unwrap();
        assert_eq!(
            ok[&QuestionId::from("many")],
            Answer::Choices {
                selected: vec!["a".into(), "c".into()],
                other: None
            }
        );
        let empty = check_response(&s, &answers(&[("short", Answer::Text("   ".into()))])).unwrap();
        assert!(empty.is_empty(), "blank text is no answer");
    }

    #[test]
    fn one_response_id_per_respondent_and_wave_anonymous_ids_do_not_leak_the_device() {
        let m = Actor::Member("m1".into());
        assert_eq!(
            response_id(&"s".into(), 2, &m, false).as_str(),
            "resp:s:2:m:m1"
        );
        let d = Actor::Device("dev-123".into());
        let a = response_id(&"s".into(), 2, &d, true);
        assert!(!a.as_str().contains("dev-123"));
        assert_eq!(a, response_id(&"s".into(), 2, &d, true));
        assert_ne!(
            a,
            response_id(&"s2".into(), 2, &d, true),
            "not linkable across surveys"
        );
    }
}
