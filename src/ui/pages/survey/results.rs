//! A survey's results: one wave at a time (response count and rate, every question with
//! its formula, chart and data table), the trend across waves, a breakdown by a choice
//! question with small segments suppressed, the anonymity threshold for non-admins, the
//! published summary, and (admins) publishing and exports.

use crate::domain::error::{DomainError, FieldError};
use crate::domain::ids::QuestionId;
use crate::domain::member::Member;
use crate::domain::permissions::{can, Action};
use crate::domain::survey::{
    breakdown, eligible_members, responses_csv, responses_json, trend, wave_results, QuestionKind,
    QuestionResult, Response, Survey, Tally, Tone,
};
use crate::store::community::OpError;
use crate::store::{Query, StoreExt};
use crate::ui::components::field_error::invalid;
use crate::ui::components::{charts, ChartView, FieldErrorText, PlainText};
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_notices, use_ops, use_store, use_viewer};
use crate::ui::i18n::{fill, Messages};
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The tone of a text answer.
fn tone(text: &str) -> Tone {
    crate::domain::survey::text_tone(text)
}

#[derive(Clone)]
struct Data {
    survey: Survey,
    responses: Vec<Response>,
    members: Vec<Member>,
}

/// `/s/:id/results`.
#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store_ctx = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let data = crate::ui::hooks::use_async(move || {
        store_ctx.version();
        let store = store_ctx.store();
        let id = id.get();
        async move {
            let Some(survey) = store.get_as::<Survey>(&id).await? else {
                return Ok(None);
            };
            let responses = store
                .list_as::<Response>(&Query::all().eq("survey_id", id.as_str()))
                .await?
                .items;
            let members = store.list_as::<Member>(&Query::all()).await?.items;
            Ok::<_, crate::store::StoreError>(Some(Data {
                survey,
                responses,
                members,
            }))
        }
    });
    view! {
        <section class="g-page g-results">
            {move || match data.get() {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::ui::components::ReadProblem error=Some(e)/> }.into_any(),
                Some(Ok(None)) => view! { <h1>{move || i18n.t().not_found_title}</h1><p>{move || i18n.t().survey_not_found}</p> }.into_any(),
                Some(Ok(Some(d))) => view! { <Results data=d/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Results(data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let survey = data.survey.clone();
    let now = format::now();
    let last = survey.schedule.wave_at(now).map_or(0, |(w, _)| w);
    let wave = RwSignal::new(last);
    let d = StoredValue::new(data);
    let admin = move || can(viewer.role(), Action::SeeAllResults);
    let results = Memo::new(move |_| {
        let w = wave.get();
        let a = admin();
        d.with_value(|d| {
            let s = &d.survey;
            let eligible = match (s.schedule.wave_start(w), s.schedule.wave_end(w)) {
                (Some(start), Some(end)) => Some(eligible_members(&d.members, start, end)),
                _ => None,
            };
            wave_results(s, w, &d.responses, eligible, a, &tone)
        })
    });
    let points = Memo::new(move |_| {
        let a = admin();
        d.with_value(|d| trend(&d.survey, &d.responses, last, a))
    });
    let s_title = survey.title.clone();
    let sid = survey.id.to_string();
    let threshold = survey.threshold;
    let anonymous = survey.anonymous;
    view! {
        <p class="g-breadcrumb"><a href=routes::surveys()>{move || i18n.t().app().nav_surveys}</a></p>
        <h1>{move || fill(i18n.t().app().results_title, &[("title", &s_title)])}</h1>
        <div class="g-toolbar">
            <label class="g-field g-field--inline">
                <span class="g-field__label">{move || i18n.t().app().wave_label}</span>
                <select class="g-select" prop:value=move || wave.get().to_string() on:change=move |ev| {
                    if let Ok(w) = event_target_value(&ev).parse() { wave.set(w) }
                }>
                    {(0..=last).rev().map(|w| view! { <option value=w.to_string() selected=move || wave.get() == w>{move || fill(i18n.t().app().wave_n, &[("n", &(w + 1).to_string())])}</option> }).collect_view()}
                </select>
            </label>
            <a class="g-button" href=routes::survey(&sid)>{move || i18n.t().app().answer_survey}</a>
            <Show when=admin>
                <Exports data=d/>
            </Show>
        </div>
        <p class="g-field__hint">{move || if anonymous { i18n.t().survey().anonymous_note } else { i18n.t().survey().named_note }}</p>
        <Published data=d wave=wave/>
        <p class="g-results__count" aria-live="polite">
            {move || {
                let r = results.get();
                let t = i18n.t();
                let l = i18n.locale();
                let mut text = t.count(t.survey().responses, u64::from(r.responses), &format::count(l, u64::from(r.responses)));
                if let (Some(rate), Some(e)) = (r.rate(), r.eligible) {
                    text.push_str(" · ");
                    text.push_str(&fill(t.app().response_rate, &[("rate", &format::percent(l, rate, 1)), ("eligible", &format::count(l, u64::from(e)))]));
                }
                text
            }}
        </p>
        <Show when=move || results.with(|r| r.withheld) fallback=move || view! {
            <div class="g-results__questions">
                {move || {
                    let r = results.get();
                    d.with_value(|d| {
                        r.questions
                            .into_iter()
                            .filter_map(|q| d.survey.questions.iter().find(|x| x.id == q.question).map(|x| (x.clone(), q)))
                            .map(|(question, result)| view! { <QuestionResultView text=question.text.clone() kind=question.kind.clone() result=result/> })
                            .collect_view()
                    })
                }}
            </div>
            <Breakdown data=d wave=wave/>
        }>
            <p class="g-banner g-banner--info">
                {move || fill(i18n.t().app().withheld, &[("n", &threshold.to_string()), ("m", &results.with(|r| r.responses).to_string())])}
            </p>
        </Show>
        <Trend data=d points=points/>
        <Show when=move || can(viewer.role(), Action::ManageSurveys)>
            <PublishForm data=d wave=wave/>
        </Show>
    }
}

/// The formula shown next to a question's numbers.
fn formula(t: &Messages, kind: &QuestionKind) -> Option<&'static str> {
    match kind {
        QuestionKind::Nps => Some(t.app().formula_nps),
        QuestionKind::Csat => Some(t.app().formula_csat),
        QuestionKind::Rating { .. } | QuestionKind::EmojiSlider { .. } => {
            Some(t.app().formula_mean)
        }
        QuestionKind::SingleChoice { .. }
        | QuestionKind::MultipleChoice { .. }
        | QuestionKind::YesNo => Some(t.app().formula_share),
        _ => None,
    }
}

/// Rows of a data table (label, count, share of those who answered) and the chart.
fn rows(result: &QuestionResult, t: &Messages) -> (Vec<(String, u32)>, bool) {
    match &result.tally {
        Tally::Nps { distribution } => (
            distribution
                .iter()
                .enumerate()
                .map(|(v, n)| (v.to_string(), *n))
                .collect(),
            false,
        ),
        Tally::Csat { distribution } | Tally::Rating { distribution } => (
            distribution
                .iter()
                .enumerate()
                .map(|(v, n)| ((v + 1).to_string(), *n))
                .collect(),
            false,
        ),
        Tally::Slider { histogram, .. } => (
            histogram
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    (
                        format!("{}–{}", i * 10, if i == 9 { 100 } else { i * 10 + 9 }),
                        *n,
                    )
                })
                .collect(),
            false,
        ),
        Tally::Choices { counts, others } => {
            let mut r: Vec<(String, u32)> =
                counts.iter().map(|(_, l, n)| (l.clone(), *n)).collect();
            if !others.is_empty() {
                r.push((t.survey().other_option.to_owned(), others.len() as u32));
            }
            (r, true)
        }
        Tally::YesNo { yes, no } => (
            vec![
                (t.survey().yes.to_owned(), *yes),
                (t.survey().no.to_owned(), *no),
            ],
            true,
        ),
        Tally::Text { .. } => (Vec::new(), false),
    }
}

