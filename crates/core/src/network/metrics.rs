//! Every node metric of one graph computed together, and the whole-network
//! figures that fall out of the same passes. This is what the benchmark times
//! and what [`super::analyze`] runs on the person and organization graphs.

use serde::{Deserialize, Serialize};

use super::brokerage::{constraint, effective_size};
use super::centrality::{degree_centrality, eigenvector, path_sweep, weighted_betweenness, CentralityError};
use super::graph::Adjacency;
use super::structure::{components, core_numbers, density, path_stats, PathStats};

/// Options for [`node_metrics`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricOptions {
    /// Turns an edge's strength (its weight in the graph) into its length for
    /// weighted betweenness: length = `length_scale` / strength. The analysis
    /// uses 60 / trust (see [`super::model::Trust::distance`]).
    pub length_scale: f64,
    /// Eigenvector tolerance (NetworkX's `tol`); tight, so results are exact
    /// to far below 1e-9.
    pub eigenvector_tolerance: f64,
    pub eigenvector_max_iterations: usize,
}

impl Default for MetricOptions {
    fn default() -> Self {
        MetricOptions {
            length_scale: 60.0,
            eigenvector_tolerance: 1e-12,
            eigenvector_max_iterations: 10_000,
        }
    }
}

/// Node metrics, one vector per metric, indexed by node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeMetrics {
    pub degree: Vec<usize>,
    pub degree_centrality: Vec<f64>,
    pub betweenness: Vec<f64>,
    /// Betweenness over paths weighed by length = scale / strength.
    pub weighted_betweenness: Vec<f64>,
    pub closeness: Vec<f64>,
    /// `None` when the power iteration did not converge (see `warnings`).
    pub eigenvector: Option<Vec<f64>>,
    /// Burt's constraint, unweighted; `None` for isolated nodes.
    pub constraint: Vec<Option<f64>>,
    /// Burt's effective size, unweighted; `None` for isolated nodes.
    pub effective_size: Vec<Option<f64>>,
    pub core_number: Vec<usize>,
    /// The index (into `whole.components`) of each node's component.
    pub component: Vec<usize>,
    pub whole: WholeNetwork,
    /// Anything that could not be computed.
    pub warnings: Vec<MetricWarning>,
}

/// A measure that could not be computed as asked. Structured, so the web app
/// words it in the reader's language; `Display` is English (command line, logs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum MetricWarning {
    /// A tie's path length was not positive and finite: unweighted
    /// betweenness stands in for the weighted one.
    #[error("weighted betweenness: a tie has length {length}, path lengths must be positive and finite; using unweighted betweenness")]
    WeightedBetweennessUnweighted { length: f64 },
    /// The eigenvector centrality's power iteration did not converge.
    #[error("eigenvector centrality did not converge in {iterations} iterations")]
    EigenvectorNotConverged { iterations: usize },
}

impl From<CentralityError> for MetricWarning {
    fn from(e: CentralityError) -> Self {
        match e {
            CentralityError::BadLength { length, .. } => MetricWarning::WeightedBetweennessUnweighted { length },
            CentralityError::NotConverged { iterations } => MetricWarning::EigenvectorNotConverged { iterations },
        }
    }
}

/// Figures of the whole graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WholeNetwork {
    pub nodes: usize,
    pub edges: usize,
    pub density: f64,
    /// Connected components, largest first, each sorted.
    pub components: Vec<Vec<usize>>,
    /// Path figures of each component, in the same order.
    pub component_paths: Vec<PathStats>,
    /// Average shortest path length of the largest component: NetworkX's
    /// `average_shortest_path_length` when the graph is connected. `None` for
    /// an empty graph.
    pub average_path_length: Option<f64>,
    /// Diameter of the largest component (NetworkX's `diameter` when connected).
    pub diameter: Option<u32>,
}

/// Computes every node metric of `g`, whose weights are tie strengths.
pub fn node_metrics(g: &Adjacency, opts: &MetricOptions) -> NodeMetrics {
    let n = g.node_count();
    let mut warnings = Vec::new();
    let sweep = path_sweep(g);
    let scale = opts.length_scale;
    let lengths = g.map_weights(|w| scale / w);
    let weighted_betweenness = match weighted_betweenness(&lengths) {
        Ok(b) => b,
        Err(e) => {
            warnings.push(MetricWarning::from(e));
            sweep.betweenness.clone()
        }
    };
    let eigenvector = match eigenvector(
        g,
        false,
        opts.eigenvector_tolerance,
        opts.eigenvector_max_iterations,
    ) {
        Ok(x) => Some(x),
        Err(e) => {
            warnings.push(MetricWarning::from(e));
            None
        }
    };
    let comps = components(g);
    let mut component = vec![0; n];
    for (c, members) in comps.iter().enumerate() {
        for &u in members {
            component[u] = c;
        }
    }
    let component_paths: Vec<PathStats> = comps.iter().map(|c| path_stats(c, &sweep)).collect();
    let whole = WholeNetwork {
        nodes: n,
        edges: g.edge_count(),
        density: density(g),
        average_path_length: component_paths.first().map(|p| p.average_path_length),
        diameter: component_paths.first().map(|p| p.diameter),
        components: comps,
        component_paths,
    };
    NodeMetrics {
        degree: (0..n).map(|u| g.degree(u)).collect(),
        degree_centrality: degree_centrality(g),
        betweenness: sweep.betweenness,
        weighted_betweenness,
        closeness: sweep.closeness,
        eigenvector,
        constraint: constraint(g, false),
        effective_size: effective_size(g, false),
        core_number: core_numbers(g),
        component,
        whole,
        warnings,
    }
}
