//! Exact concept coverage: the integer linear program of Gillick and Favre
//! (2009), solved by branch and bound (`microlp`, pure Rust).
//!
//! The program maximizes the same objective as [`super::select_coverage`],
//!
//! `F(S) = Σ_{concepts c covered by S} w_c / W + Σ_{s ∈ S} score(s)`,
//!
//! subject to the budget `Σ_{s ∈ S} length(s) ≤ L` and to no two chosen
//! sentences being near-duplicates (cosine at or above the redundancy
//! threshold). Variables: `x_s ∈ {0, 1}` per candidate, `y_c ∈ [0, 1]` per
//! concept with `y_c ≤ Σ_{s ∋ c} x_s` (at an optimum `y_c` is 1 exactly
//! when a chosen sentence covers `c`, so it needs no integrality).
//!
//! The greedy's selection seeds the search, so the result is never worse
//! than the greedy's (in `F`), and a deterministic node limit bounds the
//! work: within it the optimum is proved, past it the best solution found
//! is kept. Only the [`POOL`] candidates with the best stand-alone gain per
//! word (and the greedy's picks) enter the program, which keeps it small on
//! inputs of thousands of sentences.
//!
//! After the program, the budget left (a word budget is rarely filled
//! exactly by whole sentences) is filled as the greedy fills it: the best
//! remaining candidate is taken and cut at the budget.

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions};

use super::coverage::{marginal_gain, Gains};
use super::{Budget, Candidate, Coverage, Fill, Selection};
use crate::tfidf::TfIdfMatrix;

/// Candidates that enter the program (the best by stand-alone gain per
/// unit of length, plus the greedy's picks).
pub const POOL: usize = 250;

/// Branch-and-bound nodes per solve: the proof of optimality stops here
/// and the best solution found so far is kept (deterministic, unlike a
/// time limit).
pub const NODE_LIMIT: u64 = 2_000;

/// Maximizes the coverage objective exactly (within [`NODE_LIMIT`]), then
/// fills and cuts like the greedy. Falls back to the greedy's selection
/// when the solver fails.
pub fn select_exact(
    candidates: &[Candidate],
    coverage: Coverage<'_>,
    matrix: &TfIdfMatrix,
    budget: Budget,
    redundancy_threshold: f32,
) -> Selection {
    let greedy = super::select_coverage(candidates, coverage, matrix, budget, redundancy_threshold);
    let gains = Gains::new(coverage);
    let cost = |c: &Candidate| match budget {
        Budget::Sentences(_) => 1.0,
        _ => c.length.max(1) as f64,
    };
    // The pool: best stand-alone gain per unit of cost, plus the greedy's
    // picks (so its solution is a feasible start).
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    let none = vec![false; coverage.weights.len()];
    let alone: Vec<f64> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| marginal_gain(&gains, i, c, &none) / cost(c))
        .collect();
    order.sort_by(|&a, &b| alone[b].total_cmp(&alone[a]).then(a.cmp(&b)));
    let mut in_pool = vec![false; candidates.len()];
    for &i in order.iter().take(POOL) {
        in_pool[i] = true;
    }
    let index_of = |c: &Candidate| {
        candidates
            .iter()
            .position(|x| x.cluster == c.cluster && x.sentence == c.sentence)
    };
    let greedy_whole: Vec<usize> = {
        let whole = greedy.chosen.len() - usize::from(greedy.cut.is_some());
        greedy.chosen[..whole].iter().filter_map(index_of).collect()
    };
    for &i in &greedy_whole {
        in_pool[i] = true;
    }
    let pool: Vec<usize> = (0..candidates.len()).filter(|&i| in_pool[i]).collect();

    let Some(chosen) = solve(
        candidates,
        &gains,
        &pool,
        &greedy_whole,
        matrix,
        budget,
        redundancy_threshold,
        &cost,
    ) else {
        return greedy;
    };

    // Rank the chosen sentences in greedy order (largest marginal gain
    // first), then fill what is left of the budget.
    let mut covered = vec![false; coverage.weights.len()];
    let mut left = chosen;
    let mut fill = Fill::new(budget);
    while !left.is_empty() {
        let (k, _) = left
            .iter()
            .enumerate()
            .map(|(k, &i)| (k, marginal_gain(&gains, i, &candidates[i], &covered)))
            .fold((0, f64::MIN), |best, x| if x.1 > best.1 { x } else { best });
        let i = left.remove(k);
        gains.cover(i, &mut covered);
        if !fill.take(candidates[i]) {
            return fill.selection;
        }
    }
    // The rest of the budget: the best remaining candidate per the greedy's
    // rule, cut at the budget.
    let picked: Vec<u32> = fill.selection.chosen.iter().map(|c| c.sentence).collect();
    let mut best: Option<(usize, f64)> = None;
    for (i, candidate) in candidates.iter().enumerate() {
        if picked.contains(&candidate.sentence)
            || picked.iter().any(|&p| {
                matrix.cosine(p as usize, candidate.sentence as usize) >= redundancy_threshold
            })
        {
            continue;
        }
        let gain = marginal_gain(&gains, i, candidate, &covered)
            / (candidate.words.max(1) as f64).powf(coverage.scaling);
        if best.is_none_or(|(_, g)| gain > g) {
            best = Some((i, gain));
        }
    }
    if let Some((i, _)) = best {
        fill.take(candidates[i]);
    }
    fill.selection
}

