//! The dashboard's charts, built with charming from plain numbers (no JavaScript
//! formatters: the strict CSP forbids the `new Function` they need; label templates
//! such as `{c}%` are plain strings ECharts fills itself).

use charming::component::{Axis, Calendar, DataZoom, Grid, Legend, VisualMap};
use charming::component::{DataZoomType, VisualMapType};
use charming::datatype::{DataFrame, DataPoint};
use charming::element::{AreaStyle, AxisType, CoordinateSystem, Orient, Tooltip, Trigger};
use charming::series::{Bar, Heatmap, Line};
use charming::Chart;

fn base() -> Chart {
    Chart::new()
        .color(crate::ui::components::charts::palette())
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top("0"))
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .top("14%")
                .bottom("16%")
                .contain_label(true),
        )
}

fn zoom(chart: Chart) -> Chart {
    chart
        .data_zoom(DataZoom::new().type_(DataZoomType::Inside))
        .data_zoom(DataZoom::new().type_(DataZoomType::Slider).bottom("2%"))
}

fn points(values: &[Option<f64>]) -> Vec<DataPoint> {
    values
        .iter()
        .map(|v| match v {
            Some(v) => (*v).into(),
            None => "-".into(),
        })
        .collect()
}

/// Lines over days, zoomable; `None` is a gap. `second_axis` puts the last series on
/// a right-hand axis (tickets next to MAU).
pub fn day_lines(
    days: Vec<String>,
    series: Vec<(String, Vec<Option<f64>>)>,
    second_axis: bool,
) -> Chart {
    let n = series.len();
    let mut chart = zoom(base())
        .x_axis(Axis::new().type_(AxisType::Category).data(days))
        .y_axis(Axis::new().type_(AxisType::Value).min(0));
    if second_axis {
        chart = chart.y_axis(Axis::new().type_(AxisType::Value).min(0));
    }
    for (i, (name, values)) in series.into_iter().enumerate() {
        let mut line = Line::new()
            .name(name)
            .show_symbol(false)
            .connect_nulls(false)
            .data(points(&values));
        if second_axis && i + 1 == n {
            line = line.y_axis_index(1);
        }
        chart = chart.series(line);
    }
    chart
}

/// Bars stacked per day (UGC by kind).
pub fn stacked_bars(days: Vec<String>, series: Vec<(String, Vec<f64>)>) -> Chart {
    let mut chart = zoom(base())
        .x_axis(Axis::new().type_(AxisType::Category).data(days))
        .y_axis(Axis::new().type_(AxisType::Value).min_interval(1.0));
    for (name, values) in series {
        chart = chart.series(Bar::new().name(name).stack("total").data(values));
    }
    chart
}

/// Shares stacked to 100 % per period (sentiment), as areas.
pub fn stacked_shares(periods: Vec<String>, series: Vec<(String, Vec<f64>)>) -> Chart {
    let mut chart = base()
        .x_axis(Axis::new().type_(AxisType::Category).data(periods))
        .y_axis(Axis::new().type_(AxisType::Value).min(0).max(100));
    for (name, values) in series {
        chart = chart.series(
            Line::new()
                .name(name)
                .stack("share")
                .area_style(AreaStyle::new())
                .show_symbol(false)
                .data(values),
        );
    }
    chart
}

/// A calendar heatmap of one value per day (`YYYY-MM-DD`), over at most a year.
pub fn calendar(days: Vec<(String, f64)>, name: &str) -> Chart {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Chart::new();
    };
    let max = days.iter().map(|(_, v)| *v).fold(1.0, f64::max);
    let range = (first.0.clone(), last.0.clone());
    let data: Vec<DataFrame> = days
        .into_iter()
        .map(|(day, v)| vec![DataPoint::from(day), DataPoint::from(v)])
        .collect();
    Chart::new()
        .tooltip(Tooltip::new())
        .visual_map(
            VisualMap::new()
                .type_(VisualMapType::Continuous)
                .min(0)
                .max(max)
                .orient(Orient::Horizontal)
                .left("center")
                .bottom("0")
                .color(vec!["#1d4ed8", "#dbeafe"]),
        )
        .calendar(
            Calendar::new()
                .range(range)
                .top("28")
                .left("40")
                .right("16")
                .bottom("56")
                // Both "auto": cells fill the box (charming writes numeric sizes in a
                // form ECharts does not read).
                .cell_size(("auto", "auto")),
        )
        .series(
            Heatmap::new()
                .name(name)
                .coordinate_system(CoordinateSystem::Calendar)
                .data(data),
        )
}

/// A cohort × week heatmap of shares in whole percent (cells without data are not drawn).
pub fn cohort_heatmap(
    cohorts: Vec<String>,
    weeks: Vec<String>,
    cells: Vec<(usize, usize, f64)>,
) -> Chart {
    let data: Vec<DataFrame> = cells
        .into_iter()
        .map(|(x, y, v)| {
            vec![
                DataPoint::from(x as f64),
                DataPoint::from(y as f64),
                DataPoint::from(v.round()),
            ]
        })
        .collect();
    Chart::new()
        .tooltip(Tooltip::new())
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .top("4%")
                .bottom("18%")
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(weeks))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(cohorts)
                .inverse(true),
        )
        .visual_map(
            VisualMap::new()
                .type_(VisualMapType::Continuous)
                .min(0)
                .max(100)
                .orient(Orient::Horizontal)
                .left("center")
                .bottom("0")
                .color(vec!["#1d4ed8", "#eff6ff"]),
        )
        .series(
            Heatmap::new().data(data).label(
                charming::element::Label::new()
                    .show(true)
                    .font_size(10)
                    .formatter("{@[2]}"),
            ),
        )
}