#[component]
fn QuestionResultView(text: String, kind: QuestionKind, result: QuestionResult) -> impl IntoView {
    let i18n = use_i18n();
    let r = StoredValue::new(result);
    let headline = move || {
        let t = i18n.t();
        let l = i18n.locale();
        r.with_value(|r| {
            if let Some((pro, pas, det, score)) = r.nps() {
                Some(fill(
                    t.app().nps_line,
                    &[
                        ("score", &format::number(l, score, 0)),
                        ("p", &format::percent(l, pro, 0)),
                        ("s", &format::percent(l, pas, 0)),
                        ("d", &format::percent(l, det, 0)),
                    ],
                ))
            } else if let Some(c) = r.csat() {
                Some(fill(
                    t.app().csat_line,
                    &[("share", &format::percent(l, c, 0))],
                ))
            } else {
                r.mean()
                    .map(|m| fill(t.app().mean_line, &[("mean", &format::number(l, m, 1))]))
            }
        })
    };
    let is_text = matches!(kind, QuestionKind::ShortText | QuestionKind::LongText);
    let k = StoredValue::new(kind);
    let chart_label = text.clone();
    let chart = Signal::derive(move || {
        let t = i18n.t();
        r.with_value(|r| {
            if let (QuestionKind::Nps, Some(n)) = (k.get_value(), r.nps()) {
                return charts::gauge(n.3.round(), -100.0, 100.0, "NPS");
            }
            let (rows, horizontal) = rows(r, t);
            charts::bars(
                rows.iter().map(|x| x.0.clone()).collect(),
                rows.iter().map(|x| f64::from(x.1)).collect(),
                horizontal,
            )
        })
    });
    let answered = r.with_value(|r| r.answered);
    view! {
        <section class="g-result">
            <h2 class="g-result__title">{text.clone()}</h2>
            <p class="g-result__meta">
                {move || { let t = i18n.t(); t.count(t.survey().responses, u64::from(answered), &format::count(i18n.locale(), u64::from(answered))) }}
                {move || formula(i18n.t(), &k.get_value()).map(|f| format!(" · {f}"))}
            </p>
            <p class="g-result__headline">{headline}</p>
            {if is_text {
                view! {
                    <ul class="g-text-answers">
                        {r.with_value(|r| match &r.tally {
                            Tally::Text { answers } => answers.clone(),
                            _ => Vec::new(),
                        }).into_iter().map(|a| {
                            let tone = a.tone;
                            view! {
                                <li class="g-text-answer">
                                    <span class=format!("g-tone g-tone--{}", tone_class(tone))>{move || i18n.t().tone_name(tone)}</span>
                                    " "
                                    <span class="g-text-answer__text">{a.text.clone()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! {
                    <ChartView label=Signal::derive(move || fill(i18n.t().app().chart_of, &[("title", &chart_label)])) chart=chart/>
                    <table class="g-table g-table--compact">
                        <caption class="g-visually-hidden">{text.clone()}</caption>
                        <thead><tr><th scope="col">{move || i18n.t().app().answer_col}</th><th scope="col">{move || i18n.t().app().count_col}</th><th scope="col">{move || i18n.t().app().share_col}</th></tr></thead>
                        <tbody>
                            {move || {
                                let t = i18n.t();
                                let l = i18n.locale();
                                r.with_value(|res| {
                                    rows(res, t).0.into_iter().map(|(label, n)| {
                                        let share = if res.answered > 0 { format::percent(l, f64::from(n) / f64::from(res.answered), 0) } else { "–".into() };
                                        view! { <tr><th scope="row">{label}</th><td>{format::count(l, u64::from(n))}</td><td>{share}</td></tr> }
                                    }).collect_view()
                                })
                            }}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Positive => "positive",
        Tone::Neutral => "neutral",
        Tone::Negative => "negative",
    }
}

#[component]
fn Trend(
    data: StoredValue<Data>,
    points: Memo<Vec<crate::domain::survey::TrendPoint>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let numeric: Vec<(QuestionId, String)> = data.with_value(|d| {
        d.survey
            .questions
            .iter()
            .filter(|q| {
                matches!(
                    q.kind,
                    QuestionKind::Nps
                        | QuestionKind::Csat
                        | QuestionKind::Rating { .. }
                        | QuestionKind::EmojiSlider { .. }
                        | QuestionKind::YesNo
                )
            })
            .map(|q| (q.id.clone(), q.text.clone()))
            .collect()
    });
    let numeric = StoredValue::new(numeric);
    let table = move || {
        let pts = points.get();
        numeric.with_value(|qs| {
            qs.iter()
                .map(|(id, text)| {
                    let vals: Vec<Option<f64>> = pts
                        .iter()
                        .map(|p| p.values.iter().find(|(q, _)| q == id).map(|(_, v)| *v))
                        .collect();
                    (text.clone(), vals)
                })
                .collect::<Vec<_>>()
        })
    };
    let chart = Signal::derive(move || {
        let labels = points.with(|p| {
            p.iter()
                .map(|p| fill(i18n.t().app().wave_n, &[("n", &(p.wave + 1).to_string())]))
                .collect()
        });
        charts::lines(labels, table())
    });
    view! {
        <section class="g-section g-trend" aria-labelledby="g-trend-title">
            <h2 id="g-trend-title">{move || i18n.t().app().trend_title}</h2>
            <p class="g-field__hint">{move || i18n.t().app().trend_hint}</p>
            <ChartView label=Signal::derive(move || i18n.t().app().trend_title.to_owned()) chart=chart height=300/>
            <table class="g-table g-table--compact">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().app().question_col}</th>
                        {move || points.get().into_iter().map(|p| view! { <th scope="col">{move || fill(i18n.t().app().wave_n, &[("n", &(p.wave + 1).to_string())])}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || table().into_iter().map(|(text, vals)| view! {
                        <tr>
                            <th scope="row">{text}</th>
                            {vals.into_iter().map(|v| view! { <td>{move || v.map(|v| format::number(i18n.locale(), v, 1)).unwrap_or_else(|| "–".into())}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn Breakdown(data: StoredValue<Data>, wave: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let choices: Vec<(QuestionId, String)> = data.with_value(|d| {
        d.survey
            .questions
            .iter()
            .filter(|q| {
                matches!(
                    q.kind,
                    QuestionKind::SingleChoice { .. } | QuestionKind::YesNo
                )
            })
            .map(|q| (q.id.clone(), q.text.clone()))
            .collect()
    });
    let Some(first) = choices.first().map(|c| c.0.clone()) else {
        return ().into_any();
    };
    let by = RwSignal::new(first);
    let nps_q = data.with_value(|d| {
        d.survey
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Nps)
            .map(|q| q.id.clone())
    });
    let segments = Memo::new(move |_| {
        let b = by.get();
        let w = wave.get();
        let admin = can(viewer.role(), Action::SeeAllResults);
        data.with_value(|d| breakdown(&d.survey, w, &d.responses, &b, admin, &tone))
    });
    view! {
        <section class="g-section" aria-labelledby="g-breakdown-title">
            <h2 id="g-breakdown-title">{move || i18n.t().app().breakdown_title}</h2>
            <label class="g-field g-field--inline">
                <span class="g-field__label">{move || i18n.t().app().breakdown_by}</span>
                <select class="g-select" on:change=move |ev| by.set(QuestionId(event_target_value(&ev)))>
                    {choices.into_iter().map(|(id, text)| view! { <option value=id.0.clone()>{text}</option> }).collect_view()}
                </select>
            </label>
            <table class="g-table g-table--compact">
                <thead><tr>
                    <th scope="col">{move || i18n.t().app().segment_col}</th>
                    <th scope="col">{move || i18n.t().app().count_col}</th>
                    <th scope="col">"NPS"</th>
                </tr></thead>
                <tbody>
                    {move || segments.get().into_iter().map(|s| {
                        let nps = s.results.as_ref().and_then(|r| nps_q.as_ref().and_then(|q| r.iter().find(|x| &x.question == q))).and_then(|r| r.nps()).map(|n| n.3);
                        let suppressed = s.results.is_none();
                        let label = match s.label.as_str() {
                            "yes" => i18n.t().survey().yes.to_owned(),
                            "no" => i18n.t().survey().no.to_owned(),
                            other => other.to_owned(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td>{move || if suppressed { i18n.t().app().suppressed.to_owned() } else { s.responses.to_string() }}</td>
                                <td>{move || if suppressed { "–".to_owned() } else { nps.map(|n| format::number(i18n.locale(), n, 0)).unwrap_or_else(|| "–".into()) }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="g-field__hint">{move || fill(i18n.t().app().suppressed_hint, &[("n", &data.with_value(|d| d.survey.threshold).to_string())])}</p>
        </section>
    }
    .into_any()
}

#[component]
fn Published(data: StoredValue<Data>, wave: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let w = wave.get();
        data.with_value(|d| d.survey.published.iter().find(|p| p.wave == w).cloned()).map(|p| {
            let at = p.published_at;
            view! {
                <section class="g-published" aria-labelledby="g-published-title">
                    <h2 id="g-published-title">{move || fill(i18n.t().survey().published_title, &[("n", &(p.wave + 1).to_string())])}</h2>
                    <p class="g-field__hint">{move || format::date(i18n.locale(), at)}</p>
                    <PlainText text=p.summary.clone()/>
                    {(!p.actions.is_empty()).then(|| view! { <h3>{move || i18n.t().survey().what_we_will_do}</h3><PlainText text=p.actions.clone()/> })}
                </section>
            }
        })
    }
}

#[component]
fn PublishForm(data: StoredValue<Data>, wave: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let ops = use_ops();
    let summary = RwSignal::new(String::new());
    let actions = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = data.with_value(|d| d.survey.clone());
        let (w, sum, act) = (
            wave.get_untracked(),
            summary.get_untracked(),
            actions.get_untracked(),
        );
        ops.run(
            move |c| async move { c.publish_summary(&s, w, &sum, &act).await },
            move |r| {
                let t = i18n.t_untracked();
                match r {
                    Ok(_) => {
                        errors.set(Vec::new());
                        notices.success(t.app().summary_published);
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => errors.set(e),
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    view! {
        <section class="g-section" aria-labelledby="g-publish-title">
            <h2 id="g-publish-title">{move || fill(i18n.t().app().publish_wave, &[("n", &(wave.get() + 1).to_string())])}</h2>
            <form class="g-form" on:submit=publish novalidate>
                <div class="g-field">
                    <label class="g-field__label" for="g-summary">{move || i18n.t().app().summary_label}</label>
                    <textarea id="g-summary" class="g-textarea" rows="4" aria-describedby="g-summary-error" aria-invalid=move || errors.with(|e| invalid(e, "summary"))
                        prop:value=move || summary.get() on:input=move |ev| summary.set(event_target_value(&ev))></textarea>
                    <FieldErrorText id="g-summary-error" field="summary" errors=errors/>
                </div>
                <div class="g-field">
                    <label class="g-field__label" for="g-actions">{move || i18n.t().app().actions_label}</label>
                    <textarea id="g-actions" class="g-textarea" rows="3" prop:value=move || actions.get() on:input=move |ev| actions.set(event_target_value(&ev))></textarea>
                </div>
                <div class="g-form__actions">
                    <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>{move || i18n.t().app().publish}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn Exports(data: StoredValue<Data>) -> impl IntoView {
    let i18n = use_i18n();
    let download = move |json: bool| {
        data.with_value(|d| {
            let slug = crate::domain::board::slugify(&d.survey.title);
            if json {
                crate::ui::download::download(
                    &format!("{slug}-responses.json"),
                    "application/json",
                    &responses_json(&d.survey, &d.responses),
                );
            } else {
                crate::ui::download::download(
                    &format!("{slug}-responses.csv"),
                    "text/csv;charset=utf-8",
                    &responses_csv(&d.survey, &d.responses),
                );
            }
        })
    };
    view! {
        <button type="button" class="g-button" on:click=move |_| download(false)>{move || i18n.t().app().export_csv}</button>
        <button type="button" class="g-button" on:click=move |_| download(true)>{move || i18n.t().app().export_json}</button>
    }
}