/// Solves the program over `pool`; returns the chosen candidates (indices),
/// or `None` when the solver fails.
#[allow(clippy::too_many_arguments)]
fn solve(
    candidates: &[Candidate],
    gains: &Gains<'_>,
    pool: &[usize],
    start: &[usize],
    matrix: &TfIdfMatrix,
    budget: Budget,
    redundancy_threshold: f32,
    cost: &dyn Fn(&Candidate) -> f64,
) -> Option<Vec<usize>> {
    let limit = match budget {
        Budget::Sentences(n) | Budget::Words(n) | Budget::Bytes(n) | Budget::Chars(n) => n as f64,
    };
    let mut problem = Problem::new(OptimizationDirection::Maximize);
    let x: Vec<_> = pool
        .iter()
        .map(|&i| problem.add_binary_var(candidates[i].score))
        .collect();
    // Concepts of the pool, each with the pool members that cover it.
    let mut covering: Vec<Vec<usize>> = vec![Vec::new(); gains.weights.len()];
    for (k, &i) in pool.iter().enumerate() {
        for &c in &gains.concepts[i] {
            covering[c as usize].push(k);
        }
    }
    for (c, members) in covering.iter().enumerate() {
        if members.is_empty() || gains.weights[c] <= 0.0 {
            continue;
        }
        let y = problem.add_var(gains.weights[c] * gains.norm, (0.0, 1.0));
        let mut row = vec![(y, 1.0)];
        row.extend(members.iter().map(|&k| (x[k], -1.0)));
        problem.add_constraint(row.as_slice(), ComparisonOp::Le, 0.0);
    }
    let lengths: Vec<_> = pool
        .iter()
        .zip(&x)
        .map(|(&i, &v)| (v, cost(&candidates[i])))
        .collect();
    problem.add_constraint(lengths.as_slice(), ComparisonOp::Le, limit);
    for a in 0..pool.len() {
        for b in a + 1..pool.len() {
            let (sa, sb) = (candidates[pool[a]].sentence, candidates[pool[b]].sentence);
            if matrix.cosine(sa as usize, sb as usize) >= redundancy_threshold {
                problem.add_constraint([(x[a], 1.0), (x[b], 1.0)], ComparisonOp::Le, 1.0);
            }
        }
    }
    let mut options = SolveOptions::default();
    options.node_limit = Some(NODE_LIMIT);
    let fits = start.iter().map(|&i| cost(&candidates[i])).sum::<f64>() <= limit;
    if fits && !start.is_empty() {
        options.warm_start = Some(
            pool.iter()
                .zip(&x)
                .map(|(i, &v)| (v, if start.contains(i) { 1.0 } else { 0.0 }))
                .collect(),
        );
    }
    let outcome = problem.solve_with(options).ok()?;
    let solution = outcome.solution()?;
    Some(
        pool.iter()
            .zip(&x)
            .filter(|(_, &v)| solution.var_value(v) > 0.5)
            .map(|(&i, _)| i)
            .collect(),
    )
}
