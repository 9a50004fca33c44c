//! Answering a survey: all questions on one page or one per screen, a progress bar,
//! answers kept in this browser while typing (and restored after a reload), one response
//! per member and wave (editable until the wave closes), and afterwards the thank-you
//! text with the latest published results.

use crate::domain::error::DomainError;
use crate::domain::error::FieldError;
use crate::domain::ids::{QuestionId, SurveyId};
use crate::domain::survey::{visible_questions, Answer, Layout, Survey};
use crate::store::community::OpError;
use crate::store::StoreExt;
use crate::ui::app::AppInfo;
use crate::ui::components::{PlainText, QuestionInput};
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_notices, use_ops, use_store, use_viewer, Prefs};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;

/// `/s/:id`.
#[component]
pub fn SurveyAnswerPage() -> impl IntoView {
    let i18n = use_i18n();
    let store_ctx = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let survey = crate::ui::hooks::use_async(move || {
        let store = store_ctx.store();
        let id = id.get();
        async move { store.get_as::<Survey>(&id).await }
    });
    view! {
        <section class="g-page g-page--narrow g-survey">
            {move || match survey.get() {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::ui::components::ReadProblem error=Some(e)/> }.into_any(),
                Some(Ok(None)) => view! { <h1>{move || i18n.t().not_found_title}</h1><p>{move || i18n.t().survey_not_found}</p> }.into_any(),
                Some(Ok(Some(s))) => view! { <SurveyForm survey=s/> }.into_any(),
            }}
        </section>
    }
}

fn draft_key(survey: &SurveyId, wave: u32) -> String {
    format!("draft:{survey}:{wave}")
}

