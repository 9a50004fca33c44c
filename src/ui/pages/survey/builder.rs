//! The survey builder (admins): title, intro and thank-you text; layout, anonymity and its
//! threshold; the wave schedule; questions of every kind with help text, required flag and
//! show-if logic, reordered, duplicated or deleted; a preview as members see it; and
//! import of SurveyJS definitions, listing what could not be imported.

use super::SurveyForm;
use crate::domain::error::{DomainError, FieldError};
use crate::domain::ids::{QuestionId, SurveyId};
use crate::domain::permissions::{can, Action};
use crate::domain::survey::surveyjs;
use crate::domain::survey::{
    AnswerValue, ChoiceOption, Condition, ConditionTest, Layout, Question, QuestionKind,
    RatingStyle, Recurrence, Schedule, Survey, THRESHOLD_DEFAULT,
};
use crate::domain::time::Timestamp;
use crate::store::community::OpError;
use crate::store::StoreExt;
use crate::ui::components::field_error::invalid;
use crate::ui::format::now;
use crate::ui::hooks::{
    new_id, use_i18n, use_navigator, use_notices, use_ops, use_store, use_viewer,
};
use crate::ui::i18n::{fill, Messages};
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/s/:id/edit`.
#[component]
pub fn SurveyEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let store_ctx = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let loaded = crate::ui::hooks::use_async(move || {
        let store = store_ctx.store();
        let id = id.get();
        async move { store.get_as::<Survey>(&id).await }
    });
    view! {
        <section class="g-page g-builder">
            {move || match loaded.get() {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::ui::components::ReadProblem error=Some(e)/> }.into_any(),
                Some(Ok(None)) => view! { <p>{move || i18n.t().survey_not_found}</p> }.into_any(),
                Some(Ok(Some(s))) => view! { <Builder survey=s/> }.into_any(),
            }}
        </section>
    }
}

/// `/surveys/new`.
#[component]
pub fn NewSurveyPage() -> impl IntoView {
    let at = now();
    let survey = Survey {
        id: SurveyId(new_id()),
        title: String::new(),
        intro: String::new(),
        thanks: String::new(),
        questions: vec![blank_question(QuestionKind::Nps)],
        layout: Layout::OnePage,
        anonymous: false,
        threshold: THRESHOLD_DEFAULT,
        schedule: Schedule {
            opens_at: at,
            open_days: 14,
            recurrence: Recurrence::Once,
            utc_offset_min: browser_offset(at),
        },
        published: Vec::new(),
        created_at: at,
        version: 0,
    };
    view! { <section class="g-page g-builder"><Builder survey=survey/></section> }
}

/// Minutes east of UTC of the browser's time zone at `at`.
fn browser_offset(at: Timestamp) -> i32 {
    -(js_sys::Date::new(&(at.0 as f64).into()).get_timezone_offset() as i32)
}

fn blank_question(kind: QuestionKind) -> Question {
    Question {
        id: QuestionId(format!("q{}", &new_id()[24..])),
        text: String::new(),
        help: String::new(),
        required: false,
        kind,
        show_if: None,
    }
}

const KINDS: [&str; 9] = [
    "nps",
    "csat",
    "rating",
    "emoji_slider",
    "single_choice",
    "multiple_choice",
    "yes_no",
    "short_text",
    "long_text",
];

fn kind_key(k: &QuestionKind) -> &'static str {
    match k {
        QuestionKind::Nps => "nps",
        QuestionKind::Csat => "csat",
        QuestionKind::Rating { .. } => "rating",
        QuestionKind::EmojiSlider { .. } => "emoji_slider",
        QuestionKind::SingleChoice { .. } => "single_choice",
        QuestionKind::MultipleChoice { .. } => "multiple_choice",
        QuestionKind::YesNo => "yes_no",
        QuestionKind::ShortText => "short_text",
        QuestionKind::LongText => "long_text",
    }
}

fn default_kind(key: &str, t: &Messages) -> QuestionKind {
    let options = || {
        vec![
            ChoiceOption {
                id: "a".into(),
                label: format!("{} 1", t.app().option_label),
            },
            ChoiceOption {
                id: "b".into(),
                label: format!("{} 2", t.app().option_label),
            },
        ]
    };
    match key {
        "csat" => QuestionKind::Csat,
        "rating" => QuestionKind::Rating {
            max: 5,
            style: RatingStyle::Stars,
        },
        "emoji_slider" => QuestionKind::EmojiSlider {
            emoji: "😊".into()
        },
        "single_choice" => QuestionKind::SingleChoice { options: options() },
        "multiple_choice" => QuestionKind::MultipleChoice {
            options: options(),
            min: 0,
            max: None,
            other: false,
        },
        "yes_no" => QuestionKind::YesNo,
        "short_text" => QuestionKind::ShortText,
        "long_text" => QuestionKind::LongText,
        _ => QuestionKind::Nps,
    }
}

/// The `datetime-local` value of `at` in the browser's time zone.
fn to_local_input(at: Timestamp) -> String {
    let d = js_sys::Date::new(&(at.0 as f64).into());
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn from_local_input(text: &str) -> Option<Timestamp> {
    let ms = js_sys::Date::new(&text.into()).get_time();
    (!ms.is_nan()).then_some(Timestamp(ms as i64))
}

#[component]
fn Builder(survey: Survey) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let notices = use_notices();
    let ops = use_ops();
    let navigator = use_navigator();
    let is_new = survey.version == 0;
    let s = RwSignal::new(survey);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let preview = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = s.get_untracked();
        ops.run(
            move |c| async move { c.save_survey(&current).await },
            move |r| {
                let t = i18n.t_untracked();
                match r {
                    Ok(saved) => {
                        errors.set(Vec::new());
                        notices.success(t.app().saved);
                        let id = saved.id.to_string();
                        s.set(saved);
                        if is_new {
                            if let Some(n) = navigator {
                                n.go(&routes::survey_edit(&id));
                            }
                        }
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => {
                        notices.error(t.app().fix_fields);
                        errors.set(e);
                    }
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    let err = move |field: &str| errors.with(|e| i18n.t().field_problems(e, field));
    let text_input = move |label: fn(&Messages) -> &'static str,
                           field: &'static str,
                           get: fn(&Survey) -> String,
                           set: fn(&mut Survey, String),
                           area: bool| {
        let id = format!("g-survey-{field}");
        let eid = format!("{id}-error");
        view! {
            <div class="g-field">
                <label class="g-field__label" for=id.clone()>{move || label(i18n.t())}</label>
                {if area {
                    view! { <textarea id=id class="g-textarea" rows="3" aria-describedby=eid.clone() aria-invalid=move || errors.with(|e| invalid(e, field))
                        prop:value=move || s.with(get) on:input=move |ev| { let v = event_target_value(&ev); s.update(|x| set(x, v)) }></textarea> }.into_any()
                } else {
                    view! { <input id=id class="g-input" type="text" aria-describedby=eid.clone() aria-invalid=move || errors.with(|e| invalid(e, field))
                        prop:value=move || s.with(get) on:input=move |ev| { let v = event_target_value(&ev); s.update(|x| set(x, v)) }/> }.into_any()
                }}
                <p id=eid class="g-field__error">{move || err(field)}</p>
            </div>
        }
    };
    view! {
        <Show when=move || can(viewer.role(), Action::ManageSurveys) fallback=move || view! { <p>{move || i18n.t().app().admins_only}</p> }>
            <p class="g-breadcrumb"><a href=routes::surveys()>{move || i18n.t().app().nav_surveys}</a></p>
            <h1>{move || if is_new { i18n.t().app().new_survey.to_owned() } else { fill(i18n.t().app().edit_survey, &[("title", &s.with(|s| s.title.clone()))]) }}</h1>
            <div class="g-toolbar">
                <button type="button" class="g-button" aria-pressed=move || if preview.get() { "true" } else { "false" } on:click=move |_| preview.update(|p| *p = !*p)>
                    {move || i18n.t().app().preview}
                </button>
                {(!is_new).then(|| {
                    let id = s.with_untracked(|s| s.id.to_string());
                    view! { <a class="g-button" href=routes::survey_results(&id)>{move || i18n.t().survey().see_results}</a> }
                })}
            </div>
            <Show when=move || preview.get()>
                <div class="g-preview" aria-label=move || i18n.t().app().preview>
                    {move || { let mut p = s.get(); p.schedule = Schedule { opens_at: Timestamp(0), open_days: 36_600, recurrence: Recurrence::Once, utc_offset_min: 0 }; p.id = SurveyId("preview".into()); view! { <SurveyForm survey=p preview=true/> } }}
                </div>
            </Show>
            <form class="g-form" on:submit=save novalidate>
                {text_input(|t| t.app().survey_title, "title", |s| s.title.clone(), |s, v| s.title = v, false)}
                {text_input(|t| t.app().survey_intro, "intro", |s| s.intro.clone(), |s, v| s.intro = v, true)}
                {text_input(|t| t.app().survey_thanks, "thanks", |s| s.thanks.clone(), |s, v| s.thanks = v, true)}
                <fieldset class="g-field g-editor">
                    <legend class="g-field__label">{move || i18n.t().app().survey_settings}</legend>
                    <label class="g-field g-field--inline">
                        <span class="g-field__label">{move || i18n.t().app().layout_label}</span>
                        <select class="g-select" on:change=move |ev| { let one = event_target_value(&ev) == "one"; s.update(|x| x.layout = if one { Layout::OnePerScreen } else { Layout::OnePage }) }>
                            <option value="page" selected=move || s.with(|x| x.layout == Layout::OnePage)>{move || i18n.t().app().layout_page}</option>
                            <option value="one" selected=move || s.with(|x| x.layout == Layout::OnePerScreen)>{move || i18n.t().app().layout_screen}</option>
                        </select>
                    </label>
                    <label class="g-choice">
                        <input type="checkbox" prop:checked=move || s.with(|x| x.anonymous) on:change=move |ev| { let v = event_target_checked(&ev); s.update(|x| x.anonymous = v) }/>
                        <span>{move || i18n.t().app().anonymous_label}</span>
                    </label>
                    <label class="g-field g-field--inline">
                        <span class="g-field__label">{move || i18n.t().app().threshold_label}</span>
                        <input class="g-input" type="number" min="3" max="10" aria-invalid=move || errors.with(|e| invalid(e, "threshold"))
                            prop:value=move || s.with(|x| x.threshold.to_string())
                            on:input=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<u8>() { s.update(|x| x.threshold = n) } }/>
                    </label>
                    <p class="g-field__error">{move || err("threshold")}</p>
                </fieldset>
                <ScheduleEditor s=s errors=errors/>
                <h2>{move || i18n.t().app().questions_heading}</h2>
                <p class="g-field__error">{move || err("questions")}</p>
                <For
                    each=move || s.with(|x| x.questions.iter().enumerate().map(|(i, q)| (i, q.id.clone(), x.questions.len())).collect::<Vec<_>>())
                    key=|k| k.clone()
                    children=move |(i, _, n)| view! { <QuestionEditor s=s index=i count=n errors=errors/> }
                />
                <AddQuestion s=s/>
                <ImportSurveyJs s=s/>
                <div class="g-form__actions">
                    <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>{move || i18n.t().app().save_changes}</button>
                </div>
            </form>
        </Show>
    }
}

#[component]
fn ScheduleEditor(s: RwSignal<Survey>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let rec = move || s.with(|x| x.schedule.recurrence.clone());
    view! {
        <fieldset class="g-field g-editor">
            <legend class="g-field__label">{move || i18n.t().app().schedule_label}</legend>
            <div class="g-inline-fields">
                <label class="g-field"><span class="g-field__label">{move || i18n.t().app().opens_at}</span>
                    <input class="g-input" type="datetime-local" prop:value=move || s.with(|x| to_local_input(x.schedule.opens_at))
                        on:change=move |ev| { if let Some(t) = from_local_input(&event_target_value(&ev)) { s.update(|x| { x.schedule.opens_at = t; x.schedule.utc_offset_min = browser_offset(t); }) } }/></label>
                <label class="g-field"><span class="g-field__label">{move || i18n.t().app().open_days}</span>
                    <input class="g-input" type="number" min="1" max="366" aria-invalid=move || errors.with(|e| invalid(e, "schedule.open_days"))
                        prop:value=move || s.with(|x| x.schedule.open_days.to_string())
                        on:input=move |ev| { if let Ok(n) = event_target_value(&ev).parse() { s.update(|x| x.schedule.open_days = n) } }/></label>
                <label class="g-field"><span class="g-field__label">{move || i18n.t().app().recurrence_label}</span>
                    <select class="g-select" on:change=move |ev| {
                        let r = match event_target_value(&ev).as_str() {
                            "weekly" => Recurrence::Weekly,
                            "monthly" => Recurrence::Monthly { nth: 1, weekday: 1 },
                            "quarterly" => Recurrence::Quarterly,
                            _ => Recurrence::Once,
                        };
                        s.update(|x| x.schedule.recurrence = r)
                    }>
                        {[("once", 0u8), ("weekly", 1), ("monthly", 2), ("quarterly", 3)].into_iter().map(|(v, n)| view! {
                            <option value=v selected=move || matches!((rec(), n), (Recurrence::Once, 0) | (Recurrence::Weekly, 1) | (Recurrence::Monthly { .. }, 2) | (Recurrence::Quarterly, 3))>
                                {move || i18n.t().recurrence_name(n)}
                            </option>
                        }).collect_view()}
                    </select></label>
                <Show when=move || matches!(rec(), Recurrence::Monthly { .. })>
                    <label class="g-field"><span class="g-field__label">{move || i18n.t().app().monthly_nth}</span>
                        <select class="g-select" on:change=move |ev| { let nth = event_target_value(&ev).parse().unwrap_or(1); s.update(|x| if let Recurrence::Monthly { nth: n, .. } = &mut x.schedule.recurrence { *n = nth }) }>
                            {(1..=5u8).map(|n| view! { <option value=n.to_string() selected=move || matches!(rec(), Recurrence::Monthly { nth, .. } if nth == n)>{move || i18n.t().nth_name(n)}</option> }).collect_view()}
                        </select></label>
                    <label class="g-field"><span class="g-field__label">{move || i18n.t().app().weekday_label}</span>
                        <select class="g-select" on:change=move |ev| { let wd = event_target_value(&ev).parse().unwrap_or(1); s.update(|x| if let Recurrence::Monthly { weekday, .. } = &mut x.schedule.recurrence { *weekday = wd }) }>
                            {(1..=7u8).map(|d| view! { <option value=d.to_string() selected=move || matches!(rec(), Recurrence::Monthly { weekday, .. } if weekday == d)>{move || i18n.t().weekday_name(d)}</option> }).collect_view()}
                        </select></label>
                </Show>
            </div>
            <p class="g-field__error">{move || errors.with(|e| i18n.t().field_problems(e, "schedule.open_days").or_else(|| i18n.t().field_problems(e, "schedule.recurrence")))}</p>
        </fieldset>
    }
}

#[component]
fn QuestionEditor(
    s: RwSignal<Survey>,
    index: usize,
    count: usize,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let q = move || s.with(|x| x.questions.get(index).cloned());
    let update = move |f: &dyn Fn(&mut Question)| {
        s.update(|x| {
            if let Some(q) = x.questions.get_mut(index) {
                f(q)
            }
        })
    };
    let f = move |name: &str| format!("questions[{index}].{name}");
    let err = move |name: &str| errors.with(|e| i18n.t().field_problems(e, &f(name)));
    let idp = format!("g-q{index}");
    let earlier = move || {
        s.with(|x| {
            x.questions[..index.min(x.questions.len())]
                .iter()
                .map(|q| (q.id.clone(), q.text.clone(), q.kind.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="g-editor g-question-editor">
            <legend class="g-field__label">{move || fill(i18n.t().app().question_n, &[("n", &(index + 1).to_string())])}</legend>
            <div class="g-inline-fields">
                <label class="g-field g-field--grow"><span class="g-field__label">{move || i18n.t().app().question_text}</span>
                    <input id=format!("{idp}-text") class="g-input" type="text" aria-invalid=move || errors.with(|e| invalid(e, &f("text")))
                        prop:value=move || q().map(|q| q.text).unwrap_or_default()
                        on:input=move |ev| { let v = event_target_value(&ev); update(&|q| q.text = v.clone()) }/></label>
                <label class="g-field"><span class="g-field__label">{move || i18n.t().app().question_type}</span>
                    <select class="g-select" on:change=move |ev| { let k = default_kind(&event_target_value(&ev), i18n.t_untracked()); update(&|q| q.kind = k.clone()) }>
                        {KINDS.into_iter().map(|k| view! { <option value=k selected=move || q().is_some_and(|q| kind_key(&q.kind) == k)>{move || i18n.t().kind_name(k)}</option> }).collect_view()}
                    </select></label>
            </div>
            <p class="g-field__error">{move || err("text")}</p>
            <label class="g-field"><span class="g-field__label">{move || i18n.t().app().help_text}</span>
                <input class="g-input" type="text" prop:value=move || q().map(|q| q.help).unwrap_or_default() on:input=move |ev| { let v = event_target_value(&ev); update(&|q| q.help = v.clone()) }/></label>
            <label class="g-choice">
                <input type="checkbox" prop:checked=move || q().is_some_and(|q| q.required) on:change=move |ev| { let v = event_target_checked(&ev); update(&|q| q.required = v) }/>
                <span>{move || i18n.t().survey().required}</span>
            </label>
            <KindSettings s=s index=index errors=errors/>
            <div class="g-field">
                <span class="g-field__label">{move || i18n.t().app().show_if}</span>
                <div class="g-inline-fields">
                    <select class="g-select" aria-label=move || i18n.t().app().show_if on:change=move |ev| {
                        let v = event_target_value(&ev);
                        // A sensible first test for the chosen question's kind.
                        let test = earlier().into_iter().find(|(id, _, _)| id.0 == v).map(|(_, _, kind)| match kind {
                            QuestionKind::Nps => ConditionTest::InRange { min: 0, max: 6 },
                            QuestionKind::Csat | QuestionKind::Rating { .. } => ConditionTest::InRange { min: 1, max: 2 },
                            QuestionKind::EmojiSlider { .. } => ConditionTest::InRange { min: 0, max: 40 },
                            QuestionKind::YesNo => ConditionTest::Equals(AnswerValue::Bool(true)),
                            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
                                ConditionTest::Equals(AnswerValue::Text(options.first().map(|o| o.id.clone()).unwrap_or_default()))
                            }
                            _ => ConditionTest::Equals(AnswerValue::Text(String::new())),
                        });
                        update(&|q| q.show_if = test.clone().map(|test| Condition { question: QuestionId(v.clone()), test }))
                    }>
                        <option value="" selected=move || q().is_some_and(|q| q.show_if.is_none())>{move || i18n.t().app().always_shown}</option>
                        {move || earlier().into_iter().map(|(id, text, _)| {
                            let sel = id.clone();
                            view! { <option value=id.0.clone() selected=move || q().and_then(|q| q.show_if).is_some_and(|c| c.question == sel)>{text}</option> }
                        }).collect_view()}
                    </select>
                    <Show when=move || q().is_some_and(|q| q.show_if.is_some())>
                        <ConditionEditor s=s index=index/>
                    </Show>
                </div>
                <p class="g-field__error">{move || err("show_if")}</p>
            </div>
            <div class="g-toolbar">
                <button type="button" class="g-button g-button--small" disabled={ index == 0 } on:click=move |_| s.update(|x| if index > 0 { x.questions.swap(index - 1, index) })>
                    {move || i18n.t().app().move_up_q}
                </button>
                <button type="button" class="g-button g-button--small" disabled={ index + 1 >= count } on:click=move |_| s.update(|x| if index + 1 < x.questions.len() { x.questions.swap(index, index + 1) })>
                    {move || i18n.t().app().move_down_q}
                </button>
                <button type="button" class="g-button g-button--small" on:click=move |_| s.update(|x| {
                    if let Some(q) = x.questions.get(index).cloned() {
                        let copy = Question { id: blank_question(QuestionKind::Nps).id, show_if: None, ..q };
                        x.questions.insert(index + 1, copy);
                    }
                })>{move || i18n.t().app().duplicate}</button>
                <button type="button" class="g-button g-button--small g-button--danger" on:click=move |_| s.update(|x| {
                    if index < x.questions.len() {
                        let gone = x.questions.remove(index).id;
                        for q in &mut x.questions {
                            if q.show_if.as_ref().is_some_and(|c| c.question == gone) {
                                q.show_if = None;
                            }
                        }
                    }
                })>{move || i18n.t().remove}</button>
            </div>
        </fieldset>
    }
}

#[component]
fn ConditionEditor(s: RwSignal<Survey>, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let cond = move || s.with(|x| x.questions.get(index).and_then(|q| q.show_if.clone()));
    let target_kind = move || {
        s.with(|x| {
            let c = x.questions.get(index)?.show_if.clone()?;
            x.questions
                .iter()
                .find(|q| q.id == c.question)
                .map(|q| q.kind.clone())
        })
    };
    let set_test = move |t: ConditionTest| {
        s.update(|x| {
            if let Some(c) = x.questions.get_mut(index).and_then(|q| q.show_if.as_mut()) {
                c.test = t
            }
        })
    };
    let numeric = move || {
        matches!(
            target_kind(),
            Some(
                QuestionKind::Nps
                    | QuestionKind::Csat
                    | QuestionKind::Rating { .. }
                    | QuestionKind::EmojiSlider { .. }
            )
        )
    };
    view! {
        {move || match (target_kind(), cond().map(|c| c.test)) {
            (Some(QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. }), test) => {
                let current = match test { Some(ConditionTest::Equals(AnswerValue::Text(v))) => v, _ => String::new() };
                view! {
                    <select class="g-select" aria-label=move || i18n.t().app().equals_label on:change=move |ev| set_test(ConditionTest::Equals(AnswerValue::Text(event_target_value(&ev))))>
                        <option value="">"—"</option>
                        {options.into_iter().map(|o| { let sel = o.id == current; view! { <option value=o.id.clone() selected=sel>{o.label.clone()}</option> } }).collect_view()}
                    </select>
                }.into_any()
            }
            (Some(QuestionKind::YesNo), test) => {
                let yes = matches!(test, Some(ConditionTest::Equals(AnswerValue::Bool(true))));
                view! {
                    <select class="g-select" aria-label=move || i18n.t().app().equals_label on:change=move |ev| set_test(ConditionTest::Equals(AnswerValue::Bool(event_target_value(&ev) == "yes")))>
                        <option value="yes" selected=yes>{move || i18n.t().survey().yes}</option>
                        <option value="no" selected=!yes>{move || i18n.t().survey().no}</option>
                    </select>
                }.into_any()
            }
            (_, test) if numeric() => {
                let (min, max) = match test { Some(ConditionTest::InRange { min, max }) => (min, max), _ => (0, 6) };
                view! {
                    <label class="g-field"><span class="g-field__label">{move || i18n.t().app().range_from}</span>
                        <input class="g-input" type="number" prop:value=min.to_string() on:change=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(min); set_test(ConditionTest::InRange { min: v, max }) }/></label>
                    <label class="g-field"><span class="g-field__label">{move || i18n.t().app().range_to}</span>
                        <input class="g-input" type="number" prop:value=max.to_string() on:change=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(max); set_test(ConditionTest::InRange { min, max: v }) }/></label>
                }.into_any()
            }
            (_, test) => {
                let current = match test { Some(ConditionTest::Equals(AnswerValue::Text(v))) => v, _ => String::new() };
                view! { <input class="g-input" type="text" aria-label=move || i18n.t().app().equals_label prop:value=current on:change=move |ev| set_test(ConditionTest::Equals(AnswerValue::Text(event_target_value(&ev))))/> }.into_any()
            }
        }}
    }
}

#[component]
fn KindSettings(
    s: RwSignal<Survey>,
    index: usize,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = move || s.with(|x| x.questions.get(index).map(|q| q.kind.clone()));
    let set = move |k: QuestionKind| {
        s.update(|x| {
            if let Some(q) = x.questions.get_mut(index) {
                q.kind = k
            }
        })
    };
    let err = move |name: &str| {
        errors.with(|e| {
            i18n.t()
                .field_problems(e, &format!("questions[{index}].{name}"))
        })
    };
    move || {
        match kind() {
        Some(QuestionKind::Rating { max, style }) => view! {
            <div class="g-inline-fields">
                <label class="g-field"><span class="g-field__label">{move || i18n.t().app().rating_max}</span>
                    <input class="g-input" type="number" min="2" max="10" prop:value=max.to_string()
                        on:change=move |ev| { let m = event_target_value(&ev).parse().unwrap_or(max); set(QuestionKind::Rating { max: m, style }) }/></label>
                <label class="g-choice"><input type="checkbox" prop:checked=style == RatingStyle::Stars
                    on:change=move |ev| set(QuestionKind::Rating { max, style: if event_target_checked(&ev) { RatingStyle::Stars } else { RatingStyle::Numbers } })/>
                    <span>{move || i18n.t().app().as_stars}</span></label>
            </div>
            <p class="g-field__error">{move || err("max")}</p>
        }
        .into_any(),
        Some(QuestionKind::EmojiSlider { emoji }) => view! {
            <label class="g-field"><span class="g-field__label">{move || i18n.t().app().emoji_label}</span>
                <input class="g-input" type="text" prop:value=emoji.clone() on:change=move |ev| set(QuestionKind::EmojiSlider { emoji: event_target_value(&ev) })/></label>
            <p class="g-field__error">{move || err("emoji")}</p>
        }
        .into_any(),
        Some(k @ (QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. })) => {
            let (options, multi) = match &k {
                QuestionKind::SingleChoice { options } => (options.clone(), None),
                QuestionKind::MultipleChoice { options, min, max, other } => (options.clone(), Some((*min, *max, *other))),
                _ => (Vec::new(), None),
            };
            let with_options = move |opts: Vec<ChoiceOption>| match multi {
                Some((min, max, other)) => QuestionKind::MultipleChoice { options: opts, min, max, other },
                None => QuestionKind::SingleChoice { options: opts },
            };
            let opts = StoredValue::new(options.clone());
            view! {
                <fieldset class="g-field">
                    <legend class="g-field__label">{move || i18n.t().app().options_label}</legend>
                    {options.iter().enumerate().map(|(j, o)| view! {
                        <div class="g-editor__row">
                            <input class="g-input g-field--grow" type="text" aria-label=move || fill(i18n.t().app().option_n, &[("n", &(j + 1).to_string())]) prop:value=o.label.clone()
                                on:change=move |ev| { let mut v = opts.get_value(); if let Some(o) = v.get_mut(j) { o.label = event_target_value(&ev); } set(with_options(v)) }/>
                            <button type="button" class="g-button g-button--small g-button--danger" on:click=move |_| { let mut v = opts.get_value(); if j < v.len() { v.remove(j); } set(with_options(v)) }>
                                {move || i18n.t().remove}
                            </button>
                        </div>
                    }).collect_view()}
                    <button type="button" class="g-button g-button--small" on:click=move |_| {
                        let mut v = opts.get_value();
                        let n = v.len() + 1;
                        v.push(ChoiceOption { id: format!("o{}", &new_id()[28..]), label: format!("{} {n}", i18n.t_untracked().app().option_label) });
                        set(with_options(v))
                    }>{move || i18n.t().app().add_option}</button>
                    <p class="g-field__error">{move || err("options")}</p>
                    {multi.map(|(min, max, other)| view! {
                        <div class="g-inline-fields">
                            <label class="g-field"><span class="g-field__label">{move || i18n.t().app().min_choices}</span>
                                <input class="g-input" type="number" min="0" prop:value=min.to_string() on:change=move |ev| { let m = event_target_value(&ev).parse().unwrap_or(min); set(QuestionKind::MultipleChoice { options: opts.get_value(), min: m, max, other }) }/></label>
                            <label class="g-field"><span class="g-field__label">{move || i18n.t().app().max_choices}</span>
                                <input class="g-input" type="number" min="0" prop:value=max.map(|m| m.to_string()).unwrap_or_default() on:change=move |ev| { let m = event_target_value(&ev).parse().ok().filter(|m: &u8| *m > 0); set(QuestionKind::MultipleChoice { options: opts.get_value(), min, max: m, other }) }/></label>
                            <label class="g-choice"><input type="checkbox" prop:checked=other on:change=move |ev| set(QuestionKind::MultipleChoice { options: opts.get_value(), min, max, other: event_target_checked(&ev) })/>
                                <span>{move || i18n.t().app().allow_other}</span></label>
                        </div>
                        <p class="g-field__error">{move || err("max")}</p>
                    })}
                </fieldset>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
    }
}

#[component]
fn AddQuestion(s: RwSignal<Survey>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new("nps".to_owned());
    view! {
        <div class="g-toolbar">
            <label class="g-field g-field--inline"><span class="g-field__label">{move || i18n.t().app().question_type}</span>
                <select class="g-select" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {KINDS.into_iter().map(|k| view! { <option value=k>{move || i18n.t().kind_name(k)}</option> }).collect_view()}
                </select></label>
            <button type="button" class="g-button" on:click=move |_| {
                let k = default_kind(&kind.get_untracked(), i18n.t_untracked());
                s.update(|x| x.questions.push(blank_question(k)))
            }>{move || i18n.t().app().add_question}</button>
        </div>
    }
}

#[component]
fn ImportSurveyJs(s: RwSignal<Survey>) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let skipped = RwSignal::new(Vec::<surveyjs::Skipped>::new());
    let run = move |_| match surveyjs::import(&text.get_untracked()) {
        Ok(imported) => {
            let n = imported.questions.len();
            s.update(|x| {
                if x.title.trim().is_empty() {
                    x.title = imported.title.clone();
                }
                if x.intro.trim().is_empty() {
                    x.intro = imported.intro.clone();
                }
                x.questions = imported.questions.clone();
            });
            skipped.set(imported.skipped);
            notices.success(fill(
                i18n.t_untracked().app().imported_n,
                &[("n", &n.to_string())],
            ));
        }
        Err(e) => notices.error(match e {
            surveyjs::ImportError::NotJson(m) => {
                fill(i18n.t_untracked().app().import_not_json, &[("error", &m)])
            }
            surveyjs::ImportError::NotASurvey => {
                i18n.t_untracked().app().import_not_survey.to_owned()
            }
        }),
    };
    view! {
        <section class="g-editor">
            <button type="button" class="g-button" aria-expanded=move || if open.get() { "true" } else { "false" } on:click=move |_| open.update(|o| *o = !*o)>
                {move || i18n.t().app().import_surveyjs}
            </button>
            <Show when=move || open.get()>
                <div class="g-field">
                    <label class="g-field__label" for="g-surveyjs">{move || i18n.t().app().import_paste}</label>
                    <textarea id="g-surveyjs" class="g-textarea" rows="8" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <p class="g-field__hint">{move || i18n.t().app().import_hint}</p>
                    <button type="button" class="g-button" on:click=run>{move || i18n.t().app().import_run}</button>
                </div>
            </Show>
            <Show when=move || !skipped.with(Vec::is_empty)>
                <div class="g-banner g-banner--warning" role="status">
                    <h3 class="g-banner__title">{move || i18n.t().app().import_skipped}</h3>
                    <ul>{move || skipped.get().into_iter().map(|k| view! { <li><code>{k.name.clone()}</code> ": " {move || i18n.t().skip_reason(&k.reason)}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </section>
    }
}
