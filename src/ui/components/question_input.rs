//! The answer control of one survey question, keyboard-operable throughout: NPS, CSAT and
//! ratings are native radio groups (arrows move, digits pick a value: type 1 then 0 for
//! 10), the emoji slider is a native range input (arrows, Page Up/Down, Home/End), choices
//! are radios or checkboxes with an optional "Other" text.

use crate::domain::survey::{Answer, Question, QuestionKind, RatingStyle};
use crate::ui::hooks::use_i18n;
use crate::ui::i18n::fill;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    static LAST_DIGIT: Cell<(f64, i64)> = const { Cell::new((0.0, -1)) };
}

/// The value typed with digit keys: a single digit, or two digits in quick succession
/// ("1" then "0" gives 10) when the scale goes that high.
fn digit_value(key: &str, max: i64) -> Option<i64> {
    let d = key.parse::<i64>().ok().filter(|d| (0..=9).contains(d))?;
    let now = js_sys::Date::now();
    let (at, prev) = LAST_DIGIT.with(Cell::get);
    let value = if now - at < 800.0 && prev >= 0 && prev * 10 + d <= max {
        prev * 10 + d
    } else {
        d
    };
    LAST_DIGIT.with(|c| c.set((now, d)));
    Some(value)
}

/// One question's answer control.
#[component]
pub fn QuestionInput(
    /// The question.
    question: Question,
    /// Its current answer.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with the new answer (`None` clears it).
    on_change: Callback<Option<Answer>>,
    /// Problem with the answer, shown under it.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Prefix making element ids unique on the page.
    prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("{prefix}-{}", question.id);
    let err_id = format!("{base}-error");
    let help_id = format!("{base}-help");
    let described = format!("{help_id} {err_id}");
    let fieldset_described = described.clone();
    let scale_base = base.clone();
    let score = move || match answer.get() {
        Some(Answer::Score(n)) => Some(n),
        _ => None,
    };
    let scale = move |values: Vec<(i64, String)>, wide: bool| {
        let name = scale_base.clone();
        let max = values.last().map_or(10, |v| v.0);
        let min = values.first().map_or(0, |v| v.0);
        view! {
            <div
                class="g-scale"
                class:g-scale--wide=wide
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if let Some(v) = digit_value(&ev.key(), max).filter(|v| (min..=max).contains(v)) {
                        ev.prevent_default();
                        on_change.run(Some(Answer::Score(v)));
                    }
                }
            >
                {values
                    .into_iter()
                    .map(|(v, label)| {
                        let name = name.clone();
                        view! {
                            <label class="g-scale__option">
                                <input type="radio" name=name value=v.to_string() prop:checked=move || score() == Some(v)
                                    on:change=move |_| on_change.run(Some(Answer::Score(v)))/>
                                <span aria-hidden="true">{label.clone()}</span>
                                <span class="g-visually-hidden">{v.to_string()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        }
    };
    let control = match question.kind.clone() {
        QuestionKind::Nps => view! {
            {scale((0..=10).map(|v| (v, v.to_string())).collect(), true)}
            <p class="g-scale__ends" aria-hidden="true">
                <span>{move || i18n.t().survey().nps_low}</span><span>{move || i18n.t().survey().nps_high}</span>
            </p>
        }
        .into_any(),
        QuestionKind::Csat => view! {
            {scale((1..=5).map(|v| (v, ["😞", "🙁", "😐", "🙂", "😄"][(v - 1) as usize].to_owned())).collect(), false)}
            <p class="g-scale__ends" aria-hidden="true">
                <span>{move || i18n.t().survey().csat_low}</span><span>{move || i18n.t().survey().csat_high}</span>
            </p>
        }
        .into_any(),
        QuestionKind::Rating { max, style } => {
            let star = style == RatingStyle::Stars;
            let values = (1..=i64::from(max))
                .map(|v| (v, if star { "★".to_owned() } else { v.to_string() }))
                .collect();
            view! { <div class:g-stars=star>{scale(values, false)}</div> }.into_any()
        }
        QuestionKind::EmojiSlider { emoji } => {
            let id = format!("{prefix}-{}-range", question.id);
            view! {
                <div class="g-slider" style=("--g-pos", move || format!("{}%", score().unwrap_or(50)))>
                    <span class="g-slider__emoji" aria-hidden="true">{emoji.clone()}</span>
                    <input
                        id=id
                        class="g-slider__input"
                        class:g-slider__input--unset=move || score().is_none()
                        type="range"
                        min="0"
                        max="100"
                        step="1"
                        aria-label=question.text.clone()
                        aria-describedby=described.clone()
                        aria-valuetext=move || match score() {
                            Some(v) => fill(i18n.t().survey().slider_value, &[("n", &v.to_string())]),
                            None => i18n.t().survey().not_answered.to_owned(),
                        }
                        prop:value=move || score().unwrap_or(50).to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<i64>() {
                                on_change.run(Some(Answer::Score(v.clamp(0, 100))));
                            }
                        }
                    />
                    <p class="g-slider__value" aria-hidden="true">
                        {move || score().map(|v| v.to_string()).unwrap_or_else(|| i18n.t().survey().not_answered.to_owned())}
                    </p>
                </div>
            }
            .into_any()
        }
        QuestionKind::SingleChoice { options } => {
            let name = base.clone();
            view! {
                <div class="g-options">
                    {options.into_iter().map(|o| {
                        let id = o.id.clone();
                        let pick = o.id.clone();
                        let name = name.clone();
                        view! {
                            <label class="g-choice">
                                <input type="radio" name=name prop:checked=move || answer.get() == Some(Answer::Choice(id.clone()))
                                    on:change=move |_| on_change.run(Some(Answer::Choice(pick.clone())))/>
                                <span>{o.label.clone()}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        QuestionKind::MultipleChoice { options, other, .. } => {
            let current = move || match answer.get() {
                Some(Answer::Choices { selected, other }) => (selected, other),
                _ => (Vec::new(), None),
            };
            let other_open = RwSignal::new(current().1.is_some());
            let emit = move |selected: Vec<String>, text: Option<String>| {
                if selected.is_empty() && text.as_deref().is_none_or(str::is_empty) && !other_open.get_untracked() {
                    on_change.run(None);
                } else {
                    on_change.run(Some(Answer::Choices { selected, other: text }));
                }
            };
            let other_label = format!("{base}-other");
            view! {
                <div class="g-options">
                    {options.into_iter().map(|o| {
                        let id = o.id.clone();
                        let toggle = o.id.clone();
                        view! {
                            <label class="g-choice">
                                <input type="checkbox" prop:checked=move || current().0.contains(&id)
                                    on:change=move |ev| {
                                        let (mut sel, text) = current();
                                        if event_target_checked(&ev) { sel.push(toggle.clone()) } else { sel.retain(|s| s != &toggle) }
                                        emit(sel, text);
                                    }/>
                                <span>{o.label.clone()}</span>
                            </label>
                        }
                    }).collect_view()}
                    {other.then(|| view! {
                        <label class="g-choice">
                            <input type="checkbox" prop:checked=move || other_open.get()
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    other_open.set(on);
                                    let (sel, text) = current();
                                    emit(sel, if on { text } else { None });
                                }/>
                            <span>{move || i18n.t().survey().other_option}</span>
                        </label>
                        <Show when=move || other_open.get()>
                            <input class="g-input" type="text" aria-label=move || i18n.t().survey().other_option
                                id=other_label.clone()
                                prop:value=move || current().1.unwrap_or_default()
                                on:input=move |ev| { let (sel, _) = current(); emit(sel, Some(event_target_value(&ev))); }/>
                        </Show>
                    })}
                </div>
            }
            .into_any()
        }
        QuestionKind::YesNo => {
            let name = base.clone();
            let name2 = base.clone();
            view! {
                <div class="g-options g-options--row">
                    <label class="g-choice">
                        <input type="radio" name=name prop:checked=move || answer.get() == Some(Answer::Bool(true)) on:change=move |_| on_change.run(Some(Answer::Bool(true)))/>
                        <span>{move || i18n.t().survey().yes}</span>
                    </label>
                    <label class="g-choice">
                        <input type="radio" name=name2 prop:checked=move || answer.get() == Some(Answer::Bool(false)) on:change=move |_| on_change.run(Some(Answer::Bool(false)))/>
                        <span>{move || i18n.t().survey().no}</span>
                    </label>
                </div>
            }
            .into_any()
        }
        QuestionKind::ShortText | QuestionKind::LongText => {
            let long = matches!(question.kind, QuestionKind::LongText);
            let id = format!("{base}-text");
            let text = move || match answer.get() {
                Some(Answer::Text(t)) => t,
                _ => String::new(),
            };
            let set = move |ev| {
                let v = event_target_value(&ev);
                on_change.run((!v.is_empty()).then_some(Answer::Text(v)));
            };
            if long {
                view! { <textarea id=id class="g-textarea" rows="4" aria-label=question.text.clone() aria-describedby=described.clone() prop:value=text on:input=set></textarea> }.into_any()
            } else {
                view! { <input id=id class="g-input" type="text" aria-label=question.text.clone() aria-describedby=described.clone() prop:value=text on:input=set/> }.into_any()
            }
        }
    };
    let required = question.required;
    view! {
        <fieldset class="g-question" aria-describedby=fieldset_described aria-invalid=move || error.get().is_some().then_some("true")>
            <legend class="g-question__text">
                {question.text.clone()}
                {required.then(|| view! { <span class="g-required">" *"<span class="g-visually-hidden">{move || i18n.t().survey().required}</span></span> })}
            </legend>
            <p id=help_id class="g-field__hint">{question.help.clone()}</p>
            {control}
            <p id=err_id class="g-field__error" aria-live="polite">{move || error.get().unwrap_or_default()}</p>
        </fieldset>
    }
}
