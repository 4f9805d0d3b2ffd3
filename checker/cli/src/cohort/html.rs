//! The cohort report as one self-contained HTML page: inline CSS, no script,
//! no external resource (a Content-Security-Policy forbids both, so even a
//! mistake could not load anything). Everything a learner wrote is escaped.
//!
//! Sections: a heatmap of learners × exercises (colour: done or in progress,
//! darker for more checks; a row for how many learners are stuck on each
//! exercise now), learners × lessons, the exercises and properties that took
//! the most checks, hints and solutions, what needs attention, and one
//! folding panel per learner.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::course::Course;
use crate::identity::printable;

use super::reverify::{Claim, SourceMatch};
use super::stats::Stats;
use super::{Cell, Learner, LessonCell};

/// Heatmap colours of done exercises, from few checks to many (buckets of [`bucket`]).
pub const DONE_COLORS: [&str; 6] = ["#c8e6c9", "#a5d6a7", "#66bb6a", "#43a047", "#2e7d32", "#1b5e20"];
/// Heatmap colours of exercises in progress, from few checks to many.
pub const PROGRESS_COLORS: [&str; 6] = ["#ffe0b2", "#ffb74d", "#fb8c00", "#ef6c00", "#d84315", "#b71c1c"];
/// Not started.
pub const NONE_COLOR: &str = "#eceff1";
/// How many learners are stuck on an exercise now, from none to most.
pub const STUCK_COLORS: [&str; 6] = ["#ffffff", "#e1f5fe", "#81d4fa", "#29b6f6", "#0277bd", "#01579b"];

/// Bucket 0–5 of a number of checks: 1, 2–3, 4–6, 7–10, 11–20, more.
pub fn bucket(runs: u32) -> usize {
    match runs {
        0..=1 => 0,
        2..=3 => 1,
        4..=6 => 2,
        7..=10 => 3,
        11..=20 => 4,
        _ => 5,
    }
}

fn esc(text: &str) -> Cow<'_, str> {
    html_escape::encode_safe(text)
}

/// Escaped, and free of control and invisible characters.
fn clean(text: &str) -> String {
    esc(&printable(text)).into_owned()
}

pub fn render(course: &Course, learners: &[Learner], stats: &Stats, generated: &str) -> String {
    let mut out = String::with_capacity(4096 + learners.len() * course.exercises.len() * 400);
    head(&mut out);
    let attention = learners.iter().filter(|l| l.needs_attention()).count();
    let reverified = learners.iter().any(|l| l.reverified.is_some());
    let _ = writeln!(
        out,
        "<header><h1>Cohort report</h1><p class=\"meta\">{} learner(s) · {} exercises in lessons {} · generated {}{}</p>\
         <ul class=\"cards\"><li><b>{}</b> learners</li><li><b>{}</b> progress readable</li>\
         <li><b>{}</b> finished</li><li><b>{}</b> need attention</li></ul></header>",
        learners.len(),
        course.exercises.len(),
        esc(&lesson_range(course)),
        esc(generated),
        if reverified { " · re-verified" } else { "" },
        learners.len(),
        stats.readable,
        stats.finished,
        attention,
    );
    heatmap(&mut out, course, learners, stats);
    lessons(&mut out, course, learners);
    hardest(&mut out, stats);
    hints(&mut out, stats);
    attention_list(&mut out, learners);
    per_learner(&mut out, course, learners);
    out.push_str("</main></body></html>\n");
    out
}

fn lesson_range(course: &Course) -> String {
    let numbers: Vec<u32> = super::lessons_with_exercises(course).iter().map(|l| l.number).collect();
    match (numbers.first(), numbers.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => "none".into(),
    }
}

