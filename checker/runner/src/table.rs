//! The course table: which check judges which functions. Written once as a
//! macro so `run-exercises` and `run-solutions` bind the same checks to their
//! own crate (`course!(exercises)`, `course!(solutions)`).

/// The course bound to the crate `$k` (`exercises` or `solutions`).
///
/// The order of exercises here is the order of `info.toml`; the author gate
/// checks that both agree.
#[macro_export]
macro_rules! course {
    ($k:ident) => {
        $crate::Course {
            exercises: &[
                $crate::Exercise {
                    id: "add_vectors",
                    check: || {
                        checks::l01::add_vectors(&checks::l01::AddVectors {
                            add: $k::l01::add_vectors::add,
                            sub: $k::l01::add_vectors::sub,
                        })
                    },
                },
                $crate::Exercise {
                    id: "scale_vector",
                    check: || checks::l01::scale_vector($k::l01::scale_vector::scale),
                },
                $crate::Exercise {
                    id: "linear_combination",
                    check: || checks::l01::linear_combination($k::l01::linear_combination::linear_combination),
                },
                $crate::Exercise {
                    id: "independence_2d",
                    check: || {
                        checks::l01::independence_2d(&checks::l01::Independence {
                            signed_area: $k::l01::independence_2d::signed_area,
                            are_independent_2d: $k::l01::independence_2d::are_independent_2d,
                        })
                    },
                },
                $crate::Exercise {
                    id: "mean_vector",
                    check: || checks::l01::mean_vector($k::l01::mean_vector::mean_vector),
                },
                $crate::Exercise { id: "dot_product", check: || checks::l02::dot_product($k::l02::dot_product::dot) },
                $crate::Exercise {
                    id: "vector_norms",
                    check: || {
                        checks::l02::vector_norms(&checks::l02::Norms {
                            norm_l1: $k::l02::vector_norms::norm_l1,
                            norm_l2: $k::l02::vector_norms::norm_l2,
                            norm_inf: $k::l02::vector_norms::norm_inf,
                            norm_p: $k::l02::vector_norms::norm_p,
                        })
                    },
                },
                $crate::Exercise {
                    id: "distances",
                    check: || {
                        checks::l02::distances(&checks::l02::Distances {
                            euclidean: $k::l02::distances::euclidean,
                            manhattan: $k::l02::distances::manhattan,
                            chebyshev: $k::l02::distances::chebyshev,
                        })
                    },
                },
                $crate::Exercise {
                    id: "cosine_similarity",
                    check: || {
                        checks::l02::cosine_similarity(&checks::l02::Cosine {
                            cosine_similarity: $k::l02::cosine_similarity::cosine_similarity,
                            angle_between: $k::l02::cosine_similarity::angle_between,
                        })
                    },
                },
                $crate::Exercise {
                    id: "projection",
                    check: || {
                        checks::l02::projection(&checks::l02::Projection {
                            project_onto: $k::l02::projection::project_onto,
                            residual: $k::l02::projection::residual,
                        })
                    },
                },
                $crate::Exercise { id: "k_nearest", check: || checks::l02::k_nearest($k::l02::k_nearest::k_nearest) },
            ],
            demos: &[
                $crate::Demo {
                    lesson: 1,
                    run: |args| {
                        let functions = demos::lesson01::Functions {
                            add: $k::l01::add_vectors::add,
                            linear_combination: $k::l01::linear_combination::linear_combination,
                            signed_area: $k::l01::independence_2d::signed_area,
                            are_independent_2d: $k::l01::independence_2d::are_independent_2d,
                            mean_vector: $k::l01::mean_vector::mean_vector,
                        };
                        demos::lesson01::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 2,
                    run: |args| {
                        // `k_nearest` takes a plain `fn`, so the cosine distance is a named function.
                        fn one_minus_cosine(a: &[f64], b: &[f64]) -> f64 {
                            $k::l02::cosine_similarity::cosine_similarity(a, b).map_or(f64::NAN, |c| 1.0 - c)
                        }
                        let functions = demos::lesson02::Functions {
                            norm_l1: $k::l02::vector_norms::norm_l1,
                            norm_l2: $k::l02::vector_norms::norm_l2,
                            norm_inf: $k::l02::vector_norms::norm_inf,
                            project_onto: $k::l02::projection::project_onto,
                            residual: $k::l02::projection::residual,
                            k_nearest: $k::l02::k_nearest::k_nearest,
                            distances: [
                                ("euclidean", $k::l02::distances::euclidean),
                                ("manhattan", $k::l02::distances::manhattan),
                                ("chebyshev", $k::l02::distances::chebyshev),
                                ("1 - cosine", one_minus_cosine),
                            ],
                        };
                        demos::lesson02::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
            ],
        }
    };
}
