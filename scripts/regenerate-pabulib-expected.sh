#!/usr/bin/env bash
# Recomputes tests/pabulib/expected.json (the reference winners of every rule on every file in
# tests/pabulib/instances/) with pabutools 1.2.3 in exact fractions, so anyone can check or redo it.
#
#   scripts/regenerate-pabulib-expected.sh            rewrite tests/pabulib/expected.json
#   scripts/regenerate-pabulib-expected.sh --check    compute into a temporary file and diff it against the committed one
#   options: --output FILE, --jobs N (files computed side by side; default: number of cores)
#
# pabutools: PABUTOOLS_DIR=/path/to/a/checkout of tag v1.2.3; without it the script clones that tag once into
# ${XDG_CACHE_HOME:-~/.cache}/burgerbegroting/pabutools-v1.2.3 (needs github.com; where git cannot reach it,
# make a checkout elsewhere and pass PABUTOOLS_DIR).
# Python: Debian's /usr/bin/python3 (override with PYTHON) with
#   apt-get install -y python3-gmpy2 python3-numpy python3-natsort python3-pulp python3-networkx
# The big files take a while: the whole run needs about 15 minutes of processor time.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tag=v1.2.3
python=${PYTHON:-/usr/bin/python3}
output="$repo/tests/pabulib/expected.json"
jobs=$(nproc 2>/dev/null || echo 1)
check=false

while [[ $# -gt 0 ]]; do
    case $1 in
        --check) check=true; shift ;;
        --output) output=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

if [[ -z ${PABUTOOLS_DIR:-} ]]; then
    PABUTOOLS_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/burgerbegroting/pabutools-$tag"
    if [[ ! -f $PABUTOOLS_DIR/pabutools/__init__.py ]]; then
        rm -rf "$PABUTOOLS_DIR"
        mkdir -p "$(dirname "$PABUTOOLS_DIR")"
        if ! git clone --quiet --depth 1 --branch "$tag" https://github.com/COMSOC-Community/pabutools "$PABUTOOLS_DIR"; then
            echo "Could not clone pabutools $tag from github.com." >&2
            echo "Make a checkout of that tag elsewhere and run again with PABUTOOLS_DIR=/path/to/it." >&2
            exit 1
        fi
    fi
fi

if ! grep -q '^version = "1.2.3"' "$PABUTOOLS_DIR/pyproject.toml" 2>/dev/null; then
    echo "$PABUTOOLS_DIR is not pabutools 1.2.3 (its pyproject.toml says otherwise); check out tag $tag." >&2
    exit 1
fi

if ! "$python" -c 'import gmpy2, numpy, natsort, pulp, networkx' 2>/dev/null; then
    echo "$python lacks pabutools' dependencies; on Debian:" >&2
    echo "  apt-get install -y python3-gmpy2 python3-numpy python3-natsort python3-pulp python3-networkx" >&2
    exit 1
fi

target=$output
if $check; then
    target=$(mktemp)
    trap 'rm -f "$target"' EXIT
fi

PYTHONPATH="$PABUTOOLS_DIR" "$python" - "$repo/tests/pabulib/instances" "$target" "$jobs" <<'PYTHON'
import json
import os
import sys
from multiprocessing import Pool

from gmpy2 import mpq

# Debian 12's gmpy2 2.1.2 (pabutools asks for >= 2.1.5) returns q itself, changed to q/n, from mpq(q, n) when q
# is already an mpq; pabutools' frac(a, b) is exactly mpq(a, b) and equal shares calls it on voters' money.
# Only where that bug is present, frac divides without touching its arguments.
_probe = mpq(1, 2)
if mpq(_probe, 3) is _probe:
    import pabutools.fractions

    def _frac(*args):
        if len(args) == 2:
            return mpq(args[0]) / mpq(args[1])
        return mpq(args[0])

    pabutools.fractions.frac = _frac

from pabutools.election import (  # noqa: E402  (after the patch, so every module sees the fixed frac)
    Additive_Cardinal_Sat,
    AdditiveSatisfaction,
    Cardinality_Sat,
    Cost_Sat,
    Instance,
    parse_pabulib,
)
from pabutools.fractions import str_as_frac  # noqa: E402
from pabutools.rules import (  # noqa: E402
    completion_by_rule_combination,
    exhaustion_by_budget_increase,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
)

