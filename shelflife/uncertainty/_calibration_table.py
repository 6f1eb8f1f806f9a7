"""Measured coverage of the 95 % intervals (generated; do not edit by hand).

Written by ``python scripts/coverage_study.py --write-table FILE.json ...`` from the
runs listed in ``TABLE['sources']``; the same numbers are in ``docs/validation.md``,
section "Coverage of the 95 % intervals". Each interval entry is
``quantity -> (coverage, Monte Carlo SE, runs)``.
"""

TABLE = {
    "sources": [
        {
            "command": "python scripts/coverage_study.py --methods "
            "delta,profile,montecarlo,bootstrap,bootstrap-textbook --runs 1000 "
            "--bootstrap-runs 1000 --resamples 999 --seed 20261127 --workers 2 "
            "--json /tmp/cal/coverage-main.json",
            "date": "2026-11-28",
            "seconds": 3467.7,
            "runs": 1000,
            "bootstrap_runs": 1000,
            "seed": 20261127,
        },
        {
            "command": "python scripts/coverage_study.py --methods "
            "bootstrap-case,bootstrap-parametric --runs 1000 --resamples 999 --seed "
            "20261127 --workers 2 --json /tmp/cal2/coverage-case.json",
            "date": "2026-11-28",
            "seconds": 1055.0,
            "runs": 1000,
            "bootstrap_runs": 1000,
            "seed": 20261127,
        },
    ],
    "cells": [
        {
            "design": {
                "label": "3T × 4 pulls × 2 reps, zero order, constant error (sensory "
                "score, falling)",
                "n_temperatures": 3,
                "pulls": 4,
                "replicates": 2,
                "order": "zero",
                "error_model": "constant",
                "dof": 21,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.959, 0.0063, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.952, 0.0068, 1000),
                },
                "profile": {
                    "Ea": (0.954, 0.0066, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.948, 0.007, 1000),
                },
                "montecarlo": {
                    "Ea": (0.957, 0.0064, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.951, 0.0068, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.956, 0.0065, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.951, 0.0068, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.945, 0.0072, 1000),
                    "k30": (0.947, 0.0071, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.927, 0.0082, 1000),
                    "sl30": (0.937, 0.0077, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.933, 0.0079, 1000),
                    "sl30": (0.933, 0.0079, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.957, 0.0064, 1000),
                    "k30": (0.937, 0.0077, 1000),
                    "sl30": (0.937, 0.0077, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.957, 0.0064, 1000),
                    "k30": (0.933, 0.0079, 1000),
                    "sl30": (0.938, 0.0076, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.956, 0.0065, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.951, 0.0068, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
            },
        },
        {
            "design": {
                "label": "3T × 8 pulls × 3 reps, zero order, constant error (sensory "
                "score, falling)",
                "n_temperatures": 3,
                "pulls": 8,
                "replicates": 3,
                "order": "zero",
                "error_model": "constant",
                "dof": 69,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.954, 0.0066, 1000),
                    "sl30": (0.953, 0.0067, 1000),
                },
                "profile": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.951, 0.0068, 1000),
                    "sl30": (0.951, 0.0068, 1000),
                },
                "montecarlo": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.954, 0.0066, 1000),
                    "sl30": (0.951, 0.0068, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.956, 0.0065, 1000),
                    "sl30": (0.951, 0.0068, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.937, 0.0077, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.936, 0.0077, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.936, 0.0077, 1000),
                    "k30": (0.938, 0.0076, 1000),
                    "sl30": (0.936, 0.0077, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.932, 0.008, 1000),
                    "k30": (0.937, 0.0077, 1000),
                    "sl30": (0.938, 0.0076, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.943, 0.0073, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.952, 0.0068, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.941, 0.0075, 1000),
                    "k30": (0.952, 0.0068, 1000),
                    "sl30": (0.954, 0.0066, 1000),
                },
            },
        },
        {
            "design": {
                "label": "3T × 4 pulls × 2 reps, zero order, proportional error (sensory "
                "score, falling)",
                "n_temperatures": 3,
                "pulls": 4,
                "replicates": 2,
                "order": "zero",
                "error_model": "proportional",
                "dof": 21,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.959, 0.0063, 1000),
                    "k30": (0.957, 0.0064, 1000),
                    "sl30": (0.963, 0.006, 1000),
                },
                "profile": {
                    "Ea": (0.956, 0.0065, 1000),
                    "k30": (0.953, 0.0067, 1000),
                    "sl30": (0.966, 0.0057, 1000),
                },
                "montecarlo": {
                    "Ea": (0.958, 0.0063, 1000),
                    "k30": (0.958, 0.0063, 1000),
                    "sl30": (0.958, 0.0063, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.955, 0.0066, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.96, 0.0062, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.956, 0.0065, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.957, 0.0064, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.947, 0.0071, 1000),
                    "k30": (0.936, 0.0077, 1000),
                    "sl30": (0.947, 0.0071, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.933, 0.0079, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.946, 0.0071, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.952, 0.0068, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.956, 0.0065, 1000),
                    "k30": (0.952, 0.0068, 1000),
                    "sl30": (0.958, 0.0063, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.956, 0.0065, 1000),
                    "k30": (0.947, 0.0071, 1000),
                    "sl30": (0.96, 0.0062, 1000),
                },
            },
        },
        {
            "design": {
                "label": "3T × 8 pulls × 3 reps, zero order, proportional error (sensory "
                "score, falling)",
                "n_temperatures": 3,
                "pulls": 8,
                "replicates": 3,
                "order": "zero",
                "error_model": "proportional",
                "dof": 69,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.95, 0.0069, 1000),
                    "k30": (0.939, 0.0076, 1000),
                    "sl30": (0.939, 0.0076, 1000),
                },
                "profile": {
                    "Ea": (0.948, 0.007, 1000),
                    "k30": (0.937, 0.0077, 1000),
                    "sl30": (0.937, 0.0077, 1000),
                },
                "montecarlo": {
                    "Ea": (0.948, 0.007, 1000),
                    "k30": (0.935, 0.0078, 1000),
                    "sl30": (0.938, 0.0076, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.945, 0.0072, 1000),
                    "k30": (0.933, 0.0079, 1000),
                    "sl30": (0.938, 0.0076, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.943, 0.0073, 1000),
                    "k30": (0.934, 0.0079, 1000),
                    "sl30": (0.94, 0.0075, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.928, 0.0082, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.94, 0.0075, 1000),
                    "k30": (0.93, 0.0081, 1000),
                    "sl30": (0.934, 0.0079, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.94, 0.0075, 1000),
                    "k30": (0.939, 0.0076, 1000),
                    "sl30": (0.929, 0.0081, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.936, 0.0077, 1000),
                    "k30": (0.936, 0.0077, 1000),
                    "sl30": (0.924, 0.0084, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.94, 0.0075, 1000),
                    "k30": (0.937, 0.0077, 1000),
                    "sl30": (0.933, 0.0079, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.94, 0.0075, 1000),
                    "k30": (0.934, 0.0079, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
            },
        },
        {
            "design": {
                "label": "3T × 4 pulls × 2 reps, first order, constant error (peroxide "
                "value, rising)",
                "n_temperatures": 3,
                "pulls": 4,
                "replicates": 2,
                "order": "first",
                "error_model": "constant",
                "dof": 21,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.954, 0.0066, 1000),
                    "k30": (0.952, 0.0068, 1000),
                    "sl30": (0.947, 0.0071, 1000),
                },
                "profile": {
                    "Ea": (0.953, 0.0067, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
                "montecarlo": {
                    "Ea": (0.955, 0.0066, 1000),
                    "k30": (0.951, 0.0068, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.943, 0.0073, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.936, 0.0077, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.94, 0.0075, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.925, 0.0083, 1000),
                    "k30": (0.935, 0.0078, 1000),
                    "sl30": (0.93, 0.0081, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.921, 0.0085, 1000),
                    "k30": (0.925, 0.0083, 1000),
                    "sl30": (0.925, 0.0083, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.962, 0.006, 1000),
                    "k30": (0.968, 0.0056, 1000),
                    "sl30": (0.952, 0.0068, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.981, 0.0043, 1000),
                    "k30": (0.96, 0.0062, 1000),
                    "sl30": (0.96, 0.0062, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.95, 0.0069, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.943, 0.0073, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
            },
        },
        {
            "design": {
                "label": "3T × 8 pulls × 3 reps, first order, constant error (peroxide "
                "value, rising)",
                "n_temperatures": 3,
                "pulls": 8,
                "replicates": 3,
                "order": "first",
                "error_model": "constant",
                "dof": 69,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.9499, 0.0069, 998),
                    "k30": (0.9539, 0.0066, 998),
                    "sl30": (0.9529, 0.0067, 998),
                },
                "profile": {
                    "Ea": (0.9499, 0.0069, 998),
                    "k30": (0.9529, 0.0067, 998),
                    "sl30": (0.9519, 0.0068, 998),
                },
                "montecarlo": {
                    "Ea": (0.9509, 0.0068, 998),
                    "k30": (0.9489, 0.007, 998),
                    "sl30": (0.9519, 0.0068, 998),
                },
                "bootstrap-percentile": {
                    "Ea": (0.9519, 0.0068, 998),
                    "k30": (0.9519, 0.0068, 998),
                    "sl30": (0.9479, 0.007, 998),
                },
                "bootstrap-bca": {
                    "Ea": (0.9439, 0.0073, 998),
                    "k30": (0.9499, 0.0069, 998),
                    "sl30": (0.9469, 0.0071, 998),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.9469, 0.0071, 998),
                    "k30": (0.9489, 0.007, 998),
                    "sl30": (0.9449, 0.0072, 998),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.9419, 0.0074, 998),
                    "k30": (0.9479, 0.007, 998),
                    "sl30": (0.9449, 0.0072, 998),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.9329, 0.0079, 998),
                    "k30": (0.9479, 0.007, 998),
                    "sl30": (0.9299, 0.0081, 998),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.9339, 0.0079, 998),
                    "k30": (0.9509, 0.0068, 998),
                    "sl30": (0.9259, 0.0083, 998),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.9449, 0.0072, 998),
                    "k30": (0.9499, 0.0069, 998),
                    "sl30": (0.9499, 0.0069, 998),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.9469, 0.0071, 998),
                    "k30": (0.9439, 0.0073, 998),
                    "sl30": (0.9499, 0.0069, 998),
                },
            },
        },
        {
            "design": {
                "label": "3T × 4 pulls × 2 reps, first order, proportional error (peroxide "
                "value, rising)",
                "n_temperatures": 3,
                "pulls": 4,
                "replicates": 2,
                "order": "first",
                "error_model": "proportional",
                "dof": 21,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.944, 0.0073, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
                "profile": {
                    "Ea": (0.941, 0.0075, 1000),
                    "k30": (0.953, 0.0067, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
                "montecarlo": {
                    "Ea": (0.941, 0.0075, 1000),
                    "k30": (0.951, 0.0068, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.954, 0.0066, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.94, 0.0075, 1000),
                    "k30": (0.956, 0.0065, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.926, 0.0083, 1000),
                    "k30": (0.938, 0.0076, 1000),
                    "sl30": (0.924, 0.0084, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.931, 0.008, 1000),
                    "k30": (0.944, 0.0073, 1000),
                    "sl30": (0.934, 0.0079, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.936, 0.0077, 1000),
                    "k30": (0.943, 0.0073, 1000),
                    "sl30": (0.925, 0.0083, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.937, 0.0077, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.925, 0.0083, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.941, 0.0075, 1000),
                    "k30": (0.952, 0.0068, 1000),
                    "sl30": (0.94, 0.0075, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.94, 0.0075, 1000),
                    "k30": (0.954, 0.0066, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
            },
        },
        {
            "design": {
                "label": "3T × 8 pulls × 3 reps, first order, proportional error (peroxide "
                "value, rising)",
                "n_temperatures": 3,
                "pulls": 8,
                "replicates": 3,
                "order": "first",
                "error_model": "proportional",
                "dof": 69,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.947, 0.0071, 1000),
                    "sl30": (0.951, 0.0068, 1000),
                },
                "profile": {
                    "Ea": (0.943, 0.0073, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
                "montecarlo": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.941, 0.0075, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.948, 0.007, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.937, 0.0077, 1000),
                    "k30": (0.947, 0.0071, 1000),
                    "sl30": (0.947, 0.0071, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.935, 0.0078, 1000),
                    "k30": (0.945, 0.0072, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.93, 0.0081, 1000),
                    "k30": (0.944, 0.0073, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.935, 0.0078, 1000),
                    "k30": (0.94, 0.0075, 1000),
                    "sl30": (0.939, 0.0076, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.934, 0.0079, 1000),
                    "k30": (0.936, 0.0077, 1000),
                    "sl30": (0.934, 0.0079, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.937, 0.0077, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.934, 0.0079, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 4 pulls × 2 reps, zero order, constant error (browning "
                "A420, rising)",
                "n_temperatures": 4,
                "pulls": 4,
                "replicates": 2,
                "order": "zero",
                "error_model": "constant",
                "dof": 29,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.951, 0.0068, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.952, 0.0068, 1000),
                },
                "profile": {
                    "Ea": (0.953, 0.0067, 1000),
                    "k30": (0.953, 0.0067, 1000),
                    "sl30": (0.954, 0.0066, 1000),
                },
                "montecarlo": {
                    "Ea": (0.954, 0.0066, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.948, 0.007, 1000),
                    "k30": (0.953, 0.0067, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.95, 0.0069, 1000),
                    "k30": (0.956, 0.0065, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.943, 0.0073, 1000),
                    "sl30": (0.937, 0.0077, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.937, 0.0077, 1000),
                    "k30": (0.942, 0.0074, 1000),
                    "sl30": (0.934, 0.0079, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.946, 0.0071, 1000),
                    "k30": (0.939, 0.0076, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.949, 0.007, 1000),
                    "k30": (0.944, 0.0073, 1000),
                    "sl30": (0.936, 0.0077, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.95, 0.0069, 1000),
                    "k30": (0.945, 0.0072, 1000),
                    "sl30": (0.948, 0.007, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.946, 0.0071, 1000),
                    "k30": (0.953, 0.0067, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 8 pulls × 3 reps, zero order, constant error (browning "
                "A420, rising)",
                "n_temperatures": 4,
                "pulls": 8,
                "replicates": 3,
                "order": "zero",
                "error_model": "constant",
                "dof": 93,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.944, 0.0073, 1000),
                    "k30": (0.957, 0.0064, 1000),
                    "sl30": (0.962, 0.006, 1000),
                },
                "profile": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.957, 0.0064, 1000),
                    "sl30": (0.961, 0.0061, 1000),
                },
                "montecarlo": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.955, 0.0066, 1000),
                    "sl30": (0.958, 0.0063, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.955, 0.0066, 1000),
                    "sl30": (0.957, 0.0064, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.935, 0.0078, 1000),
                    "k30": (0.955, 0.0066, 1000),
                    "sl30": (0.956, 0.0065, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.934, 0.0079, 1000),
                    "k30": (0.953, 0.0067, 1000),
                    "sl30": (0.955, 0.0066, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.935, 0.0078, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.953, 0.0067, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.935, 0.0078, 1000),
                    "k30": (0.953, 0.0067, 1000),
                    "sl30": (0.954, 0.0066, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.932, 0.008, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.954, 0.0066, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.943, 0.0073, 1000),
                    "k30": (0.952, 0.0068, 1000),
                    "sl30": (0.957, 0.0064, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 4 pulls × 2 reps, zero order, proportional error (browning "
                "A420, rising)",
                "n_temperatures": 4,
                "pulls": 4,
                "replicates": 2,
                "order": "zero",
                "error_model": "proportional",
                "dof": 29,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.946, 0.0071, 1000),
                    "k30": (0.944, 0.0073, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
                "profile": {
                    "Ea": (0.945, 0.0072, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.947, 0.0071, 1000),
                },
                "montecarlo": {
                    "Ea": (0.941, 0.0075, 1000),
                    "k30": (0.943, 0.0073, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.937, 0.0077, 1000),
                    "k30": (0.947, 0.0071, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.937, 0.0077, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.928, 0.0082, 1000),
                    "k30": (0.939, 0.0076, 1000),
                    "sl30": (0.932, 0.008, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.925, 0.0083, 1000),
                    "k30": (0.936, 0.0077, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.934, 0.0079, 1000),
                    "k30": (0.938, 0.0076, 1000),
                    "sl30": (0.936, 0.0077, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.93, 0.0081, 1000),
                    "k30": (0.938, 0.0076, 1000),
                    "sl30": (0.934, 0.0079, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.945, 0.0072, 1000),
                    "k30": (0.945, 0.0072, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.943, 0.0073, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 8 pulls × 3 reps, zero order, proportional error (browning "
                "A420, rising)",
                "n_temperatures": 4,
                "pulls": 8,
                "replicates": 3,
                "order": "zero",
                "error_model": "proportional",
                "dof": 93,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.958, 0.0063, 1000),
                    "k30": (0.957, 0.0064, 1000),
                    "sl30": (0.956, 0.0065, 1000),
                },
                "profile": {
                    "Ea": (0.958, 0.0063, 1000),
                    "k30": (0.956, 0.0065, 1000),
                    "sl30": (0.954, 0.0066, 1000),
                },
                "montecarlo": {
                    "Ea": (0.958, 0.0063, 1000),
                    "k30": (0.955, 0.0066, 1000),
                    "sl30": (0.955, 0.0066, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.957, 0.0064, 1000),
                    "k30": (0.959, 0.0063, 1000),
                    "sl30": (0.953, 0.0067, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.959, 0.0063, 1000),
                    "k30": (0.96, 0.0062, 1000),
                    "sl30": (0.954, 0.0066, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.955, 0.0066, 1000),
                    "k30": (0.955, 0.0066, 1000),
                    "sl30": (0.949, 0.007, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.954, 0.0066, 1000),
                    "k30": (0.955, 0.0066, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.953, 0.0067, 1000),
                    "k30": (0.955, 0.0066, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.95, 0.0069, 1000),
                    "k30": (0.954, 0.0066, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.957, 0.0064, 1000),
                    "k30": (0.952, 0.0068, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.958, 0.0063, 1000),
                    "k30": (0.95, 0.0069, 1000),
                    "sl30": (0.951, 0.0068, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 4 pulls × 2 reps, first order, constant error (vitamin C, falling)",
                "n_temperatures": 4,
                "pulls": 4,
                "replicates": 2,
                "order": "first",
                "error_model": "constant",
                "dof": 29,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.949, 0.007, 1000),
                    "k30": (0.94, 0.0075, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "profile": {
                    "Ea": (0.949, 0.007, 1000),
                    "k30": (0.941, 0.0075, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
                "montecarlo": {
                    "Ea": (0.95, 0.0069, 1000),
                    "k30": (0.938, 0.0076, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.947, 0.0071, 1000),
                    "k30": (0.937, 0.0077, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.94, 0.0075, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.938, 0.0076, 1000),
                    "k30": (0.93, 0.0081, 1000),
                    "sl30": (0.936, 0.0077, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.933, 0.0079, 1000),
                    "k30": (0.931, 0.008, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.936, 0.0077, 1000),
                    "k30": (0.941, 0.0075, 1000),
                    "sl30": (0.927, 0.0082, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.931, 0.008, 1000),
                    "k30": (0.933, 0.0079, 1000),
                    "sl30": (0.931, 0.008, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.949, 0.007, 1000),
                    "k30": (0.942, 0.0074, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.945, 0.0072, 1000),
                    "k30": (0.937, 0.0077, 1000),
                    "sl30": (0.939, 0.0076, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 8 pulls × 3 reps, first order, constant error (vitamin C, falling)",
                "n_temperatures": 4,
                "pulls": 8,
                "replicates": 3,
                "order": "first",
                "error_model": "constant",
                "dof": 93,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.944, 0.0073, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
                "profile": {
                    "Ea": (0.944, 0.0073, 1000),
                    "k30": (0.947, 0.0071, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "montecarlo": {
                    "Ea": (0.942, 0.0074, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.936, 0.0077, 1000),
                    "k30": (0.94, 0.0075, 1000),
                    "sl30": (0.939, 0.0076, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.942, 0.0074, 1000),
                    "sl30": (0.937, 0.0077, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.935, 0.0078, 1000),
                    "k30": (0.939, 0.0076, 1000),
                    "sl30": (0.936, 0.0077, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.934, 0.0079, 1000),
                    "k30": (0.938, 0.0076, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.935, 0.0078, 1000),
                    "k30": (0.934, 0.0079, 1000),
                    "sl30": (0.933, 0.0079, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.932, 0.008, 1000),
                    "sl30": (0.933, 0.0079, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.944, 0.0073, 1000),
                    "sl30": (0.937, 0.0077, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.939, 0.0076, 1000),
                    "k30": (0.941, 0.0075, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 4 pulls × 2 reps, first order, proportional error (vitamin "
                "C, falling)",
                "n_temperatures": 4,
                "pulls": 4,
                "replicates": 2,
                "order": "first",
                "error_model": "proportional",
                "dof": 29,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.965, 0.0058, 1000),
                    "k30": (0.945, 0.0072, 1000),
                    "sl30": (0.957, 0.0064, 1000),
                },
                "profile": {
                    "Ea": (0.965, 0.0058, 1000),
                    "k30": (0.945, 0.0072, 1000),
                    "sl30": (0.956, 0.0065, 1000),
                },
                "montecarlo": {
                    "Ea": (0.963, 0.006, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.958, 0.0063, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.954, 0.0066, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.952, 0.0068, 1000),
                    "k30": (0.948, 0.007, 1000),
                    "sl30": (0.948, 0.007, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.949, 0.007, 1000),
                    "k30": (0.935, 0.0078, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.944, 0.0073, 1000),
                    "k30": (0.937, 0.0077, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.954, 0.0066, 1000),
                    "k30": (0.945, 0.0072, 1000),
                    "sl30": (0.937, 0.0077, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.947, 0.0071, 1000),
                    "k30": (0.942, 0.0074, 1000),
                    "sl30": (0.935, 0.0078, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.963, 0.006, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.958, 0.0063, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.957, 0.0064, 1000),
                    "k30": (0.946, 0.0071, 1000),
                    "sl30": (0.956, 0.0065, 1000),
                },
            },
        },
        {
            "design": {
                "label": "4T × 8 pulls × 3 reps, first order, proportional error (vitamin "
                "C, falling)",
                "n_temperatures": 4,
                "pulls": 8,
                "replicates": 3,
                "order": "first",
                "error_model": "proportional",
                "dof": 93,
            },
            "intervals": {
                "delta": {
                    "Ea": (0.951, 0.0068, 1000),
                    "k30": (0.952, 0.0068, 1000),
                    "sl30": (0.947, 0.0071, 1000),
                },
                "profile": {
                    "Ea": (0.95, 0.0069, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.95, 0.0069, 1000),
                },
                "montecarlo": {
                    "Ea": (0.952, 0.0068, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
                "bootstrap-percentile": {
                    "Ea": (0.952, 0.0068, 1000),
                    "k30": (0.947, 0.0071, 1000),
                    "sl30": (0.946, 0.0071, 1000),
                },
                "bootstrap-bca": {
                    "Ea": (0.952, 0.0068, 1000),
                    "k30": (0.949, 0.007, 1000),
                    "sl30": (0.945, 0.0072, 1000),
                },
                "bootstrap-textbook-percentile": {
                    "Ea": (0.946, 0.0071, 1000),
                    "k30": (0.94, 0.0075, 1000),
                    "sl30": (0.942, 0.0074, 1000),
                },
                "bootstrap-textbook-bca": {
                    "Ea": (0.946, 0.0071, 1000),
                    "k30": (0.944, 0.0073, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
                "bootstrap-case-percentile": {
                    "Ea": (0.94, 0.0075, 1000),
                    "k30": (0.951, 0.0068, 1000),
                    "sl30": (0.93, 0.0081, 1000),
                },
                "bootstrap-case-bca": {
                    "Ea": (0.934, 0.0079, 1000),
                    "k30": (0.944, 0.0073, 1000),
                    "sl30": (0.933, 0.0079, 1000),
                },
                "bootstrap-parametric-percentile": {
                    "Ea": (0.952, 0.0068, 1000),
                    "k30": (0.942, 0.0074, 1000),
                    "sl30": (0.943, 0.0073, 1000),
                },
                "bootstrap-parametric-bca": {
                    "Ea": (0.951, 0.0068, 1000),
                    "k30": (0.941, 0.0075, 1000),
                    "sl30": (0.944, 0.0073, 1000),
                },
            },
        },
    ],
}
