//! Checking a survey definition before it is saved; every problem names its field
//! (`questions[2].options`, `schedule.open_days`) so the builder can show it there.

use super::{ConditionTest, QuestionKind, Recurrence, Survey, THRESHOLD_MAX, THRESHOLD_MIN};
use crate::domain::error::{check_len, FieldError, Problem};
use std::collections::HashSet;

fn invalid(field: String, expected: &str) -> FieldError {
    FieldError::new(
        field,
        Problem::Invalid {
            expected: expected.to_owned(),
        },
    )
}

/// The problems of a survey definition (empty when it is valid).
pub fn validate_survey(s: &Survey) -> Vec<FieldError> {
    let mut e = Vec::new();
    check_len("title", &s.title, 3, 120, &mut e);
    check_len("intro", &s.intro, 0, 2_000, &mut e);
    check_len("thanks", &s.thanks, 0, 2_000, &mut e);
    if s.questions.is_empty() {
        e.push(FieldError::new("questions", Problem::Required));
    }
    if !(THRESHOLD_MIN..=THRESHOLD_MAX).contains(&s.threshold) {
        e.push(FieldError::new(
            "threshold",
            Problem::OutOfRange {
                min: THRESHOLD_MIN.into(),
                max: THRESHOLD_MAX.into(),
            },
        ));
    }
    if !(1..=366).contains(&s.schedule.open_days) {
        e.push(FieldError::new(
            "schedule.open_days",
            Problem::OutOfRange { min: 1, max: 366 },
        ));
    }
    if let Recurrence::Monthly { nth, weekday } = s.schedule.recurrence {
        if !(1..=5).contains(&nth) || !(1..=7).contains(&weekday) {
            e.push(invalid(
                "schedule.recurrence".into(),
                "the 1st–4th or last Monday–Sunday",
            ));
        }
    }
    if s.schedule.utc_offset_min.abs() > 14 * 60 {
        e.push(FieldError::new(
            "schedule.utc_offset_min",
            Problem::OutOfRange {
                min: -840,
                max: 840,
            },
        ));
    }
    let mut ids = HashSet::new();
    for (i, q) in s.questions.iter().enumerate() {
        let f = |name: &str| format!("questions[{i}].{name}");
        if q.id.as_str().is_empty() || !ids.insert(q.id.clone()) {
            e.push(invalid(f("id"), "a unique id"));
        }
        check_len(&f("text"), &q.text, 1, 300, &mut e);
        check_len(&f("help"), &q.help, 0, 500, &mut e);
        match &q.kind {
            QuestionKind::Rating { max, .. } if !(2..=10).contains(max) => e.push(FieldError::new(
                f("max"),
                Problem::OutOfRange { min: 2, max: 10 },
            )),
            QuestionKind::EmojiSlider { emoji }
                if emoji.trim().is_empty() || emoji.chars().count() > 8 =>
            {
                e.push(invalid(f("emoji"), "one emoji"))
            }
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. } => {
                if options.len() < 2 {
                    e.push(invalid(f("options"), "at least two options"));
                }
                let mut seen = HashSet::new();
                for (j, o) in options.iter().enumerate() {
                    check_len(
                        &format!("questions[{i}].options[{j}]"),
                        &o.label,
                        1,
                        200,
                        &mut e,
                    );
                    if o.id.is_empty() || !seen.insert(o.id.clone()) {
                        e.push(invalid(
                            format!("questions[{i}].options[{j}].id"),
                            "a unique option id",
                        ));
                    }
                }
                if let QuestionKind::MultipleChoice {
                    min, max, other, ..
                } = &q.kind
                {
                    let most = options.len() + usize::from(*other);
                    if usize::from(*min) > most
                        || max.is_some_and(|m| m < *min || m == 0 || usize::from(m) > most)
                    {
                        e.push(invalid(
                            f("max"),
                            "a minimum no larger than the maximum, within the number of options",
                        ));
                    }
                }
            }
            _ => {}
        }
        if let Some(c) = &q.show_if {
            let earlier = s.questions[..i].iter().find(|p| p.id == c.question);
            match earlier {
                None => e.push(invalid(f("show_if"), "a condition on an earlier question")),
                Some(p) => {
                    let numeric = matches!(
                        p.kind,
                        QuestionKind::Nps
                            | QuestionKind::Csat
                            | QuestionKind::Rating { .. }
                            | QuestionKind::EmojiSlider { .. }
                    );
                    if let ConditionTest::InRange { min, max } = c.test {
                        if !numeric || min > max {
                            e.push(invalid(
                                f("show_if"),
                                "a range on a numeric question, lowest first",
                            ));
                        }
                    }
                }
            }
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::domain::survey::{ChoiceOption, Condition, Question};
    use crate::domain::time::Timestamp;

    fn pulse() -> Survey {
        demo::generate(Timestamp::parse("2026-11-24T10:00:00Z").unwrap(), 1)
            .surveys
            .remove(0)
    }

    #[test]
    fn the_demo_survey_is_valid() {
        assert_eq!(validate_survey(&pulse()), vec![]);
    }

    #[test]
    fn problems_name_their_fields() {
        let mut s = pulse();
        s.title = "x".into();
        s.threshold = 2;
        s.questions[4].kind = QuestionKind::SingleChoice {
            options: vec![ChoiceOption {
                id: "a".into(),
                label: "A".into(),
            }],
        };
        s.questions[0].show_if = Some(Condition {
            question: "csat".into(),
            test: ConditionTest::InRange { min: 1, max: 2 },
        });
        s.questions.push(Question {
            id: "nps".into(),
            ..s.questions[0].clone()
        });
        let fields: Vec<String> = validate_survey(&s).into_iter().map(|e| e.field).collect();
        for f in [
            "title",
            "threshold",
            "questions[4].options",
            "questions[0].show_if",
            "questions[8].id",
        ] {
            assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
        }
    }
}