fn head(out: &mut String) {
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>eigenlings cohort report</title>\n<style>\n",
    );
    out.push_str(
        "body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}\
         header,main{padding:0 24px}h1{margin:16px 0 4px}h2{margin:28px 0 8px;border-bottom:1px solid #ddd}\
         .meta{color:#666;margin:0}.cards{display:flex;gap:12px;list-style:none;padding:0}\
         .cards li{background:#fff;border:1px solid #ddd;border-radius:6px;padding:6px 12px}\
         table{border-collapse:collapse;background:#fff}th,td{padding:2px 6px;border:1px solid #e0e0e0;text-align:left}\
         .num{text-align:right}.heatmap td.cell,.heatmap td.stuck{width:22px;min-width:22px;height:20px;padding:0;\
         text-align:center;font-size:11px;border:1px solid #fff}\
         .heatmap th.ex{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:11px;\
         padding:4px 0;white-space:nowrap}.heatmap th.lesson{text-align:center;background:#f5f5f5}\
         .heatmap th.who{max-width:220px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:normal}\
         td.flagged{outline:2px solid #000;outline-offset:-2px;font-weight:bold}\
         td.unknown{background:repeating-linear-gradient(45deg,#ddd 0 4px,#fff 4px 8px)}\
         .legend span{display:inline-block;padding:0 8px;margin-right:4px;border:1px solid #ccc}\
         details.learner{background:#fff;border:1px solid #ddd;border-radius:6px;margin:6px 0;padding:4px 10px}\
         details.learner summary{cursor:pointer}.attention{color:#b71c1c}.note{color:#555}\
         .ok{color:#1b5e20}.bad{color:#b71c1c;font-weight:bold}\n",
    );
    for (i, c) in DONE_COLORS.iter().enumerate() {
        let ink = if i >= 3 { "#fff" } else { "#000" };
        let _ = writeln!(out, "td.done.r{i}{{background:{c};color:{ink}}}");
    }
    for (i, c) in PROGRESS_COLORS.iter().enumerate() {
        let ink = if i >= 3 { "#fff" } else { "#000" };
        let _ = writeln!(out, "td.progress.r{i}{{background:{c};color:{ink}}}");
    }
    for (i, c) in STUCK_COLORS.iter().enumerate() {
        let ink = if i >= 4 { "#fff" } else { "#000" };
        let _ = writeln!(out, "td.stuck.s{i}{{background:{c};color:{ink}}}");
    }
    let _ = writeln!(out, "td.none{{background:{NONE_COLOR}}}");
    out.push_str("</style></head><body><main>\n");
}