# The add1 variants re-run equal shares once per unit of money added; above this many voters pabutools needs
# hours, so they are left out there.
ADD1_MAX_VOTERS = 10_000
THRESHOLD_KEY = "min_project_score_threshold"


class Points_Times_Cost_Sat(AdditiveSatisfaction):
    """Greedy divides the total satisfaction by the cost; points times cost makes it order by total points."""

    def __init__(self, instance, profile, ballot):
        AdditiveSatisfaction.__init__(
            self, instance, profile, ballot, lambda i, pr, b, p, pre: b[p] * p.cost if p in b else 0
        )


def ids(allocation):
    # Sorted as numbers where the ids are numbers ("2" < "10"), else as strings ("c10" < "c2").
    return sorted((p.name for p in allocation), key=lambda n: (0, int(n), "") if n.isdigit() else (1, 0, n))


def outcomes(path):
    instance, profile = parse_pabulib(path)
    voters = profile.num_ballots()
    cumulative = instance.meta.get("vote_type") == "cumulative"
    result = {}

    if any("selected" in meta for meta in instance.project_meta.values()):
        result["pabulib-selected"] = ids(p for p in instance if instance.project_meta[p].get("selected") == "1")

    result["greedy-cost"] = ids(greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat))
    result["greedy-card"] = ids(greedy_utilitarian_welfare(instance, profile, sat_class=Cardinality_Sat))
    if cumulative:
        result["greedy-points"] = ids(greedy_utilitarian_welfare(instance, profile, sat_class=Points_Times_Cost_Sat))
    if THRESHOLD_KEY in instance.meta:
        threshold = str_as_frac(instance.meta[THRESHOLD_KEY])
        votes = profile.approval_scores()
        kept = Instance([p for p in instance if votes.get(p, 0) >= threshold], budget_limit=instance.budget_limit)
        result["greedy-cost-threshold"] = ids(greedy_utilitarian_welfare(kept, profile, sat_class=Cost_Sat))

    result["mes-cost"] = ids(method_of_equal_shares(instance, profile, sat_class=Cost_Sat))
    result["mes-card"] = ids(method_of_equal_shares(instance, profile, sat_class=Cardinality_Sat))
    if cumulative:
        result["mes-points"] = ids(method_of_equal_shares(instance, profile, sat_class=Additive_Cardinal_Sat))

    if voters <= ADD1_MAX_VOTERS:
        result["mes-cost-add1"] = ids(
            method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1))
        # Without the exhaustiveness stop the increments end only when the outcome no longer fits, which never
        # happens when every project fits the budget together.
        if sum(p.cost for p in instance) > instance.budget_limit:
            result["mes-cost-add1-until-infeasible"] = ids(exhaustion_by_budget_increase(
                instance, profile, method_of_equal_shares, {"sat_class": Cost_Sat},
                exhaustive_stop=False, budget_step=voters))
        result["mes-cost-add1-greedy"] = ids(completion_by_rule_combination(
            instance, profile, [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Cost_Sat, "voter_budget_increment": 1}, {"sat_class": Cost_Sat}]))
        result["mes-card-add1"] = ids(
            method_of_equal_shares(instance, profile, sat_class=Cardinality_Sat, voter_budget_increment=1))
    return result


def main(instances, target, jobs):
    files = sorted(f for f in os.listdir(instances) if f.endswith(".pb"))
    with Pool(jobs) as pool:
        computed = pool.map(outcomes, [os.path.join(instances, f) for f in files], chunksize=1)
    with open(target, "w", encoding="utf-8") as out:
        json.dump(dict(zip(files, computed)), out, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
PYTHON

if $check; then
    if diff -u "$repo/tests/pabulib/expected.json" "$target"; then
        echo "tests/pabulib/expected.json matches pabutools $tag."
    else
        echo "tests/pabulib/expected.json differs from what pabutools $tag computes (diff above)." >&2
        exit 1
    fi
else
    echo "Wrote $output."
fi
