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
                $crate::Exercise {
                    id: "matrix_vector",
                    check: || {
                        checks::l03::matrix_vector(&checks::l03::MatrixVector {
                            mat_vec_rows: $k::l03::matrix_vector::mat_vec_rows,
                            mat_vec_columns: $k::l03::matrix_vector::mat_vec_columns,
                        })
                    },
                },
                $crate::Exercise {
                    id: "matrix_product",
                    check: || checks::l03::matrix_product($k::l03::matrix_product::mat_mul),
                },
                $crate::Exercise { id: "transpose", check: || checks::l03::transpose($k::l03::transpose::transpose) },
                $crate::Exercise {
                    id: "maps_2d",
                    check: || {
                        checks::l03::maps_2d(&checks::l03::Maps2d {
                            rotation: $k::l03::maps_2d::rotation,
                            reflection: $k::l03::maps_2d::reflection,
                            shear: $k::l03::maps_2d::shear,
                        })
                    },
                },
                $crate::Exercise {
                    id: "determinant_small",
                    check: || {
                        checks::l03::determinant_small(&checks::l03::Determinants {
                            det2: $k::l03::determinant_small::det2,
                            det3: $k::l03::determinant_small::det3,
                        })
                    },
                },
                $crate::Exercise { id: "trace", check: || checks::l03::trace($k::l03::trace::trace) },
                $crate::Exercise {
                    id: "composition",
                    check: || {
                        checks::l03::composition(&checks::l03::Composition {
                            apply_in_turn: $k::l03::composition::apply_in_turn,
                            compose: $k::l03::composition::compose,
                        })
                    },
                },
                $crate::Exercise { id: "rref", check: || checks::l04::rref($k::l04::rref::rref) },
                $crate::Exercise {
                    id: "rank",
                    check: || {
                        checks::l04::rank(&checks::l04::Rank {
                            rank: $k::l04::rank::rank,
                            nullity: $k::l04::rank::nullity,
                        })
                    },
                },
                $crate::Exercise {
                    id: "column_space",
                    check: || checks::l04::column_space($k::l04::column_space::column_space),
                },
                $crate::Exercise { id: "row_space", check: || checks::l04::row_space($k::l04::row_space::row_space) },
                $crate::Exercise {
                    id: "null_space",
                    check: || checks::l04::null_space($k::l04::null_space::null_space),
                },
                $crate::Exercise {
                    id: "left_null_space",
                    check: || checks::l04::left_null_space($k::l04::left_null_space::left_null_space),
                },
                $crate::Exercise {
                    id: "four_subspaces",
                    check: || {
                        checks::l04::four_subspaces(&checks::l04::FourSubspaces {
                            column_space: $k::l04::column_space::column_space,
                            null_space: $k::l04::null_space::null_space,
                            row_space: $k::l04::row_space::row_space,
                            left_null_space: $k::l04::left_null_space::left_null_space,
                            subspace_dimensions: $k::l04::four_subspaces::subspace_dimensions,
                        })
                    },
                },
                $crate::Exercise {
                    id: "triangular_solve",
                    check: || {
                        checks::l05::triangular_solve(&checks::l05::Triangular {
                            forward_substitution: $k::l05::triangular::forward_substitution,
                            back_substitution: $k::l05::triangular::back_substitution,
                        })
                    },
                },
                $crate::Exercise {
                    id: "gaussian_elimination",
                    check: || checks::l05::gaussian_elimination($k::l05::gaussian_elimination::solve),
                },
                $crate::Exercise { id: "lu_decomposition", check: || checks::l05::lu_decomposition($k::l05::lu::lu) },
                $crate::Exercise {
                    id: "lu_solve",
                    check: || {
                        checks::l05::lu_solve(&checks::l05::LuSolve {
                            lu_solve: $k::l05::lu_solve::lu_solve,
                            lu_solve_many: $k::l05::lu_solve::lu_solve_many,
                            lu_solve_transpose: $k::l05::lu_solve::lu_solve_transpose,
                        })
                    },
                },
                $crate::Exercise {
                    id: "determinant_lu",
                    check: || checks::l05::determinant_lu($k::l05::determinant::det),
                },
                $crate::Exercise { id: "inverse_lu", check: || checks::l05::inverse_lu($k::l05::inverse::inverse) },
                $crate::Exercise {
                    id: "condition_number",
                    check: || {
                        checks::l05::condition_number(&checks::l05::Condition {
                            norm_1: $k::l05::condition::norm_1,
                            cond_1_estimate: $k::l05::condition::cond_1_estimate,
                        })
                    },
                },
                $crate::Exercise {
                    id: "normal_equations",
                    check: || {
                        checks::l06::normal_equations(&checks::l06::NormalEquations {
                            gram: $k::l06::normal_equations::gram,
                            at_b: $k::l06::normal_equations::at_b,
                        })
                    },
                },
                $crate::Exercise { id: "cholesky", check: || checks::l06::cholesky($k::l06::cholesky::cholesky) },
                $crate::Exercise {
                    id: "least_squares",
                    check: || checks::l06::least_squares($k::l06::least_squares::lstsq_normal),
                },
                $crate::Exercise {
                    id: "linear_regression",
                    check: || {
                        checks::l06::linear_regression(&checks::l06::LinearRegression {
                            fit_linear: $k::l06::regression::fit_linear,
                            predict: $k::l06::regression::predict,
                        })
                    },
                },
                $crate::Exercise { id: "r_squared", check: || checks::l06::r_squared($k::l06::r_squared::r_squared) },
                $crate::Exercise {
                    id: "residuals",
                    check: || {
                        checks::l06::residuals(&checks::l06::Residuals {
                            residual: $k::l06::residuals::residual,
                            orthogonality: $k::l06::residuals::orthogonality,
                        })
                    },
                },
                $crate::Exercise { id: "ridge", check: || checks::l06::ridge($k::l06::ridge::ridge) },
                $crate::Exercise {
                    id: "orthonormality",
                    check: || checks::l07::orthonormality($k::l07::orthonormality::orthonormality_loss),
                },
                $crate::Exercise {
                    id: "classical_gram_schmidt",
                    check: || checks::l07::classical_gram_schmidt($k::l07::classical::classical_gram_schmidt),
                },
                $crate::Exercise {
                    id: "modified_gram_schmidt",
                    check: || checks::l07::modified_gram_schmidt($k::l07::modified::modified_gram_schmidt),
                },
                $crate::Exercise {
                    id: "gram_schmidt_twice",
                    check: || checks::l07::gram_schmidt_twice($k::l07::reorthogonalization::gram_schmidt_twice),
                },
                $crate::Exercise {
                    id: "subspace_projection",
                    check: || checks::l07::subspace_projection($k::l07::projection::project_onto_subspace),
                },
                $crate::Exercise {
                    id: "orthogonal_complement",
                    check: || checks::l07::orthogonal_complement($k::l07::complement::orthogonal_complement),
                },
                $crate::Exercise {
                    id: "householder",
                    check: || {
                        checks::l08::householder(&checks::l08::Householder {
                            householder: $k::l08::householder::householder,
                            apply_householder: $k::l08::householder::apply_householder,
                        })
                    },
                },
                $crate::Exercise {
                    id: "householder_qr",
                    check: || {
                        checks::l08::householder_qr(&checks::l08::HouseholderQr {
                            householder_qr: $k::l08::householder_qr::householder_qr,
                            householder_qr_full: $k::l08::householder_qr::householder_qr_full,
                        })
                    },
                },
                $crate::Exercise { id: "givens", check: || checks::l08::givens($k::l08::givens::givens) },
                $crate::Exercise { id: "givens_qr", check: || checks::l08::givens_qr($k::l08::givens_qr::givens_qr) },
                $crate::Exercise {
                    id: "least_squares_qr",
                    check: || checks::l08::least_squares_qr($k::l08::least_squares_qr::lstsq_qr),
                },
                $crate::Exercise {
                    id: "eigenvalues_2x2",
                    check: || checks::l09::eigenvalues_2x2($k::l09::characteristic::eigenvalues_2x2),
                },
                $crate::Exercise {
                    id: "eigen_residual",
                    check: || checks::l09::eigen_residual($k::l09::residual::eigen_residual),
                },
                $crate::Exercise {
                    id: "rayleigh_quotient",
                    check: || checks::l09::rayleigh_quotient($k::l09::rayleigh::rayleigh_quotient),
                },
                $crate::Exercise {
                    id: "diagonalization",
                    check: || checks::l09::diagonalization($k::l09::diagonalization::power_by_diagonalization),
                },
                $crate::Exercise {
                    id: "symmetric_2x2",
                    check: || checks::l09::symmetric_2x2($k::l09::symmetric_2x2::symmetric_eigen_2x2),
                },
                $crate::Exercise {
                    id: "markov_stationary",
                    check: || checks::l09::markov_stationary($k::l09::markov::stationary_distribution),
                },
                $crate::Exercise {
                    id: "power_iteration",
                    check: || {
                        checks::l10::power_iteration(&checks::l10::PowerIteration {
                            power_step: $k::l10::power_iteration::power_step,
                            power_iteration: $k::l10::power_iteration::power_iteration,
                        })
                    },
                },
                $crate::Exercise {
                    id: "inverse_iteration",
                    check: || checks::l10::inverse_iteration($k::l10::inverse_iteration::inverse_iteration),
                },
                $crate::Exercise {
                    id: "deflation",
                    check: || {
                        checks::l10::deflation(&checks::l10::Deflation {
                            deflate: $k::l10::deflation::deflate,
                            top_two_eigenpairs: $k::l10::deflation::top_two_eigenpairs,
                        })
                    },
                },
                $crate::Exercise {
                    id: "hessenberg",
                    check: || checks::l10::hessenberg($k::l10::hessenberg::hessenberg),
                },
                $crate::Exercise {
                    id: "qr_iteration",
                    check: || {
                        checks::l10::qr_iteration(&checks::l10::QrIteration {
                            qr_step: $k::l10::qr_iteration::qr_step,
                            qr_iteration: $k::l10::qr_iteration::qr_iteration,
                        })
                    },
                },
                $crate::Exercise {
                    id: "shifted_qr",
                    check: || checks::l10::shifted_qr($k::l10::shifted_qr::shifted_qr_eigenvalues),
                },
                $crate::Exercise {
                    id: "symmetric_eigen",
                    check: || checks::l10::symmetric_eigen($k::l10::symmetric_eigen::symmetric_eigen),
                },
                $crate::Exercise {
                    id: "svd_via_eigen",
                    check: || checks::l11::svd_via_eigen($k::l11::svd_via_eigen::svd_via_eigen),
                },
                $crate::Exercise {
                    id: "jacobi_svd",
                    check: || checks::l11::jacobi_svd($k::l11::jacobi_svd::jacobi_svd),
                },
                $crate::Exercise {
                    id: "pseudo_inverse",
                    check: || {
                        checks::l11::pseudo_inverse(&checks::l11::PseudoInverse {
                            pseudo_inverse: $k::l11::pseudo_inverse::pseudo_inverse,
                            lstsq_pinv: $k::l11::pseudo_inverse::lstsq_pinv,
                        })
                    },
                },
                $crate::Exercise {
                    id: "low_rank",
                    check: || {
                        checks::l11::low_rank(&checks::l11::LowRank {
                            truncate: $k::l11::low_rank::truncate,
                            low_rank: $k::l11::low_rank::low_rank,
                            eckart_young_error: $k::l11::low_rank::eckart_young_error,
                        })
                    },
                },
                $crate::Exercise {
                    id: "rank_condition",
                    check: || {
                        checks::l11::rank_condition(&checks::l11::RankCondition {
                            numerical_rank: $k::l11::rank_condition::numerical_rank,
                            cond_2: $k::l11::rank_condition::cond_2,
                        })
                    },
                },
                $crate::Exercise {
                    id: "centering",
                    check: || {
                        checks::l12::centering(&checks::l12::Centering {
                            center: $k::l12::center::center,
                            standardize: $k::l12::center::standardize,
                        })
                    },
                },
                $crate::Exercise {
                    id: "covariance",
                    check: || checks::l12::covariance($k::l12::covariance::covariance),
                },
                $crate::Exercise { id: "pca", check: || checks::l12::pca($k::l12::pca::pca) },
                $crate::Exercise {
                    id: "pca_projection",
                    check: || {
                        checks::l12::pca_projection(&checks::l12::PcaProjection {
                            project: $k::l12::project::project,
                            reconstruct: $k::l12::project::reconstruct,
                        })
                    },
                },
                $crate::Exercise {
                    id: "ridge_svd",
                    check: || {
                        checks::l12::ridge_svd(&checks::l12::RidgeSvd {
                            filter_factors: $k::l12::ridge_svd::filter_factors,
                            ridge_svd: $k::l12::ridge_svd::ridge_svd,
                        })
                    },
                },
                $crate::Exercise {
                    id: "softmax_cross_entropy",
                    check: || {
                        checks::l12::softmax_cross_entropy(&checks::l12::SoftmaxCrossEntropy {
                            softmax: $k::l12::softmax::softmax,
                            cross_entropy: $k::l12::softmax::cross_entropy,
                        })
                    },
                },
                $crate::Exercise {
                    id: "linear_layer",
                    check: || {
                        checks::l12::linear_layer(&checks::l12::LinearLayer {
                            forward: $k::l12::linear_layer::forward,
                            gradients: $k::l12::linear_layer::gradients,
                            gradient_step: $k::l12::linear_layer::gradient_step,
                            train: $k::l12::linear_layer::train,
                        })
                    },
                },
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
                $crate::Demo {
                    lesson: 3,
                    run: |args| {
                        let functions = demos::lesson03::Functions {
                            mat_vec: $k::l03::matrix_vector::mat_vec_rows,
                            mat_mul: $k::l03::matrix_product::mat_mul,
                            transpose: $k::l03::transpose::transpose,
                            det2: $k::l03::determinant_small::det2,
                            rotation: $k::l03::maps_2d::rotation,
                            shear: $k::l03::maps_2d::shear,
                            reflection: $k::l03::maps_2d::reflection,
                        };
                        demos::lesson03::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 4,
                    run: |args| {
                        let functions = demos::lesson04::Functions {
                            rref: $k::l04::rref::rref,
                            rank: $k::l04::rank::rank,
                            column_space: $k::l04::column_space::column_space,
                            row_space: $k::l04::row_space::row_space,
                            null_space: $k::l04::null_space::null_space,
                            left_null_space: $k::l04::left_null_space::left_null_space,
                        };
                        demos::lesson04::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 5,
                    run: |args| {
                        let functions = demos::lesson05::Functions {
                            solve: $k::l05::gaussian_elimination::solve,
                            lu: $k::l05::lu::lu,
                            lu_solve: $k::l05::lu_solve::lu_solve,
                            cond_1_estimate: $k::l05::condition::cond_1_estimate,
                        };
                        demos::lesson05::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 6,
                    run: |args| {
                        let functions = demos::lesson06::Functions {
                            lstsq_normal: $k::l06::least_squares::lstsq_normal,
                            fit_linear: $k::l06::regression::fit_linear,
                            predict: $k::l06::regression::predict,
                            r_squared: $k::l06::r_squared::r_squared,
                            residual: $k::l06::residuals::residual,
                            orthogonality: $k::l06::residuals::orthogonality,
                            ridge: $k::l06::ridge::ridge,
                        };
                        demos::lesson06::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 7,
                    run: |args| {
                        let functions = demos::lesson07::Functions {
                            orthonormality_loss: $k::l07::orthonormality::orthonormality_loss,
                            classical: $k::l07::classical::classical_gram_schmidt,
                            modified: $k::l07::modified::modified_gram_schmidt,
                            twice: $k::l07::reorthogonalization::gram_schmidt_twice,
                        };
                        demos::lesson07::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 8,
                    run: |args| {
                        let functions = demos::lesson08::Functions {
                            householder: $k::l08::householder::householder,
                            householder_qr: $k::l08::householder_qr::householder_qr,
                            lstsq_qr: $k::l08::least_squares_qr::lstsq_qr,
                            lstsq_normal: $k::l06::least_squares::lstsq_normal,
                        };
                        demos::lesson08::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 9,
                    run: |args| {
                        let functions = demos::lesson09::Functions {
                            eigenvalues_2x2: $k::l09::characteristic::eigenvalues_2x2,
                            eigen_residual: $k::l09::residual::eigen_residual,
                            symmetric_eigen_2x2: $k::l09::symmetric_2x2::symmetric_eigen_2x2,
                            stationary_distribution: $k::l09::markov::stationary_distribution,
                        };
                        demos::lesson09::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 10,
                    run: |args| {
                        let functions = demos::lesson10::Functions {
                            power_iteration: $k::l10::power_iteration::power_iteration,
                            power_step: $k::l10::power_iteration::power_step,
                            hessenberg: $k::l10::hessenberg::hessenberg,
                            qr_step: $k::l10::qr_iteration::qr_step,
                            lu: $k::l05::lu::lu,
                            lu_solve: $k::l05::lu_solve::lu_solve,
                        };
                        demos::lesson10::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 11,
                    run: |args| {
                        let functions = demos::lesson11::Functions {
                            jacobi_svd: $k::l11::jacobi_svd::jacobi_svd,
                            truncate: $k::l11::low_rank::truncate,
                            eckart_young_error: $k::l11::low_rank::eckart_young_error,
                        };
                        // The SVD of the image takes a while in a debug build: check that every
                        // function is there, then say so.
                        demos::lesson11::probe(&functions)?;
                        print!("{}", demos::lesson11::WORKING);
                        demos::lesson11::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
                $crate::Demo {
                    lesson: 12,
                    run: |args| {
                        let functions = demos::lesson12::Functions {
                            standardize: $k::l12::center::standardize,
                            pca: $k::l12::pca::pca,
                            project: $k::l12::project::project,
                            jacobi_svd: $k::l11::jacobi_svd::jacobi_svd,
                            filter_factors: $k::l12::ridge_svd::filter_factors,
                            ridge_svd: $k::l12::ridge_svd::ridge_svd,
                            ridge: $k::l06::ridge::ridge,
                            forward: $k::l12::linear_layer::forward,
                            train: $k::l12::linear_layer::train,
                        };
                        demos::lesson12::probe(&functions)?;
                        print!("{}", demos::lesson12::WORKING);
                        demos::lesson12::demo(&functions, &args.data)?.emit(&args.out)
                    },
                },
            ],
            benches: &[
                $crate::speed::Subject::Lu($k::l05::lu::lu),
                $crate::speed::Subject::HouseholderQr($k::l08::householder_qr::householder_qr),
                $crate::speed::Subject::SymmetricEigen($k::l10::symmetric_eigen::symmetric_eigen),
                $crate::speed::Subject::JacobiSvd($k::l11::jacobi_svd::jacobi_svd),
            ],
        }
    };
}