/// The answering form of a survey (the page, the survey embed and, with `only`, the
/// one-question pulse widget).
#[component]
pub fn SurveyForm(
    /// The survey.
    survey: Survey,
    /// Only this question (the pulse widget).
    #[prop(default = None)]
    only: Option<QuestionId>,
    /// Embedded: the results link opens the full app in a new tab.
    #[prop(optional)]
    embedded: bool,
    /// Preview (the builder): answers are checked but not stored.
    #[prop(optional)]
    preview: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let viewer = use_viewer();
    let ops = use_ops();
    let info = use_context::<AppInfo>();
    let prefs = StoredValue::new(Prefs::new(
        info.as_ref().map_or("default", |i| i.namespace.as_str()),
    ));
    let now = format::now();
    let wave = survey.schedule.wave_at(now);
    let s = StoredValue::new(survey.clone());
    let heading = view! {
        <h1 class="g-survey__title">{survey.title.clone()}</h1>
        {(only.is_none()).then(|| view! { <PlainText text=survey.intro.clone()/> })}
    };
    let Some((wave, true)) = wave else {
        let status = survey.clone();
        return view! {
            {heading}
            <p class="g-banner g-banner--info">{move || super::wave_status(&status, i18n.t(), i18n.locale())}</p>
            <p><a href=routes::survey_results(survey.id.as_str()) target=embedded.then_some("_blank")>{move || i18n.t().survey().see_results}</a></p>
        }
        .into_any();
    };
    let answers = RwSignal::new(BTreeMap::<QuestionId, Answer>::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let done = RwSignal::new(false);
    let step = RwSignal::new(0usize);
    // Restore: the stored response (editing), else the draft typed in this browser.
    let key = draft_key(&survey.id, wave);
    let restore_key = key.clone();
    // Read again for whoever acts: after a reload the members (and so the viewer) may be
    // known only after the survey, and the first read is then an anonymous one.
    let existing = crate::ui::hooks::use_async(move || {
        let actor = viewer.actor();
        let c = ops.community();
        async move {
            if preview {
                return (actor, Ok(None));
            }
            (actor, c.my_response(&s.get_value(), wave).await)
        }
    });
    // Whom the form was last filled for.
    let restored = RwSignal::new(None::<crate::domain::member::Actor>);
    // A failed read of the stored answer is said (the form would otherwise look unanswered).
    let restore_error = RwSignal::new(None::<crate::store::StoreError>);
    Effect::new(move |_| {
        let Some((actor, found)) = existing.get() else {
            return;
        };
        if restored.with_untracked(|r| r.as_ref() == Some(&actor)) {
            return;
        }
        let found = match found {
            Ok(found) => {
                restore_error.set(None);
                found
            }
            Err(crate::store::community::OpError::Store(e)) => {
                restore_error.set(Some(e));
                None
            }
            Err(crate::store::community::OpError::Rule(_)) => None,
        };
        restored.set(Some(actor));
        let draft: Option<BTreeMap<QuestionId, Answer>> = prefs
            .with_value(|p| p.get(&restore_key))
            .and_then(|raw| serde_json::from_str(&raw).ok());
        match (draft, found) {
            // A draft that is what was sent (its clearing was missed) is no draft.
            (Some(d), Some(r)) if d == r.answers => {
                prefs.with_value(|p| p.remove(&restore_key));
                answers.set(r.answers);
                done.set(true);
            }
            (Some(d), _) => {
                answers.set(d);
                done.set(false);
            }
            (None, Some(r)) => {
                answers.set(r.answers);
                done.set(true);
            }
            (None, None) => {
                answers.set(BTreeMap::new());
                done.set(false);
            }
        }
    });
    let save_key = StoredValue::new(key.clone());
    let set_answer = move |q: QuestionId, a: Option<Answer>| {
        answers.update(|m| match a {
            Some(a) => {
                m.insert(q, a);
            }
            None => {
                m.remove(&q);
            }
        });
        if let Ok(raw) = serde_json::to_string(&answers.get_untracked()) {
            save_key.with_value(|k| prefs.with_value(|p| p.set(k, &raw)));
        }
    };
    let only_filter = only.clone();
    let is_pulse = only.is_some();
    let visible = Memo::new(move |_| {
        let only = &only_filter;
        let a = answers.get();
        s.with_value(|s| {
            let qs: Vec<_> = visible_questions(s, &a)
                .into_iter()
                .filter(|q| only.as_ref().is_none_or(|o| &q.id == o))
                .cloned()
                .collect();
            qs
        })
    });
    let one_per_screen = survey.layout == Layout::OnePerScreen && !is_pulse;
    let error_for = move |q: &QuestionId| {
        let field = format!("answers.{q}");
        errors.with(|e| i18n.t().field_problems(e, &field))
    };
    let clear_key = StoredValue::new(key.clone());
    let only_q = StoredValue::new(only.clone());
    let submit = move || {
        let survey = s.get_value();
        let a = answers.get_untracked();
        let only = only_q.get_value();
        let clear_key = clear_key.get_value();
        // Kept by value: the form may be built again (fresh data) while the answer is sent,
        // and the draft must still be cleared when it lands.
        let prefs_now = prefs.get_value();
        ops.run(
            move |c| async move {
                if preview {
                    return crate::domain::survey::check_response(&survey, &a)
                        .map(|answers| crate::domain::survey::Response {
                            id: crate::domain::ids::ResponseId("preview".into()),
                            survey_id: survey.id.clone(),
                            wave: 0,
                            respondent: None,
                            answers,
                            submitted_at: c.now,
                            updated_at: None,
                            version: 0,
                        })
                        .map_err(|e| DomainError::Invalid(e).into());
                }
                match only {
                    Some(q) => match a.get(&q).cloned() {
                        Some(answer) => c.answer_one(&survey, &q, answer).await,
                        None => Err(DomainError::Invalid(vec![FieldError::new(
                            format!("answers.{q}"),
                            crate::domain::error::Problem::Required,
                        )])
                        .into()),
                    },
                    None => c.answer(&survey, &a).await,
                }
            },
            move |r| {
                let t = i18n.t_untracked();
                match r {
                    Ok(_) => {
                        prefs_now.remove(&clear_key);
                        errors.set(Vec::new());
                        done.set(true);
                        notices.success(t.survey().answer_saved);
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => {
                        // One question per screen: go to the first question with a problem.
                        if let Some(first) = e.first() {
                            if let Some(pos) = visible
                                .try_with_untracked(|v| {
                                    v.iter()
                                        .position(|q| format!("answers.{}", q.id) == first.field)
                                })
                                .flatten()
                            {
                                step.set(pos);
                            }
                        }
                        errors.set(e);
                        notices.error(t.survey().answer_fix);
                    }
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    let progress = move || {
        let v = visible.get();
        let a = answers.get();
        (v.iter().filter(|q| a.contains_key(&q.id)).count(), v.len())
    };
    let thanks = survey.thanks.clone();
    let published = survey.published.last().cloned();
    let survey_id = survey.id.to_string();
    let anonymous = survey.anonymous;
    view! {
        {heading}
        {move || restore_error.get().map(|e| view! { <crate::ui::components::ReadProblem error=Some(e)/> })}
        <Show when=move || !done.get() fallback=move || {
            let published = published.clone();
            view! {
                <div class="g-thanks" role="status">
                    <p class="g-thanks__text">{thanks.clone()}</p>
                    {published.map(|p| view! {
                        <section class="g-published" aria-labelledby="g-published-title">
                            <h2 id="g-published-title">{move || fill(i18n.t().survey().published_title, &[("n", &(p.wave + 1).to_string())])}</h2>
                            <PlainText text=p.summary.clone()/>
                            {(!p.actions.is_empty()).then(|| view! { <h3>{move || i18n.t().survey().what_we_will_do}</h3><PlainText text=p.actions.clone()/> })}
                        </section>
                    })}
                    <p class="g-toolbar">
                        <button type="button" class="g-button" on:click=move |_| { done.set(false); step.set(0); }>{move || i18n.t().survey().edit_answer}</button>
                        <a href=routes::survey_results(&survey_id) target=embedded.then_some("_blank")>{move || i18n.t().survey().see_results}</a>
                    </p>
                </div>
            }
        }>
            <p class="g-field__hint">{move || if anonymous { i18n.t().survey().anonymous_note } else { i18n.t().survey().named_note }}</p>
            {move || (viewer.actor().is_anonymous() && !anonymous).then(|| view! { <p class="g-warning">{move || i18n.t().survey().sign_in_to_answer}</p> })}
            <form class="g-form g-survey__form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                {(!is_pulse).then(|| view! {
                    <div class="g-progress">
                        <label>
                            <span class="g-field__hint">{move || { let (a, n) = progress(); fill(i18n.t().survey().progress_label, &[("a", &a.to_string()), ("n", &n.to_string())]) }}</span>
                            <progress max=move || progress().1.max(1) value=move || progress().0></progress>
                        </label>
                    </div>
                })}
                <For
                    each=move || {
                        let v = visible.get();
                        if one_per_screen {
                            let i = step.get().min(v.len().saturating_sub(1));
                            v.into_iter().skip(i).take(1).collect()
                        } else {
                            v
                        }
                    }
                    key=|q| q.id.clone()
                    children=move |q| {
                        let qid = q.id.clone();
                        let qid2 = q.id.clone();
                        let qid3 = q.id.clone();
                        view! {
                            <QuestionInput
                                question=q
                                answer=Signal::derive(move || answers.with(|a| a.get(&qid).cloned()))
                                on_change=Callback::new(move |a| set_answer(qid2.clone(), a))
                                error=Signal::derive(move || error_for(&qid3))
                                prefix="g-q".to_owned()
                            />
                        }
                    }
                />
                <div class="g-form__actions">
                    {one_per_screen.then(|| view! {
                        <button type="button" class="g-button" disabled=move || step.get() == 0 on:click=move |_| step.update(|i| *i = i.saturating_sub(1))>{move || i18n.t().survey().previous}</button>
                        <Show when=move || { step.get() + 1 < visible.with(Vec::len) }>
                            <button type="button" class="g-button g-button--primary" on:click=move |_| step.update(|i| *i += 1)>{move || i18n.t().next}</button>
                        </Show>
                    })}
                    <Show when=move || { !one_per_screen || step.get() + 1 >= visible.with(Vec::len) }>
                        <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>{move || i18n.t().survey().submit_answers}</button>
                    </Show>
                </div>
            </form>
        </Show>
    }
    .into_any()
}