fn heatmap(out: &mut String, course: &Course, learners: &[Learner], stats: &Stats) {
    out.push_str(
        "<section id=\"stuck\"><h2>Where the cohort is stuck</h2>\n<p class=\"legend\">Each cell is one learner \
         and one exercise; the number is how many checks it took (done) or has taken so far (in progress). \
         <span class=\"done-key\" style=\"background:#43a047;color:#fff\">done</span>\
         <span style=\"background:#fb8c00\">in progress</span><span style=\"background:#eceff1\">not started</span>\
         darker: more checks. A framed cell with ! is a claim re-verification does not confirm.</p>\n\
         <table id=\"heatmap\" class=\"heatmap\"><thead><tr><th></th>",
    );
    for lesson in super::lessons_with_exercises(course) {
        let n = course.exercises_of(lesson.number).count();
        let _ = write!(
            out,
            "<th class=\"lesson\" colspan=\"{n}\" title=\"{}\">L{}</th>",
            esc(&lesson.title),
            lesson.number
        );
    }
    out.push_str("</tr><tr><th>learner</th>");
    for e in &course.exercises {
        let _ = write!(out, "<th class=\"ex\" title=\"{0} (lesson {1})\">{0}</th>", esc(&e.id), e.lesson);
    }
    out.push_str("</tr><tr class=\"stuck-row\"><th>stuck here now</th>");
    let most = stats.exercises.iter().map(|s| s.stuck_now).max().unwrap_or(0).max(1);
    for s in &stats.exercises {
        let level = if s.stuck_now == 0 { 0 } else { (s.stuck_now * 5).div_ceil(most).clamp(1, 5) };
        let _ = write!(
            out,
            "<td class=\"stuck s{level}\" title=\"{} learner(s) are working on {} now\">{}</td>",
            s.stuck_now,
            esc(&s.id),
            if s.stuck_now > 0 { s.stuck_now.to_string() } else { String::new() }
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for learner in learners {
        let _ = write!(
            out,
            "<tr><th class=\"who\"><a href=\"#learner-{}\">{}</a></th>",
            learner.number,
            esc(&learner.name)
        );
        for e in &course.exercises {
            let rec = learner.record(&e.id);
            let claim = claim_of(learner, &e.id);
            let flagged = claim.is_some_and(Claim::flagged);
            let (class, runs, what) = match super::cell(learner, &e.id) {
                Cell::Done => {
                    let runs = rec.map_or(0, |r| r.runs_to_solve.unwrap_or(r.runs));
                    (format!("done r{}", bucket(runs)), runs, format!("done in {runs} check(s)"))
                }
                Cell::InProgress => {
                    let runs = rec.map_or(0, |r| r.runs);
                    (format!("progress r{}", bucket(runs)), runs, format!("in progress, {runs} check(s) so far"))
                }
                Cell::NotStarted => ("none".to_string(), 0, "not started".to_string()),
                Cell::Unknown => ("unknown".to_string(), 0, "progress unreadable".to_string()),
            };
            let hint =
                rec.filter(|r| r.hints_seen > 0).map_or(String::new(), |r| format!(", hint level {}", r.hints_seen));
            let verdict = claim.map_or(String::new(), |c| format!(", re-verification: {}", c.words()));
            let text = match (flagged, runs) {
                (true, _) => "!".to_string(),
                (false, 0) => String::new(),
                (false, n) => n.to_string(),
            };
            let _ = write!(
                out,
                "<td class=\"cell {class}{}\" data-runs=\"{runs}\" title=\"{} · {}: {what}{hint}{}\">{text}</td>",
                if flagged { " flagged" } else { "" },
                esc(&learner.name),
                esc(&e.id),
                clean(&verdict),
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}

fn claim_of<'a>(learner: &'a Learner, id: &str) -> Option<&'a Claim> {
    learner.reverified.as_ref()?.claims.iter().find(|c| c.id == id)
}

fn lessons(out: &mut String, course: &Course, learners: &[Learner]) {
    let lessons = super::lessons_with_exercises(course);
    out.push_str(
        "<section id=\"lessons\"><h2>Learners × lessons</h2>\n<table class=\"grid\"><thead><tr><th>learner</th>",
    );
    for l in &lessons {
        let _ = write!(out, "<th title=\"{}\">L{}</th>", esc(&l.title), l.number);
    }
    out.push_str("<th>now at</th><th>last activity</th></tr></thead><tbody>\n");
    for learner in learners {
        let _ = write!(out, "<tr><td><a href=\"#learner-{}\">{}</a></td>", learner.number, esc(&learner.name));
        for l in &lessons {
            let (class, text) = match super::lesson_cell(course, learner, l.number) {
                LessonCell::Done => ("ok", "done".to_string()),
                LessonCell::Partial(done, total) => ("", format!("{done}/{total}")),
                LessonCell::NotStarted => ("note", "·".to_string()),
                LessonCell::Unknown => ("bad", "?".to_string()),
            };
            let _ = write!(out, "<td class=\"{class}\">{text}</td>");
        }
        let last = super::stats::last_activity(learner).unwrap_or_else(|| "-".into());
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            esc(&super::position(course, learner).describe()),
            clean(&last)
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn hardest(out: &mut String, stats: &Stats) {
    let mut by_runs: Vec<_> = stats.exercises.iter().filter(|s| s.runs > 0).collect();
    by_runs.sort_by_key(|s| std::cmp::Reverse(s.runs));
    out.push_str(
        "<section id=\"hardest\"><h2>Exercises that took the most checks</h2>\n<table><thead><tr><th>exercise</th>\
         <th>checks</th><th>done</th><th>working</th><th>median to solve</th><th>most</th></tr></thead><tbody>\n",
    );
    for s in by_runs.iter().take(15) {
        let median = s.median_runs_to_solve().map_or("-".into(), |m| m.to_string());
        let most = s.runs_to_solve.last().map_or("-".into(), |m| m.to_string());
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{median}</td><td class=\"num\">{most}</td></tr>",
            esc(&s.id),
            s.runs,
            s.done,
            s.in_progress
        );
    }
    out.push_str(
        "</tbody></table>\n<h3>Properties that failed most often</h3>\n<table id=\"properties\"><thead><tr>\
         <th>exercise</th><th>property</th><th>failing checks</th><th>learners</th></tr></thead><tbody>\n",
    );
    for p in stats.properties.iter().take(15) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&p.exercise),
            clean(&p.property),
            p.failing_runs,
            p.learners
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn hints(out: &mut String, stats: &Stats) {
    out.push_str(
        "<section id=\"hints\"><h2>Hints and worked solutions</h2>\n<table><thead><tr><th>exercise</th>\
         <th>idea</th><th>step</th><th>pitfall</th><th>hint before solving</th><th>solution viewed</th>\
         <th>solution before solving</th></tr></thead><tbody>\n",
    );
    for s in stats.exercises.iter().filter(|s| s.hint_levels[0] > 0 || s.solution_views > 0) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&s.id),
            s.hint_levels[0],
            s.hint_levels[1],
            s.hint_levels[2],
            s.hints_before_solving,
            s.solution_views,
            s.solution_views_before_solving
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn attention_list(out: &mut String, learners: &[Learner]) {
    out.push_str("<section id=\"attention\"><h2>Needs attention</h2>\n<ul>\n");
    for learner in learners.iter().filter(|l| l.needs_attention()) {
        let mut items: Vec<String> = learner.problems.iter().map(|p| clean(p)).collect();
        if let Some(r) = &learner.reverified
            && r.flagged() > 0
        {
            items.push(format!("re-verification: {}", clean(&r.summary())));
        }
        let _ = writeln!(
            out,
            "<li class=\"attention\"><a href=\"#learner-{}\">{}</a> ({}): {}</li>",
            learner.number,
            esc(&learner.name),
            esc(&learner.path),
            items.join("; ")
        );
    }
    out.push_str("</ul></section>\n");
}

fn per_learner(out: &mut String, course: &Course, learners: &[Learner]) {
    out.push_str("<section id=\"learners\"><h2>Each learner</h2>\n");
    for learner in learners {
        let done = course.exercises.iter().filter(|e| super::cell(learner, &e.id) == Cell::Done).count();
        let _ = writeln!(
            out,
            "<details class=\"learner\" id=\"learner-{}\"><summary><b>{}</b>{} · {} · {done}/{} done · now at {}{}</summary>",
            learner.number,
            esc(&learner.name),
            if learner.email.is_empty() { String::new() } else { format!(" &lt;{}&gt;", esc(&learner.email)) },
            esc(&learner.path),
            course.exercises.len(),
            esc(&super::position(course, learner).describe()),
            if learner.needs_attention() { " · <span class=\"attention\">needs attention</span>" } else { "" }
        );
        for p in &learner.problems {
            let _ = writeln!(out, "<p class=\"attention\">{}</p>", clean(p));
        }
        for n in &learner.notes {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", clean(n));
        }
        if let Some(r) = &learner.reverified {
            let _ = writeln!(out, "<p>Re-verification: {}</p>", clean(&r.summary()));
            for n in &r.notes {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", clean(n));
            }
        }
        out.push_str(
            "<table><thead><tr><th>exercise</th><th>state</th><th>checks</th><th>to solve</th><th>hint level</th>\
             <th>solution</th><th>source hash</th><th>re-verification</th></tr></thead><tbody>\n",
        );
        for e in &course.exercises {
            let rec = learner.record(&e.id);
            let state = super::cell(learner, &e.id);
            let solution = match rec.and_then(|r| r.solution_viewed.as_ref().map(|_| r.solution_viewed_before_solving))
            {
                Some(true) => "viewed before solving",
                Some(false) => "viewed after solving",
                None => "",
            };
            let hash = rec
                .and_then(|r| r.source_sha1.as_deref())
                .map_or(String::new(), |h| clean(&h.chars().take(10).collect::<String>()));
            let verdict = claim_of(learner, &e.id).map_or(String::new(), |c| {
                let class = if c.flagged() { "bad" } else { "ok" };
                let detail = if c.detail.is_empty() { String::new() } else { format!(": {}", clean(&c.detail)) };
                let source = if c.source == SourceMatch::Same { " (same source)" } else { "" };
                format!("<span class=\"{class}\">{}</span>{detail}{source}", clean(&c.words()))
            });
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td>{solution}</td><td><code>{hash}</code></td><td>{verdict}</td></tr>",
                esc(&e.id),
                state.as_str().replace('_', " "),
                rec.map_or(String::new(), |r| r.runs.to_string()),
                rec.and_then(|r| r.runs_to_solve).map_or(String::new(), |n| n.to_string()),
                rec.map_or(String::new(), |r| r.hints_seen.to_string()),
            );
        }
        out.push_str("</tbody></table></details>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_grow_with_the_number_of_checks() {
        let b: Vec<usize> = [0, 1, 2, 3, 4, 7, 11, 21, 500].into_iter().map(bucket).collect();
        assert_eq!(b, [0, 0, 1, 1, 2, 3, 4, 5, 5]);
    }

    #[test]
    fn escaping_covers_markup_and_quotes_and_drops_control_characters() {
        assert_eq!(
            clean("<script>\"x\"&'y'</script>\u{1b}[2J"),
            "&lt;script&gt;&quot;x&quot;&amp;&#x27;y&#x27;&lt;&#x2F;script&gt;\u{FFFD}[2J"
        );
    }
}
