//! The map as an SVG file ("Export SVG"): the shown nodes at their current
//! layout positions, shaped and coloured by sector as on the canvas, sized by
//! the chosen metric, the shown ties (thicker for more trust, arrowheads for
//! directed ones), membership as dashed lines, every shown node's name, and a
//! legend. Text is escaped; the file is well-formed XML.

use std::fmt::Write;

use constellation_core::network::layout::Point;
use constellation_core::network::Sector;

use super::map::{sector_style, Shape};
use super::{Metric, Net, Shown};
use crate::i18n::{t, t_args};

const MARGIN: f64 = 40.0;
const LEGEND_WIDTH: f64 = 190.0;

/// Escapes text for XML content and attribute values (core's rule, shared
/// with every export core writes).
pub fn escape(s: &str) -> String {
    constellation_core::markup::escape(s, constellation_core::markup::Whitespace::Flatten)
}

fn shape(out: &mut String, shape: Shape, x: f64, y: f64, r: f64, attrs: &str) {
    let _ = match shape {
        Shape::Circle | Shape::Ring => writeln!(out, r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {attrs}/>"#),
        Shape::Square => {
            let s = r * 0.9;
            writeln!(out, r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" {attrs}/>"#, x - s, y - s, 2.0 * s, 2.0 * s)
        }
        Shape::Triangle => {
            let s = r * 1.25;
            writeln!(
                out,
                r#"<polygon points="{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" {attrs}/>"#,
                y - s,
                x + s * 0.95,
                y + s * 0.7,
                x - s * 0.95,
                y + s * 0.7
            )
        }
        Shape::Diamond => {
            let s = r * 1.2;
            writeln!(out, r#"<polygon points="{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}" {attrs}/>"#, y - s, x + s, y + s, x - s)
        }
    };
}

fn node_attrs(sector: Option<Sector>, is_org: bool) -> String {
    let (color, shape, _) = sector_style(sector);
    if shape == Shape::Ring {
        format!(r##"fill="#ffffff" stroke="{color}" stroke-width="2.5""##)
    } else if is_org {
        format!(r##"fill="{color}" stroke="#14213d" stroke-width="2.5""##)
    } else {
        format!(r##"fill="{color}" stroke="#ffffff" stroke-width="1""##)
    }
}

/// The SVG document. `positions` and `values` follow `net.nodes`; a node
/// without a position (the layout has not caught up) is left out.
pub fn map_svg(net: &Net, shown: &Shown, positions: &[Point], values: &[f64], metric: Metric) -> String {
    let n = net.nodes.len();
    let on = |i: usize| i < positions.len() && shown.node.get(i).copied().unwrap_or(false);
    let max = (0..n).filter(|&i| on(i)).map(|i| values.get(i).copied().unwrap_or(0.0)).fold(0.0, f64::max);
    let radius = |i: usize| {
        let v = values.get(i).copied().unwrap_or(0.0);
        let rel = if max > 0.0 { (v / max).max(0.0).sqrt() } else { 0.0 };
        (if net.nodes[i].is_org { 7.0 } else { 4.0 }) + 10.0 * rel
    };
    // The drawing's extent, with room for labels on the right and the legend on the left.
    let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for i in (0..n).filter(|&i| on(i)) {
        let p = positions[i];
        lo_x = lo_x.min(p.x);
        lo_y = lo_y.min(p.y);
        hi_x = hi_x.max(p.x);
        hi_y = hi_y.max(p.y);
    }
    if !lo_x.is_finite() {
        (lo_x, lo_y, hi_x, hi_y) = (0.0, 0.0, 0.0, 0.0);
    }
    let (x0, y0) = (lo_x - MARGIN - LEGEND_WIDTH, lo_y - MARGIN);
    let (w, h) = (hi_x - lo_x + 2.0 * MARGIN + LEGEND_WIDTH + 160.0, (hi_y - lo_y + 2.0 * MARGIN).max(200.0));
    let mut out = String::with_capacity(200 + n * 160 + net.links.len() * 80);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.1} {y0:.1} {w:.1} {h:.1}" width="{w:.0}" height="{h:.0}" font-family="system-ui, sans-serif">"#
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&t("embed-network")));
    let desc = t_args(
        "net-svg-desc",
        &[
            ("shown", shown.count.into()),
            ("total", n.into()),
            ("ties", shown.link.iter().filter(|l| **l).count().into()),
            ("metric", metric.name().to_lowercase().into()),
        ],
    );
    let _ = writeln!(out, "<desc>{}</desc>", escape(&desc));
    let _ = writeln!(
        out,
        r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10Z" fill="#3d4a5c"/></marker></defs>"##
    );
    let _ = writeln!(out, r##"<rect x="{x0:.1}" y="{y0:.1}" width="{w:.1}" height="{h:.1}" fill="#ffffff"/>"##);
    // Membership, then ties, then nodes, then labels: the same order as the canvas.
    out.push_str(r##"<g stroke="#6b7385" stroke-opacity="0.35" stroke-dasharray="3 3" fill="none">"##);
    out.push('\n');
    for &(p, o) in &net.members {
        if on(p) && on(o) {
            let (a, b) = (positions[p], positions[o]);
            let _ = writeln!(out, r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#, a.x, a.y, b.x, b.y);
        }
    }
    out.push_str("</g>\n");
    out.push_str(r##"<g stroke="#3d4a5c" stroke-opacity="0.6" fill="none">"##);
    out.push('\n');
    for (li, l) in net.links.iter().enumerate() {
        if !shown.link.get(li).copied().unwrap_or(false) || !on(l.a) || !on(l.b) {
            continue;
        }
        let (a, mut b) = (positions[l.a], positions[l.b]);
        let mut end = String::new();
        if l.directed {
            // Stop at the edge of the target node so the arrowhead shows.
            let len = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt().max(1e-9);
            let back = (radius(l.b) + 2.0).min(len);
            b = Point { x: b.x - (b.x - a.x) / len * back, y: b.y - (b.y - a.y) / len * back };
            end = r#" marker-end="url(#arrow)""#.into();
        }
        let _ = writeln!(
            out,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke-width="{:.2}"{end}/>"#,
            a.x,
            a.y,
            b.x,
            b.y,
            0.6 + 0.45 * f64::from(l.trust)
        );
    }
    out.push_str("</g>\n<g>\n");
    let mut order: Vec<usize> = (0..n).filter(|&i| on(i)).collect();
    order.sort_by(|&a, &b| radius(a).total_cmp(&radius(b)));
    for &i in &order {
        let nd = &net.nodes[i];
        let p = positions[i];
        let _ = writeln!(out, "<g><title>{}</title>", escape(&net.describe(i)));
        shape(&mut out, sector_style(nd.sector).1, p.x, p.y, radius(i), &node_attrs(nd.sector, nd.is_org));
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    out.push_str(r##"<g fill="#14213d" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">"##);
    out.push('\n');
    for &i in order.iter().rev() {
        let nd = &net.nodes[i];
        let p = positions[i];
        let (size, weight) = if nd.is_org { (12, "700") } else { (10, "500") };
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="{size}" font-weight="{weight}">{}</text>"#,
            p.x + radius(i) + 3.0,
            p.y + f64::from(size) * 0.35,
            escape(&nd.name)
        );
    }
    out.push_str("</g>\n");
    // The legend, top left.
    let (lx, ly) = (x0 + 12.0, y0 + 12.0);
    let sectors = [Some(Sector::Government), Some(Sector::Business), Some(Sector::CivilSociety), Some(Sector::Other), None];
    let rows = sectors.len() + 3;
    let legend = escape(&t("map-legend"));
    let _ = writeln!(
        out,
        r##"<g aria-label="{legend}"><rect x="{lx:.1}" y="{ly:.1}" width="{:.1}" height="{:.1}" rx="6" fill="#ffffff" fill-opacity="0.92" stroke="#c9ced8"/>"##,
        LEGEND_WIDTH - 24.0,
        20.0 * rows as f64 + 16.0
    );
    let _ = writeln!(out, r##"<text x="{:.1}" y="{:.1}" font-size="12" font-weight="700" fill="#14213d">{legend}</text>"##, lx + 10.0, ly + 20.0);
    for (k, s) in sectors.iter().enumerate() {
        let y = ly + 40.0 + 20.0 * k as f64;
        shape(&mut out, sector_style(*s).1, lx + 18.0, y - 4.0, 6.0, &node_attrs(*s, false));
        let _ = writeln!(out, r##"<text x="{:.1}" y="{y:.1}" font-size="11" fill="#14213d">{}</text>"##, lx + 32.0, escape(&sector_style(*s).2));
    }
    let y = ly + 40.0 + 20.0 * sectors.len() as f64;
    shape(&mut out, Shape::Circle, lx + 18.0, y - 4.0, 6.0, r##"fill="#c9ced8" stroke="#14213d" stroke-width="2.5""##);
    let _ = writeln!(out, r##"<text x="{:.1}" y="{y:.1}" font-size="11" fill="#14213d">{}</text>"##, lx + 32.0, escape(&t("map-legend-org")));
    let y = y + 20.0;
    let _ = writeln!(
        out,
        r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#6b7385" stroke-dasharray="3 3"/><text x="{:.1}" y="{y:.1}" font-size="11" fill="#14213d">{}</text>"##,
        lx + 10.0,
        y - 4.0,
        lx + 26.0,
        y - 4.0,
        lx + 32.0,
        escape(&t("map-legend-member"))
    );
    let _ = writeln!(
        out,
        r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#14213d">{}</text></g>"##,
        lx + 10.0,
        y + 20.0,
        escape(&t_args("map-svg-size", &[("metric", metric.name().into())]))
    );
    out.push_str("</svg>\n");
    out
}
