#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The retention pipeline done the way the most-used Python package, lifetimes 0.11, does it,
as the side-by-side baseline of bench/analytics/run_analyze_bench.sh. lifetimes itself is only
on PyPI, which this project cannot reach, so this follows its method with Debian's pandas and
SciPy: summary_data_from_transaction_data (pandas group-by on customer and period), BetaGeoFitter
and GammaGammaFitter (negative log-likelihood in NumPy over every customer, minimised by SciPy
on log-parameters from ones, as lifetimes' BaseFitter does), conditional_probability_alive,
conditional_expected_number_of_purchases_up_to_time and customer_lifetime_value (monthly
discounting, one expected-purchases call per month).

usage: baseline_lifetimes_method.py FILE [--freq W|D] [--horizon MONTHS] [--discount R]
prints one JSON line: customers, params, seconds per step.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1


def summary(df, freq, as_of):
    df = df[df["date"] <= as_of].copy()
    df["period"] = df["date"].dt.to_period(freq).dt.to_timestamp()
    per_period = df.groupby(["customer", "period"], sort=False)["amount"].sum().reset_index()
    g = per_period.groupby("customer", sort=False)
    first = g["period"].min()
    last = g["period"].max()
    unit = pd.Timedelta(days=7 if freq == "W" else 1)
    out = pd.DataFrame({
        "frequency": g["period"].count() - 1,
        "recency": (last - first) / unit,
        "T": (pd.Timestamp(as_of).to_period(freq).to_timestamp() - first) / unit,
    })
    # monetary value: mean spend of the repeat periods (the first period excluded)
    per_period = per_period.merge(first.rename("first"), left_on="customer", right_index=True)
    repeat = per_period[per_period["period"] != per_period["first"]]
    out["monetary_value"] = repeat.groupby("customer")["amount"].mean()
    out["monetary_value"] = out["monetary_value"].fillna(0)
    return out


def bgnbd_nll(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.where(x > 0, np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx), 0)
    d = np.where(x > 0, 1.0, 0.0)
    top = np.maximum(a3, a4)  # lifetimes' guard against exp() underflow at large x or T
    ll = a1 + a2 + np.log(np.exp(a3 - top) + d * np.exp(a4 - top)) + top
    return -ll.sum() / len(x)


def gamma_gamma_nll(log_params, x, m):
    p, q, v = np.exp(log_params)
    ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
          + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + v))
    return -ll.mean()


def expected_purchases(params, t, x, tx, T):
    r, alpha, a, b = params
    hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
    first = (a + b + x - 1) / (a - 1)
    second = 1 - hyp * ((alpha + T) / (alpha + t + T)) ** (r + x)
    numer = first * second
    denom = 1 + (x > 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return numer / denom


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--freq", default="W")
    ap.add_argument("--horizon", type=int, default=12)
    ap.add_argument("--discount", type=float, default=0.01)
    args = ap.parse_args()
    seconds = {}
    t0 = time.perf_counter()
    df = pd.read_csv(args.file, dtype={"customer": str, "amount": float}, parse_dates=["date"])
    seconds["parse"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    s = summary(df, args.freq, df["date"].max())
    seconds["summary"] = time.perf_counter() - t0
    x, tx, T = (s[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))

    t0 = time.perf_counter()
    fit = minimize(bgnbd_nll, np.zeros(4), args=(x, tx, T), method="BFGS", tol=1e-7)
    params = np.exp(fit.x)
    seconds["fit_bgnbd"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    rep = s[(s["frequency"] > 0) & (s["monetary_value"] > 0)]
    gx, gm = rep["frequency"].to_numpy(float), rep["monetary_value"].to_numpy(float)
    gfit = minimize(gamma_gamma_nll, np.zeros(3), args=(gx, gm), method="BFGS", tol=1e-7)
    p, q, v = np.exp(gfit.x)
    seconds["fit_gamma_gamma"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    r, alpha, a, b = params
    log_div = (r + x) * np.log((alpha + T) / (alpha + tx)) + np.log(a / (b + np.maximum(x, 1) - 1))
    p_alive = np.where(x == 0, 1.0, 1.0 / (1 + np.exp(log_div)))
    m = s["monetary_value"].to_numpy(float)
    spend = p * (v + x * m) / (p * x + q - 1)  # lifetimes conditional_expected_average_profit
    periods_per_month = 30.0 / (7.0 if args.freq == "W" else 1.0)
    clv = np.zeros_like(x)
    prev = np.zeros_like(x)
    for month in range(1, args.horizon + 1):
        cum = expected_purchases(params, month * periods_per_month, x, tx, T)
        clv += spend * (cum - prev) / (1 + args.discount) ** month
        prev = cum
    seconds["predict"] = time.perf_counter() - t0
    print(json.dumps({"customers": int(len(s)), "params": dict(zip(["r", "alpha", "a", "b"], params.tolist())),
                      "spend": {"p": p, "q": q, "gamma": v}, "p_alive_mean": float(p_alive.mean()),
                      "clv_total": float(clv.sum()), "seconds": seconds,
                      "total_seconds": sum(seconds.values())}))


if __name__ == "__main__":
    main()
